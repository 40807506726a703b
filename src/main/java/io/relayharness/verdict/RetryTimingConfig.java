package io.relayharness.verdict;

/**
 * Settings of {@link RetryTimingVerdict}. The backoff values themselves come from the relay's
 * effective settings. Immutable; thread-safe.
 *
 * @param toleranceMs slack on either side of the expected window (default 2500)
 * @param minGaps retry gaps that must be observed for the verdict to mean anything (default 2)
 */
public record RetryTimingConfig(int toleranceMs, int minGaps) {

  /** {@code expect: retryTiming: {}}. */
  public static final RetryTimingConfig DEFAULT = new RetryTimingConfig(2500, 2);

  /** The {@code expect: retryTiming} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "retryTiming",
          "retries after deferral follow Postfix's backoff rule",
          java.util.List.of(
              ParamSpec.integer(
                  "toleranceMs", 2500, 0, null, false, "slack on either side of the window, ms"),
              ParamSpec.integer("minGaps", 2, 0, null, false, "retry gaps that must be observed")),
          p ->
              new RetryTimingVerdict(
                  new RetryTimingConfig(p.integer("toleranceMs"), p.integer("minGaps"))));
}
