package io.relayharness.verdict;

import io.relayharness.observe.EndToEndLatency;
import io.relayharness.observe.Percentiles;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.internal.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end latency ({@link EndToEndLatency}, the computation the report shares): for each
 * ACCEPTED message that arrived, first arrival minus the relay's 250, clamped at 0 (nearest-rank
 * percentiles), against optional p95/p99 bounds. Messages that never arrived are counted but are
 * the loss verdict's business. Immutable; thread-safe.
 */
public final class DeliveryVerdict implements Verdict {

  private final DeliveryConfig config;

  /** Makes the verdict with {@code config}. */
  public DeliveryVerdict(DeliveryConfig config) {
    this.config = config;
  }

  /** Makes the verdict with the defaults (figures only). */
  public DeliveryVerdict() {
    this(DeliveryConfig.DEFAULT);
  }

  @Override
  public String name() {
    return "delivery";
  }

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    EndToEndLatency e2e = EndToEndLatency.of(obs.timelines());
    Percentiles p = e2e.percentiles();
    int n = e2e.delivered();
    long undelivered = e2e.notDelivered();
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("delivered", (double) n);
    figures.put("undelivered", (double) undelivered);
    figures.put("endToEndP50Ms", p.percentile(50));
    figures.put("endToEndP95Ms", p.percentile(95));
    figures.put("endToEndP99Ms", p.percentile(99));
    figures.put("endToEndMaxMs", p.max());
    if (n == 0) {
      boolean bounded =
          config.maxP95Ms() != null || config.maxP99Ms() != null || config.maxMs() != null;
      return new VerdictResult(
          name(),
          !bounded,
          "no accepted message arrived, no end-to-end latency",
          figures,
          List.of());
    }
    Checks checks =
        new Checks()
            .atMost("p95 end-to-end latency", config.maxP95Ms(), p.percentile(95), " ms")
            .atMost("p99 end-to-end latency", config.maxP99Ms(), p.percentile(99), " ms")
            .atMost("slowest end-to-end latency", config.maxMs(), p.max(), " ms");
    String summary =
        checks.passed()
            ? String.format(
                java.util.Locale.ROOT,
                "%d messages delivered, end-to-end p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
                n,
                p.percentile(50),
                p.percentile(95),
                p.percentile(99),
                p.max())
            : checks.failures();
    return new VerdictResult(name(), checks.passed(), summary, figures, List.of(checks.table()));
  }
}
