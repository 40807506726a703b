package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayharness.ledger.JsonLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The relay tier of a run with one ({@code tiers.json}): per relay its region, its worker pool (or
 * "shared"), MX preference, the messages it took, its deliveries per worker, its queue peak, the
 * sending MTA's failed connections to it and the mail held or lost on its disk; and each relay's
 * queue depth over time with the fault windows as bands, drawn as inline SVG; and the deliveries
 * per relay per worker as a matrix, each cell outside the relay's own pool marked. Empty for a run
 * with one relay. Stateless; thread-safe.
 */
final class TierSection {

  private static final int W = 900;
  private static final int H = 220;
  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

  private TierSection() {}

  /** The little HTML this section writes by hand: escaping, numbers, a table, a note. */
  private static final class Html {
    static String esc(Object text) {
      return String.valueOf(text)
          .replace("&", "&amp;")
          .replace("<", "&lt;")
          .replace(">", "&gt;")
          .replace("\"", "&quot;")
          .replace("'", "&#39;");
    }

    static String num(double v) {
      return io.relayharness.observe.NumberText.of(v);
    }

    static String note(String text) {
      return "<p class=\"note\">" + esc(text) + "</p>";
    }

    static String table(String css, List<String> header, List<List<String>> rows) {
      StringBuilder b = new StringBuilder("<table class=\"" + css + "\"><thead><tr>");
      header.forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
      b.append("</tr></thead><tbody>");
      for (List<String> r : rows) {
        b.append("<tr>");
        r.forEach(c -> b.append("<td>").append(c).append("</td>"));
        b.append("</tr>");
      }
      return b.append("</tbody></table>\n").toString();
    }
  }

  static String of(ReportedRun run) {
    var observed = run.observations().tiers();
    if (observed.isEmpty()) {
      return "";
    }
    JsonNode t = JsonLines.MAPPER.valueToTree(observed.get());
    Map<String, Long> took = new TreeMap<>();
    Map<String, Map<String, Long>> byWorker = new TreeMap<>();
    Map<String, java.util.Set<String>> seen = new TreeMap<>();
    for (JsonNode h : t.path("hops")) {
      String relay = h.path("relay").asText();
      if (seen.computeIfAbsent(relay, r -> new java.util.HashSet<>())
          .add(h.path("messageId").asText())) {
        took.merge(relay, 1L, Long::sum);
      }
      if (!h.path("deliveredEpochMs").isNull() && !h.path("deliveredEpochMs").isMissingNode()) {
        byWorker
            .computeIfAbsent(relay, r -> new TreeMap<>())
            .merge(h.path("worker").asText("unknown"), 1L, Long::sum);
      }
    }
    Map<String, Integer> peak = new TreeMap<>();
    Map<String, List<long[]>> series = new TreeMap<>();
    for (JsonNode q : t.path("queues")) {
      String relay = q.path("relay").asText();
      int depth = q.path("depth").asInt();
      peak.merge(relay, depth, Math::max);
      series
          .computeIfAbsent(relay, r -> new ArrayList<>())
          .add(new long[] {q.path("epochMs").asLong(), depth});
    }
    Map<String, int[]> held = new TreeMap<>();
    for (JsonNode h : t.path("held")) {
      int[] c = held.computeIfAbsent(h.path("relay").asText(), r -> new int[2]);
      c[h.path("diskLost").asBoolean() ? 1 : 0]++;
    }
    Map<String, Long> lost =
        io.relayharness.observe.TierPaths.of(run.observations())
            .map(io.relayharness.observe.TierPaths::lostByHop)
            .orElse(Map.of());
    List<List<String>> rows = new ArrayList<>();
    t.path("regions")
        .fields()
        .forEachRemaining(
            e -> {
              String relay = e.getKey();
              int[] h = held.getOrDefault(relay, new int[2]);
              rows.add(
                  List.of(
                      Html.esc(relay),
                      Html.esc(e.getValue().asText()),
                      Html.esc(poolText(t, relay)),
                      Html.esc(t.path("preferences").path(relay).asText()),
                      Html.esc(took.getOrDefault(relay, 0L)),
                      Html.esc(byWorker.getOrDefault(relay, Map.of()).toString()),
                      Html.esc(peak.getOrDefault(relay, 0)),
                      Html.esc(t.path("senderConnectFailures").path(relay).asInt(0)),
                      Html.esc(h[0] + " held, " + h[1] + " lost with the disk"),
                      Html.esc(lost.getOrDefault(relay, 0L))));
            });
    StringBuilder b = new StringBuilder("<section id=\"tier\"><h2>Relay tier</h2>\n");
    b.append(
        "<p class=\"hint\">Each message counted once per relay that took it, from that relay's"
            + " own log (by Message-ID); the sending MTA's failed connections are its retries on"
            + " the next MX. Relay logs: relays/&lt;name&gt;.log.</p>\n");
    b.append(
        Html.table(
            "tier",
            List.of(
                "relay",
                "region",
                "worker pool",
                "MX preference",
                "messages taken",
                "delivered per worker",
                "queue peak",
                "sender's failed connections or sessions",
                "mail on its disk at a restart",
                "lost, last seen in its queue"),
            rows));
    b.append(deliveryMatrix(t, byWorker));
    long atSender = lost.getOrDefault(io.relayharness.observe.TierPaths.SENDER, 0L);
    long nowhere = lost.getOrDefault(io.relayharness.observe.TierPaths.NOWHERE, 0L);
    if (atSender + nowhere > 0) {
      b.append(
          Html.note(
              "Lost before any relay took them: "
                  + atSender
                  + " stuck in the sender, "
                  + nowhere
                  + " never reached it (the loss verdict names each one)."));
    }
    b.append(queueChart(run, series));
    return b.append("</section>\n").toString();
  }

