package io.relayharness.observe;

import java.util.List;
import java.util.Optional;

/**
 * A named timeline step of a relay-tier run as it happened: its fault event, its window and the
 * relays it targeted (by name, or every relay of a targeted region). The one place verdicts look a
 * step up by name. Immutable; thread-safe.
 *
 * @param name the step's name
 * @param event its (first) fault event
 * @param window its window as the run names it ({@link RunObservations#window(String)}), or null
 *     when the step's action failed
 * @param relays the relays its target names
 */
public record TierStep(String name, FaultEvent event, TimeWindow window, List<String> relays) {

  public TierStep {
    relays = List.copyOf(relays);
  }

  /**
   * The step called {@code name} of a tier run, or empty when the run has no tier or no such step.
   */
  public static Optional<TierStep> of(RunObservations obs, String name) {
    if (obs.tiers().isEmpty()) {
      return Optional.empty();
    }
    TierObservations tiers = obs.tiers().get();
    return obs.faults().stream()
        .filter(e -> name.equals(e.step()))
        .findFirst()
        .map(e -> new TierStep(name, e, obs.window(name).orElse(null), tiers.relaysOf(e.target())));
  }

  /** The span in which the step's fault was surely in effect ({@link FaultEvent#inEffect()}). */
  public TimeWindow inEffect() {
    return event.inEffect();
  }
}
