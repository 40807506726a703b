package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.JsonLines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end delivery latency (first sink arrival minus relay accept, timeline.jsonl endToEndMs):
 * nearest-rank percentiles, a histogram on 1-2-5 bins and a CDF. Immutable; thread-safe.
 */
public final class LatencyStats {

  /** The percentiles reported, in order, with their labels. */
  public static final Map<String, Double> PERCENTILES = percentiles();

  private static final int MAX_CDF_POINTS = 400;

  private final long[] sortedMs;
  private final long notDelivered;

  private LatencyStats(long[] sortedMs, long notDelivered) {
    this.sortedMs = sortedMs;
    this.notDelivered = notDelivered;
  }

  /** Reads endToEndMs from every timeline entry of {@code run}. */
  public static LatencyStats of(RunFolder run) {
    List<Long> values = new ArrayList<>();
    long missing = 0;
    for (JsonNode m : run.timeline()) {
      JsonNode ms = m.get("endToEndMs");
      if (ms != null && ms.isNumber()) {
        // A sink records the arrival before the injector may have read the relay's 250, so a
        // message delivered at once can show a few ms below zero: it was delivered, in ~0 ms.
        values.add(Math.max(0, ms.asLong()));
      } else {
        missing++;
      }
    }
    return ofMs(values.stream().mapToLong(Long::longValue).toArray(), missing);
  }

  /** Statistics of the given latencies (ms); {@code notDelivered} counts messages without one. */
  public static LatencyStats ofMs(long[] latenciesMs, long notDelivered) {
    long[] sorted = latenciesMs.clone();
    Arrays.sort(sorted);
    return new LatencyStats(sorted, notDelivered);
  }

  /** Messages with a latency. */
  public int count() {
    return sortedMs.length;
  }

  /** Messages without a latency (never arrived, or not accepted). */
  public long notDelivered() {
    return notDelivered;
  }

  /** The nearest-rank percentile {@code p} (0 < p <= 100) in ms, or NaN without data. */
  public double percentileMs(double p) {
    if (sortedMs.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedMs.length);
    return sortedMs[Math.max(0, Math.min(sortedMs.length - 1, rank - 1))];
  }

  /** The mean in ms, or NaN without data. */
  public double meanMs() {
    return sortedMs.length == 0 ? Double.NaN : Arrays.stream(sortedMs).average().orElse(0);
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