  /** A relay's worker pool as listed in {@code tiers.json}, or "shared" when it has none. */
  private static String poolText(JsonNode t, String relay) {
    JsonNode pool = t.path("pools").path(relay);
    if (!pool.isArray() || pool.isEmpty()) {
      return "shared (every worker)";
    }
    List<String> workers = new ArrayList<>();
    pool.forEach(w -> workers.add(w.asText()));
    return String.join(", ", workers);
  }

  /**
   * Deliveries per relay (rows) and worker (columns), from each relay's log; with worker pools, a
   * cell outside the relay's pool that holds mail is marked.
   */
  private static String deliveryMatrix(JsonNode t, Map<String, Map<String, Long>> byWorker) {
    java.util.SortedSet<String> workers = new java.util.TreeSet<>();
    byWorker.values().forEach(m -> workers.addAll(m.keySet()));
    t.path("pools").forEach(p -> p.forEach(w -> workers.add(w.asText())));
    if (workers.isEmpty()) {
      return Html.note("no relay delivered anything");
    }
    boolean pools = t.path("pools").size() > 0;
    List<String> header = new ArrayList<>();
    header.add("relay");
    header.addAll(workers);
    List<List<String>> rows = new ArrayList<>();
    t.path("regions")
        .fieldNames()
        .forEachRemaining(
            relay -> {
              List<String> row = new ArrayList<>();
              row.add(Html.esc(relay));
              java.util.Set<String> pool = new java.util.HashSet<>();
              t.path("pools").path(relay).forEach(w -> pool.add(w.asText()));
              for (String w : workers) {
                long n = byWorker.getOrDefault(relay, Map.of()).getOrDefault(w, 0L);
                boolean own = !pools || pool.contains(w);
                String cell = Html.esc(n);
                if (pools && own) {
                  cell = "<strong>" + cell + "</strong>";
                } else if (pools && n > 0) {
                  cell = "<span class=\"outside-pool\">" + cell + " outside its pool</span>";
                }
                row.add(cell);
              }
              rows.add(row);
            });
    return "<h3>Deliveries per relay and worker</h3>\n"
        + "<p class=\"hint\">From each relay's own log (status=sent)."
        + (pools
            ? " Bold: the relay's own pool; a delivery to any other worker is marked."
            : " The relays share every worker.")
        + "</p>\n"
        + Html.table("tier-matrix", header, rows);
  }

  /** Queue depth per relay over time, fault windows as grey bands. */
  private static String queueChart(ReportedRun run, Map<String, List<long[]>> series) {
    if (series.isEmpty()) {
      return Html.note("no queue samples of the relays");
    }
    long t0 = run.originEpochMs();
    long t1 = t0 + 1;
    int max = 1;
    for (List<long[]> s : series.values()) {
      for (long[] p : s) {
        t1 = Math.max(t1, p[0]);
        max = Math.max(max, (int) p[1]);
      }
    }
    double span = t1 - t0;
    int top = max;
    java.util.function.LongFunction<String> x =
        ms -> Html.num(40 + (W - 50) * Math.max(0, ms - t0) / span);
    java.util.function.IntFunction<String> y = d -> Html.num(H - 20 - (H - 30) * d / (double) top);
    StringBuilder svg =
        new StringBuilder("<figure><figcaption>Queue depth per relay (messages)</figcaption>")
            .append("<svg width=\"")
            .append(W)
            .append("\" height=\"")
            .append(H)
            .append("\" role=\"img\">");
    for (var f : run.observations().faults()) {
      long start = f.startEpochMs();
      long end = f.endEpochMs() != null ? f.endEpochMs() : t1;
      svg.append("<rect x=\"")
          .append(x.apply(start))
          .append("\" y=\"10\" width=\"")
          .append(Html.num(Math.max(1, (W - 50) * (end - start) / span)))
          .append("\" height=\"")
          .append(H - 30)
          .append("\" fill=\"#ddd\" opacity=\"0.6\"><title>")
          .append(Html.esc(f.action() + " " + f.target()))
          .append("</title></rect>");
    }
    svg.append("<text x=\"2\" y=\"16\" font-size=\"11\">")
        .append(top)
        .append("</text><text x=\"2\" y=\"")
        .append(H - 20)
        .append("\" font-size=\"11\">0</text>");
    int i = 0;
    StringBuilder legend = new StringBuilder();
    for (Map.Entry<String, List<long[]>> e : series.entrySet()) {
      String colour = COLOURS[i++ % COLOURS.length];
      StringBuilder pts = new StringBuilder();
      for (long[] p : e.getValue()) {
        pts.append(x.apply(p[0])).append(',').append(y.apply((int) p[1])).append(' ');
      }
      svg.append("<polyline fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" points=\"")
          .append(pts.toString().strip())
          .append("\"/>");
      legend
          .append("<span style=\"color:")
          .append(colour)
          .append("\">■ ")
          .append(Html.esc(e.getKey()))
          .append("</span> ");
    }
    svg.append("</svg>");
    return svg.append("<p class=\"hint\">")
        .append(legend)
        .append("· grey: fault windows · x: ")
        .append(Html.esc(Html.num(span / 1000.0)))
        .append(" s from t = 0</p></figure>\n")
        .toString();
  }
}
