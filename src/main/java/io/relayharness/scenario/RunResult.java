package io.relayharness.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run produced: its folder and the outcome of each expectation. Immutable; thread-safe.
 *
 * @param runDirectory {@code reports/<scenario>/<timestamp>/}
 * @param outcomes one per {@code expect:} key, in the scenario's order
 */
public record RunResult(Path runDirectory, List<ExpectationOutcome> outcomes) {

  public RunResult {
    outcomes = List.copyOf(outcomes);
  }

  /** Returns whether every expectation held. */
  public boolean passed() {
    return outcomes.stream().allMatch(ExpectationOutcome::passed);
  }
}
