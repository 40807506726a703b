package io.relayharness.verdict;

/**
 * Settings of {@link RetryTimingVerdict}. The backoff values themselves come from the relay's
 * effective settings ({@code postconf}); the {@code expect*} values, when given, are what the
 * scenario set, and the verdict fails when the relay reports something else. Immutable;
 * thread-safe.
 *
 * @param toleranceMs slack on either side of the predicted retry, ms (default 2500)
 * @param minGaps retries (attempts after a deferral) that must be judged for the verdict to mean
 *     anything (default 2; 0 allows a run without any retry)
 * @param expectMinimalBackoffMs the relay's {@code minimal_backoff_time} the scenario set, ms, or
 *     null not to check (default null)
 * @param expectMaximalBackoffMs the relay's {@code maximal_backoff_time} the scenario set, ms, or
 *     null not to check (default null)
 * @param expectQueueRunDelayMs the relay's {@code queue_run_delay} the scenario set, ms, or null
 *     not to check (default null)
 */
public record RetryTimingConfig(
    int toleranceMs,
    int minGaps,
    Integer expectMinimalBackoffMs,
    Integer expectMaximalBackoffMs,
    Integer expectQueueRunDelayMs) {

  /** {@code expect: retryTiming: {}}. */
  public static final RetryTimingConfig DEFAULT = new RetryTimingConfig(2500, 2);

  /** The {@code expect: retryTiming} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "retryTiming",
          "retries after deferral follow Postfix's backoff rule",
          java.util.List.of(
              ParamSpec.integer(
                  "toleranceMs",
                  2500,
                  0,
                  null,
                  false,
                  "slack on either side of the prediction, ms"),
              ParamSpec.integer("minGaps", 2, 0, null, false, "retries that must be judged"),
              ParamSpec.integer(
                  "expectMinimalBackoffMs",
                  null,
                  0,
                  null,
                  true,
                  "the relay's minimal_backoff_time must be this, ms (null: not checked)"),
              ParamSpec.integer(
                  "expectMaximalBackoffMs",
                  null,
                  0,
                  null,
                  true,
                  "the relay's maximal_backoff_time must be this, ms (null: not checked)"),
              ParamSpec.integer(
                  "expectQueueRunDelayMs",
                  null,
                  0,
                  null,
                  true,
                  "the relay's queue_run_delay must be this, ms (null: not checked)")),
          p ->
              new RetryTimingVerdict(
                  new RetryTimingConfig(
                      p.integer("toleranceMs"),
                      p.integer("minGaps"),
                      p.integer("expectMinimalBackoffMs"),
                      p.integer("expectMaximalBackoffMs"),
                      p.integer("expectQueueRunDelayMs"))));

  /** Settings without timer expectations. */
  public RetryTimingConfig(int toleranceMs, int minGaps) {
    this(toleranceMs, minGaps, null, null, null);
  }

  /** Returns a copy that also checks the relay's timers against the given values (ms). */
  public RetryTimingConfig expectingTimers(
      Integer minimalBackoffMs, Integer maximalBackoffMs, Integer queueRunDelayMs) {
    return new RetryTimingConfig(
        toleranceMs, minGaps, minimalBackoffMs, maximalBackoffMs, queueRunDelayMs);
  }
}
