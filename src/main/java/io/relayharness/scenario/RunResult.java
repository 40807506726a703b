package io.relayharness.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run produced: its folder and the outcome of each expectation. Immutable; thread-safe.
 *
 * @param runDirectory {@code reports/<scenario>/<timestamp>/}
 * @param outcomes one per judged verdict, in the scenario's order, plus any failure of the run
 *     itself (timeline, missing evidence)
 * @param expectFailure the verdicts that must fail (a negative scenario), empty otherwise
 */
public record RunResult(
    Path runDirectory, List<ExpectationOutcome> outcomes, List<String> expectFailure) {

  public RunResult {
    outcomes = List.copyOf(outcomes);
    expectFailure = List.copyOf(expectFailure);
  }

  /** A result whose every outcome must hold. */
  public RunResult(Path runDirectory, List<ExpectationOutcome> outcomes) {
    this(runDirectory, outcomes, List.of());
  }

  /** Returns the names of the outcomes that failed, in order. */
  public List<String> failed() {
    return outcomes.stream().filter(o -> !o.passed()).map(ExpectationOutcome::name).toList();
  }

  /**
   * Returns whether the run is as the scenario says: every outcome held, or, for a negative
   * scenario, exactly the verdicts of {@code expectFailure} failed and every other one held.
   */
  public boolean passed() {
    return new java.util.HashSet<>(failed()).equals(new java.util.HashSet<>(expectFailure));
  }
}
