package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.JsonLines;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The time series a report charts, as JSON for the page: every x value is seconds since the run's
 * start, so two runs overlay on one axis. Stateless; thread-safe.
 */
public final class RunSeries {

  /** At most this many points per scatter series; more are thinned evenly. */
  public static final int MAX_SCATTER_POINTS = 5000;

  private RunSeries() {}

  /** Builds {rates, delivered, queue, retries, latencyByAccept, faults, workers, durationSec}. */
  public static ObjectNode of(RunFolder run) {
    long start = run.startEpochMs();
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    out.put("durationSec", seconds(run.endEpochMs(), start));
    out.set("rates", rates(run.rates(), start));
    out.set("delivered", delivered(run.rates(), start));
    out.set("queue", queue(run.queue(), start));
    out.set("retries", retries(run.attempts(), start));
    out.set("latencyByAccept", latencyByAccept(run.timeline(), start));
    out.set("faults", faults(run.faults(), start));
    ArrayNode workers = out.putArray("workers");
    WorkerSplit.workersOf(run).forEach(workers::add);
    return out;
  }

  /** Seconds from {@code startEpochMs} to {@code epochMs}, to the hundredth. */
  public static double seconds(long epochMs, long startEpochMs) {
    return Math.round((epochMs - startEpochMs) / 10.0) / 100.0;
  }

  private static ObjectNode rates(List<JsonNode> samples, long start) {
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    for (String field : List.of("offered", "accepted", "rejected", "failed")) {
      ArrayNode points = out.putArray(field);
      for (JsonNode s : samples) {
        if (Json.has(s, field)) {
          points.add(point(seconds(Json.longOr(s, "epochMs", start), start), s.get(field)));
        }
      }
    }
    return out;
  }

  private static ObjectNode delivered(List<JsonNode> samples, long start) {
    TreeSet<String> workers = new TreeSet<>();
    for (JsonNode s : samples) {
      JsonNode d = s.get("delivered");
      if (d != null && d.isObject()) {
        d.fieldNames().forEachRemaining(workers::add);
      }
    }
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    for (String worker : workers) {
      ArrayNode points = out.putArray(worker);
      for (JsonNode s : samples) {
        JsonNode d = s.get("delivered");
        double t = seconds(Json.longOr(s, "epochMs", start), start);
        points.add(point(t, d != null && d.has(worker) ? d.get(worker).asDouble() : 0));
      }
    }
    return out;
  }

  private static ObjectNode queue(List<JsonNode> samples, long start) {
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    for (String field :
        List.of("total", "active", "deferred", "incoming", "hold", "oldestAgeSeconds")) {
      ArrayNode points = out.putArray(field);
      for (JsonNode s : samples) {
        if (Json.has(s, field)) {
          points.add(point(seconds(Json.longOr(s, "epochMs", start), start), s.get(field)));
        }
      }
    }
    return out;
  }

  /** Deferred attempts per worker (null worker = "no worker"), y = message age in seconds. */
  private static ObjectNode retries(List<JsonNode> attempts, long start) {
    Map<String, ArrayNode> byWorker = new TreeMap<>();
    for (JsonNode a : attempts) {
      String status = Json.textOr(a, "status", "");
      if (!status.equals("deferred")) {
        continue;
      }
      String worker = Json.textOr(a, "worker", "no worker");
      byWorker
          .computeIfAbsent(worker, w -> JsonLines.MAPPER.createArrayNode())
          .add(
              point(
                  seconds(Json.longOr(a, "epochMs", start), start),
                  Json.doubleOr(a, "delaySeconds", 0)));
    }
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    byWorker.forEach((w, points) -> out.set(w, thin(points)));
    return out;
  }

  /** End-to-end latency (ms) by accept time, per worker of the first arrival. */
  private static ObjectNode latencyByAccept(List<JsonNode> timeline, long start) {
    Map<String, ArrayNode> byWorker = new TreeMap<>();
    for (JsonNode m : timeline) {
      if (!Json.has(m, "endToEndMs") || !Json.has(m, "acceptEpochMs")) {
        continue;
      }
      String worker = WorkerSplit.firstWorker(m);
      byWorker
          .computeIfAbsent(
              worker == null ? "unknown" : worker, w -> JsonLines.MAPPER.createArrayNode())
          .add(
              point(
                  seconds(Json.longOr(m, "acceptEpochMs", start), start),
                  Math.max(1, Json.doubleOr(m, "endToEndMs", 1))));
    }
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    byWorker.forEach((w, points) -> out.set(w, thin(points)));
    return out;
  }

  private static ArrayNode faults(List<JsonNode> faults, long start) {
    ArrayNode out = JsonLines.MAPPER.createArrayNode();
    for (JsonNode f : faults) {
      ObjectNode o = out.addObject();
      o.put("startSec", seconds(Json.longOr(f, "startEpochMs", start), start));
      if (Json.has(f, "endEpochMs")) {
        o.put("endSec", seconds(Json.longOr(f, "endEpochMs", start), start));
      } else {
        o.putNull("endSec");
      }
      o.put("action", Json.textOr(f, "action", "fault"));
      o.put("target", Json.textOr(f, "target", ""));
      o.put("detail", Json.textOr(f, "detail", ""));
    }
    return out;
  }

  private static ArrayNode point(double x, JsonNode y) {
    ArrayNode p = JsonLines.MAPPER.createArrayNode();
    p.add(x);
    p.add(y.asDouble());
    return p;
  }

  private static ArrayNode point(double x, double y) {
    ArrayNode p = JsonLines.MAPPER.createArrayNode();
    p.add(x);
    p.add(y);
    return p;
  }

  private static ArrayNode thin(ArrayNode points) {
    if (points.size() <= MAX_SCATTER_POINTS) {
      return points;
    }
    ArrayNode out = JsonLines.MAPPER.createArrayNode();
    double step = points.size() / (double) MAX_SCATTER_POINTS;
    for (int i = 0; i < MAX_SCATTER_POINTS; i++) {
      out.add(points.get((int) (i * step)));
    }
    return out;
  }

  static Iterator<String> names(JsonNode object) {
    return object == null ? List.<String>of().iterator() : object.fieldNames();
  }
}
