package io.relayharness.verdict;

import io.relayharness.observe.LoadStats;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.internal.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Load-side service levels from the injector's ledger, over the measured phase when the run names
 * one (the window {@value #MEASURED_WINDOW}: the load after its warm-up), else the whole load:
 * accepted rate (ACCEPTED / load duration, first start to last end), p95/p99 accept latency (end -
 * start of ACCEPTED transactions, nearest rank), and error rate ((REJECTED + FAILED) / all).
 * Immutable; thread-safe.
 */
public final class SloVerdict implements Verdict {

  private final SloConfig config;

  /** Makes the verdict with {@code config}. */
  public SloVerdict(SloConfig config) {
    this.config = config;
  }

  /** Makes the verdict with the defaults. */
  public SloVerdict() {
    this(SloConfig.DEFAULT);
  }

  @Override
  public String name() {
    return "slo";
  }

  /** The window the engine names for the measured phase (the load after its warm-up). */
  public static final String MEASURED_WINDOW = "measured";

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    LoadStats s =
        obs.window(MEASURED_WINDOW)
            .map(
                w ->
                    LoadStats.of(
                        obs.accepted().stream()
                            .filter(
                                a ->
                                    a.startEpochMs() >= w.startEpochMs()
                                        && (w.endEpochMs() == null
                                            || a.startEpochMs() <= w.endEpochMs()))
                            .toList()))
            .orElse(obs.loadStats());
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("transactions", (double) s.total());
    figures.put("accepted", (double) s.accepted());
    figures.put("rejected", (double) s.rejected());
    figures.put("failed", (double) s.failed());
    figures.put("durationMs", (double) s.durationMs());
    figures.put("acceptedPerSec", s.acceptedPerSec());
    figures.put("errorRate", s.errorRate());
    figures.put("acceptLatencyP50Ms", s.acceptLatencyP50Ms());
    figures.put("acceptLatencyP95Ms", s.acceptLatencyP95Ms());
    figures.put("acceptLatencyP99Ms", s.acceptLatencyP99Ms());
    figures.put("acceptLatencyMaxMs", s.acceptLatencyMaxMs());
    if (s.total() == 0) {
      return new VerdictResult(
          name(), false, "no transaction in the injector's ledger", figures, List.of());
    }
    Checks checks =
        new Checks()
            .atLeast("accepted rate", config.minAcceptedRate(), s.acceptedPerSec(), " msg/s")
            .atMost("p95 accept latency", config.maxP95Ms(), s.acceptLatencyP95Ms(), " ms")
            .atMost("p99 accept latency", config.maxP99Ms(), s.acceptLatencyP99Ms(), " ms")
            .atMost("error rate", config.maxErrorRate(), s.errorRate(), "");
    String summary =
        checks.passed()
            ? String.format(
                java.util.Locale.ROOT,
                "%d accepted at %.1f msg/s, p95 %.0f ms, error rate %.4f",
                s.accepted(),
                s.acceptedPerSec(),
                s.acceptLatencyP95Ms(),
                s.errorRate())
            : checks.failures();
    return new VerdictResult(name(), checks.passed(), summary, figures, List.of(checks.table()));
  }
}
