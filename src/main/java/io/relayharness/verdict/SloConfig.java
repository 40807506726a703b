package io.relayharness.verdict;

/**
 * Settings of {@link SloVerdict}; each bound may be null (not checked). Immutable; thread-safe.
 *
 * @param minAcceptedRate accepted messages per second over the load, at least (default 100)
 * @param maxP95Ms 95th percentile accept latency, at most, ms (default 2000)
 * @param maxP99Ms 99th percentile accept latency, at most, ms (default null)
 * @param maxErrorRate (rejected + failed) / all, at most (default 0.001)
 */
public record SloConfig(
    Double minAcceptedRate, Double maxP95Ms, Double maxP99Ms, Double maxErrorRate) {

  /** {@code expect: slo: {}}. */
  public static final SloConfig DEFAULT = new SloConfig(100.0, 2000.0, null, 0.001);

  /** The {@code expect: slo} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "slo",
          "the relay takes the load fast enough and without errors",
          java.util.List.of(
              ParamSpec.number(
                  "minAcceptedRate", 100.0, 0.0, null, true, "accepted messages per second"),
              ParamSpec.number("maxP95Ms", 2000.0, 0.0, null, true, "p95 accept latency, ms"),
              ParamSpec.number("maxP99Ms", null, 0.0, null, true, "p99 accept latency, ms"),
              ParamSpec.number(
                  "maxErrorRate", 0.001, 0.0, 1.0, true, "(rejected + failed) / all transactions")),
          p ->
              new SloVerdict(
                  new SloConfig(
                      p.number("minAcceptedRate"),
                      p.number("maxP95Ms"),
                      p.number("maxP99Ms"),
                      p.number("maxErrorRate"))));
}
