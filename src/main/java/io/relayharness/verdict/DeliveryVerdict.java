package io.relayharness.verdict;

import io.relayharness.observe.EndToEndLatency;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.Percentiles;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TimeWindow;
import io.relayharness.verdict.internal.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end latency ({@link EndToEndLatency}, the computation the report shares): for each
 * ACCEPTED message that arrived, first arrival minus the relay's 250, clamped at 0 (nearest-rank
 * percentiles), against optional p95/p99/max bounds. With {@code during}, only the messages
 * accepted while that step was in effect (from the end of its apply to the start of its undo) are
 * judged: a claim about how long mail waits while a fault lasts. Messages that never arrived are
 * counted but are the loss verdict's business. Immutable; thread-safe.
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
    List<MessageTimeline> judged = obs.timelines();
    String scope = "";
    if (config.during() != null) {
      FaultEvent event =
          obs.faults().stream()
              .filter(e -> config.during().equals(e.step()))
              .findFirst()
              .orElse(null);
      if (event == null || event.inEffect().endEpochMs() == null) {
        return new VerdictResult(
            name(),
            false,
            "step '" + config.during() + "' did not happen in this run, or never ended",
            Map.of(),
            List.of());
      }
      TimeWindow w = event.inEffect();
      judged =
          judged.stream()
              .filter(
                  t -> t.acceptEpochMs() >= w.startEpochMs() && t.acceptEpochMs() <= w.endEpochMs())
              .toList();
      scope = " accepted during '" + config.during() + "'";
    }
    EndToEndLatency e2e = EndToEndLatency.of(judged);
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
          "no accepted message" + scope + " arrived, no end-to-end latency",
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
                "%d messages%s delivered, end-to-end p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max"
                    + " %.0f ms",
                n,
                scope,
                p.percentile(50),
                p.percentile(95),
                p.percentile(99),
                p.max())
            : "of " + n + " messages" + scope + ": " + checks.failures();
    return new VerdictResult(name(), checks.passed(), summary, figures, List.of(checks.table()));
  }
}
