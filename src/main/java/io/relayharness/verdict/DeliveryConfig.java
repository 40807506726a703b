package io.relayharness.verdict;

/**
 * Settings of {@link DeliveryVerdict}; null bounds are not checked. Immutable; thread-safe.
 *
 * @param maxP95Ms 95th percentile accept → first arrival, at most, ms (default null)
 * @param maxP99Ms 99th percentile accept → first arrival, at most, ms (default null)
 * @param maxMs the slowest message's accept → first arrival, at most, ms (default null): for a
 *     claim that no message waits longer than a Postfix timeout
 * @param during a timeline step: only the messages accepted while it was in effect are judged
 *     (default null: every message)
 */
public record DeliveryConfig(Double maxP95Ms, Double maxP99Ms, Double maxMs, String during) {

  /** Bounds on p95 and p99 only. */
  public DeliveryConfig(Double maxP95Ms, Double maxP99Ms) {
    this(maxP95Ms, maxP99Ms, null, null);
  }

  /** Bounds over every message. */
  public DeliveryConfig(Double maxP95Ms, Double maxP99Ms, Double maxMs) {
    this(maxP95Ms, maxP99Ms, maxMs, null);
  }

  /** {@code expect: delivery: {}}. */
  public static final DeliveryConfig DEFAULT = new DeliveryConfig(null, null);

  /** The {@code expect: delivery} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "delivery",
          "accepted messages reach a sink fast enough (injection to first arrival)",
          java.util.List.of(
              ParamSpec.number("maxP95Ms", null, 0.0, null, true, "p95 end-to-end latency, ms"),
              ParamSpec.number("maxP99Ms", null, 0.0, null, true, "p99 end-to-end latency, ms"),
              ParamSpec.number(
                  "maxMs", null, 0.0, null, true, "the slowest message's end-to-end latency, ms"),
              ParamSpec.step(
                  "during",
                  false,
                  "only the messages accepted while this step was in effect are judged (null:"
                      + " every message)")),
          p ->
              new DeliveryVerdict(
                  new DeliveryConfig(
                      p.number("maxP95Ms"),
                      p.number("maxP99Ms"),
                      p.number("maxMs"),
                      p.string("during"))));
}
