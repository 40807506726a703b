package io.relayharness.verdict;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link EvennessVerdict}. Immutable; thread-safe.
 *
 * @param weights expected share per worker (default worker0..2 at 1 each); weight 0 = no mail
 * @param minPValue smallest chi-square goodness-of-fit p-value accepted (default 0.001)
 * @param maxRelativeDeviation largest |observed-expected|/expected accepted, or null for no bound
 *     (default 0.25)
 */
public record EvennessConfig(
    Map<String, Double> weights, double minPValue, Double maxRelativeDeviation) {

  /** {@code expect: evenness: {}}. */
  public static final EvennessConfig DEFAULT =
      new EvennessConfig(Map.of("worker0", 1.0, "worker1", 1.0, "worker2", 1.0), 0.001, 0.25);

  public EvennessConfig {
    weights = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(weights));
  }

  /** The {@code expect: evenness} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "evenness",
          "first arrivals are spread over the workers as the weights say",
          java.util.List.of(
              ParamSpec.weights(
                  "weights",
                  new LinkedHashMap<>(Map.of("worker0", 1, "worker1", 1, "worker2", 1)),
                  "expected share per worker; default: topology.weights, else equal among the lowest MX"
                      + " preference"),
              ParamSpec.number(
                  "minPValue", 0.001, 0.0, 1.0, false, "smallest chi-square p-value accepted"),
              ParamSpec.number(
                  "maxRelativeDeviation",
                  0.25,
                  0.0,
                  null,
                  true,
                  "largest |observed-expected|/expected (null: no bound)")),
          p ->
              new EvennessVerdict(
                  new EvennessConfig(
                      p.weights("weights"),
                      p.number("minPValue"),
                      p.number("maxRelativeDeviation"))));
}
