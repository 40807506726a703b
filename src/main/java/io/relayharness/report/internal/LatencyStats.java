package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.JsonLines;
import io.relayharness.observe.EndToEndLatency;
import io.relayharness.observe.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end delivery latency for the pages: {@link EndToEndLatency}, the computation the delivery
 * verdict uses too (clamped latencies of the accepted messages that arrived, nearest-rank {@link
 * Percentiles}; rejected mail counts as neither delivered nor not delivered), plus a histogram on
 * 1-2-5 bins and a CDF. Immutable; thread-safe.
 */
public final class LatencyStats {

  /** The percentiles reported, in order, with their labels. */
  public static final Map<String, Double> PERCENTILES = percentiles();

  private static final int MAX_CDF_POINTS = 400;

  private final Percentiles percentiles;
  private final long[] sortedMs;
  private final long notDelivered;

  private LatencyStats(Percentiles percentiles, long notDelivered) {
    this.percentiles = percentiles;
    this.sortedMs = percentiles.sortedValues();
    this.notDelivered = notDelivered;
  }

  /** The latency of the messages of {@code run}. */
  public static LatencyStats of(ReportedRun run) {
    EndToEndLatency e2e = EndToEndLatency.of(run.timeline());
    return new LatencyStats(e2e.percentiles(), e2e.notDelivered());
  }

  /** Statistics of the given latencies (ms); {@code notDelivered} counts messages without one. */
  public static LatencyStats ofMs(long[] latenciesMs, long notDelivered) {
    return new LatencyStats(Percentiles.of(latenciesMs), notDelivered);
  }

  /** Messages with a latency. */
  public int count() {
    return percentiles.count();
  }

  /** Accepted messages of which no copy arrived. */
  public long notDelivered() {
    return notDelivered;
  }

  /** The nearest-rank percentile {@code p} (0 < p <= 100) in ms, or NaN without data. */
  public double percentileMs(double p) {
    return percentiles.percentile(p);
  }

  /** The mean in ms, or NaN without data. */
  public double meanMs() {
    return percentiles.mean();
  }

  /** The percentiles as {label: ms} plus count, notDelivered and mean. */
  public ObjectNode summary() {
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    out.put("count", count());
    out.put("notDelivered", notDelivered);
    if (count() > 0) {
      PERCENTILES.forEach((label, p) -> out.put(label, percentileMs(p)));
      out.put("mean", Math.round(meanMs() * 10) / 10.0);
    }
    return out;
  }

  /**
   * A histogram on 1-2-5 bin edges: {edgesMs:[...], counts:[...]} (bin i is (edge i-1, edge i]).
   */
  public ObjectNode histogram() {
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    ArrayNode edges = out.putArray("edgesMs");
    ArrayNode counts = out.putArray("counts");
    if (count() == 0) {
      return out;
    }
    long max = sortedMs[sortedMs.length - 1];
    List<Long> e = new ArrayList<>();
    for (long decade = 1; ; decade *= 10) {
      for (long m : new long[] {1, 2, 5}) {
        e.add(decade * m);
      }
      if (decade * 5 >= max) {
        break;
      }
    }
    int i = 0;
    for (long edge : e) {
      long n = 0;
      while (i < sortedMs.length && sortedMs[i] <= edge) {
        n++;
        i++;
      }
      edges.add(edge);
      counts.add(n);
    }
    return out;
  }

  /** The CDF as [[ms, fraction], ...], thinned to a few hundred points. */
  public ArrayNode cdf() {
    ArrayNode out = JsonLines.MAPPER.createArrayNode();
    int n = sortedMs.length;
    if (n == 0) {
      return out;
    }
    double step = Math.max(1.0, n / (double) MAX_CDF_POINTS);
    for (double k = 0; k < n; k += step) {
      int i = (int) k;
      out.addArray().add(Math.max(1, sortedMs[i])).add(round4((i + 1) / (double) n));
    }
    out.addArray().add(Math.max(1, sortedMs[n - 1])).add(1.0);
    return out;
  }

  private static double round4(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static Map<String, Double> percentiles() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("p50", 50.0);
    m.put("p90", 90.0);
    m.put("p95", 95.0);
    m.put("p99", 99.0);
    m.put("max", 100.0);
    return java.util.Collections.unmodifiableMap(m);
  }
}
