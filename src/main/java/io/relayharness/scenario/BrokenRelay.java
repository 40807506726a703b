package io.relayharness.scenario;

import java.util.List;

/**
 * A relay broken on purpose that a scenario must catch: the scenario run with {@code sets} applied
 * (as {@code --set} applies them) must fail at least the verdicts in {@code caughtBy}. {@code mvn
 * verify} runs every one. Immutable; thread-safe.
 *
 * @param name what is broken, as a word
 * @param why what the broken relay does wrong, one sentence
 * @param sets {@code key.path=value} assignments
 * @param caughtBy the verdicts that must fail on it
 */
public record BrokenRelay(String name, String why, List<String> sets, List<String> caughtBy) {

  public BrokenRelay {
    sets = List.copyOf(sets);
    caughtBy = List.copyOf(caughtBy);
  }

  /** The overrides that break the relay. */
  public Overrides overrides() {
    return new Overrides(sets, null, null);
  }
}
