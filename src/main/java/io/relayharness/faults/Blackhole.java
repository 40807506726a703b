package io.relayharness.faults;

import java.util.Map;

/**
 * Makes the workers accept connections and never answer: a {@code timeout} toxic with timeout 0 on
 * both streams (data dropped, connection never closed); undo removes both toxics.
 *
 * @param scope the workers
 * @param toxicPrefix prefix of the two toxics' names ({@code -up}, {@code -down} appended)
 */
public record Blackhole(FaultScope scope, String toxicPrefix) implements FaultAction {

  /** The name in scenario files. */
  public static final String NAME = "blackhole";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String detail() {
    return "accepts, never answers (timeout toxic 0 on both streams)";
  }

  @Override
  public Undo apply(FaultTarget target) {
    for (String w : scope.workers()) {
      target.addToxic(w, toxicPrefix + "-up", "timeout", "upstream", 1.0, Map.of("timeout", 0L));
      target.addToxic(
          w, toxicPrefix + "-down", "timeout", "downstream", 1.0, Map.of("timeout", 0L));
    }
    return t -> {
      for (String w : scope.workers()) {
        t.removeToxic(w, toxicPrefix + "-up");
        t.removeToxic(w, toxicPrefix + "-down");
      }
    };
  }
}
