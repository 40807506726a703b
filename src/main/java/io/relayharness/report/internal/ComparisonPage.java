package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.JsonLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The comparison page of two runs A and B: config and scenario diff, verdicts side by side,
 * distribution per worker, latency percentile deltas, overlaid charts. Stateless.
 */
public final class ComparisonPage {

  /** Said wherever the page shows a difference: one run per side is not evidence. */
  static final String SINGLE_RUN_NOTE =
      "One run per side: a difference here may be run-to-run noise, so this page calls nothing"
          + " better or worse. To judge a difference, repeat both sides: ./harness ab <scenario>"
          + " --repeats N (confidence intervals, family-wise error control).";

  private ComparisonPage() {}

  /**
   * The complete, self-contained HTML comparing {@code a} and {@code b}, for a page in {@code
   * pageDir}.
   */
  public static String render(RunFolder a, RunFolder b, Path pageDir) {
    LatencyStats la = LatencyStats.of(a);
    LatencyStats lb = LatencyStats.of(b);
    WorkerSplit sa = WorkerSplit.of(a);
    WorkerSplit sb = WorkerSplit.of(b);
    ObjectNode data = JsonLines.MAPPER.createObjectNode();
    data.put("page", "compare");
    data.set("a", side(a, la));
    data.set("b", side(b, lb));
    ObjectNode split = data.putObject("split");
    List<String> workers = workers(sa, sb);
    workers.forEach(split.putArray("workers")::add);
    ObjectNode splitA = split.putObject("a");
    ObjectNode splitB = split.putObject("b");
    for (String w : workers) {
      splitA.put(w, sa.firstArrivals().getOrDefault(w, 0L));
      splitB.put(w, sb.firstArrivals().getOrDefault(w, 0L));
    }

    StringBuilder h = new StringBuilder();
    h.append("<header><h1>Comparison: ")
        .append(Html.esc(title(a, b)))
        .append("</h1>")
        .append(
            "<p class=\"description\">A = <b class=\"side-a\">"
                + Html.esc(RunFacts.label(a))
                + "</b>, B = <b class=\"side-b\">"
                + Html.esc(RunFacts.label(b))
                + "</b>. Differences are B − A.</p>")
        .append(facts(a, b, pageDir))
        .append("</header>\n");
    h.append(notes("A", a)).append(notes("B", b));
    h.append(Html.note(SINGLE_RUN_NOTE));
    h.append(
        "<nav><a href=\"#config-diff\">Relay configuration</a> · <a"
            + " href=\"#scenario-diff\">Scenario</a> · <a href=\"#verdicts\">Verdicts</a> · <a"
            + " href=\"#distribution\">Distribution per worker</a> · <a"
            + " href=\"#latency\">Latency</a> · <a href=\"#charts\">Overlaid charts</a></nav>\n");
    h.append(configDiff(a, b));
    h.append(scenarioDiff(a, b));
    h.append(verdicts(a, b));
    h.append(distribution(sa, sb, workers));
    h.append(latency(la, lb));
    h.append("<section id=\"charts\"><h2>Overlaid charts</h2>\n")
        .append(
            "<p class=\"hint\">Time is seconds since each run's first injected message, so the"
                + " loads overlay however long each harness took to start (A: "
                + Html.esc(Html.num(RunSeries.seconds(a.originEpochMs(), a.startEpochMs())))
                + " s, B: "
                + Html.esc(Html.num(RunSeries.seconds(b.originEpochMs(), b.startEpochMs())))
                + " s after its start). Rates are counted per whole second from the ledgers."
                + " Solid lines are A, dashed lines are B; red bands are A's fault windows, blue bands B's (one band when"
                + " both runs had the same fault at the same time).</p>\n")
        .append(RunReportPage.chart("chart-rates", "Accepted rate, A vs B (messages/s)"))
        .append(
            RunReportPage.chart("chart-delivered", "Deliveries per worker, A vs B (messages/s)"))
        .append(RunReportPage.chart("chart-queue", "Relay queue depth, A vs B (messages)"))
        .append("</section>\n");
    return Page.render("Comparison: " + title(a, b), h.toString(), data, "compare.js");
  }

  private static ObjectNode side(RunFolder run, LatencyStats latency) {
    ObjectNode o = JsonLines.MAPPER.createObjectNode();
    o.put("label", RunFacts.label(run));
    o.set("series", RunSeries.of(run));
    ObjectNode lat = o.putObject("latency");
    lat.set("summary", latency.summary());
    lat.set("cdf", latency.cdf());
    return o;
  }

  private static String title(RunFolder a, RunFolder b) {
    String sa = RunFacts.scenario(a);
    String sb = RunFacts.scenario(b);
    String va = Json.textOr(a.run(), "variant", RunFacts.started(a));
    String vb = Json.textOr(b.run(), "variant", RunFacts.started(b));
    return sa.equals(sb)
        ? sa + ": " + va + " vs " + vb
        : RunFacts.label(a) + " vs " + RunFacts.label(b);
  }

  private static String facts(RunFolder a, RunFolder b, Path pageDir) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("Scenario", Html.esc(RunFacts.scenario(a)), Html.esc(RunFacts.scenario(b))));
    rows.add(
        row(
            "Variant",
            Html.esc(Json.textOr(a.run(), "variant", "—")),
            Html.esc(Json.textOr(b.run(), "variant", "—"))));
    rows.add(row("Started", Html.esc(RunFacts.started(a)), Html.esc(RunFacts.started(b))));
    rows.add(
        row(
            "Duration",
            Html.num(RunFacts.durationSec(a)) + " s",
            Html.num(RunFacts.durationSec(b)) + " s"));
    rows.add(row("Result", Html.badge(RunFacts.passed(a)), Html.badge(RunFacts.passed(b))));
    rows.add(row("Run report", reportLink(a, pageDir), reportLink(b, pageDir)));
    rows.add(
        row(
            "Gatling report",
            Sections.gatlingLink(a, prefix(a, pageDir)),
            Sections.gatlingLink(b, prefix(b, pageDir))));
    rows.add(
        row(
            "Run folder",
            "<code>" + Html.esc(a.dir().toAbsolutePath().normalize()) + "</code>",
            "<code>" + Html.esc(b.dir().toAbsolutePath().normalize()) + "</code>"));
    return Html.table("kv side-by-side", List.of("", "A", "B"), rows);
  }

  private static List<String> row(String label, String a, String b) {
    return List.of("<b>" + Html.esc(label) + "</b>", a, b);
  }

  /** The relative path from the page's folder to the run folder, ending in "/". */
  private static String prefix(RunFolder run, Path pageDir) {
    Path rel =
        pageDir.toAbsolutePath().normalize().relativize(run.dir().toAbsolutePath().normalize());
    String s = rel.toString().replace('\\', '/');
    return s.isEmpty() ? "" : s + "/";
  }

  private static String reportLink(RunFolder run, Path pageDir) {
    if (!Files.exists(run.dir().resolve("report.html"))) {
      return "<span class=\"muted\">no report.html in the run folder</span>";
    }
    String href = prefix(run, pageDir) + "report.html";
    return "<a href=\"" + Html.esc(href) + "\">" + Html.esc(href) + "</a>";
  }

  private static String notes(String side, RunFolder run) {
    if (run.notes().isEmpty()) {
      return "";
    }
    StringBuilder b =
        new StringBuilder(
            "<div class=\"notes\"><b>Run " + side + ": missing or partial data</b><ul>");
    run.notes().forEach(n -> b.append("<li>").append(Html.esc(n)).append("</li>"));
    return b.append("</ul></div>\n").toString();
  }

  private static String configDiff(RunFolder a, RunFolder b) {
    StringBuilder h =
        new StringBuilder("<section id=\"config-diff\"><h2>Relay configuration: A vs B</h2>\n");
    if (!a.run().path("relaySettings").isObject() || !b.run().path("relaySettings").isObject()) {
      h.append(Html.note("run.json of A or B has no relaySettings: the diff may be incomplete."));
    }
    List<ConfigDiff.Row> diff = ConfigDiff.between(a.run(), b.run());
    if (diff.isEmpty()) {
      h.append(Html.note("The relay settings of A and B are identical."));
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (ConfigDiff.Row r : diff) {
        rows.add(
            List.of(
                "<code>" + Html.esc(r.name()) + "</code>",
                setting(r.a()),
                setting(r.b()),
                setting(r.postfixDefault())));
      }
      h.append(Html.table("data config", List.of("Setting", "A", "B", "Postfix default"), rows));
    }
    Set<String> names = new TreeSet<>();
    a.run().path("relaySettings").fieldNames().forEachRemaining(names::add);
    b.run().path("relaySettings").fieldNames().forEachRemaining(names::add);
    int same = names.size() - diff.size();
    h.append(Html.note(same + " further setting" + (same == 1 ? "" : "s") + " equal in A and B."));
    return h.append("</section>\n").toString();
  }

  private static String setting(String value) {
    return value == null
        ? "<span class=\"muted\">(not set)</span>"
        : "<code>" + Html.esc(value) + "</code>";
  }

  private static String scenarioDiff(RunFolder a, RunFolder b) {
    StringBuilder h =
        new StringBuilder("<section id=\"scenario-diff\"><h2>Scenario differences</h2>\n");
    List<List<String>> rows = new ArrayList<>();
    for (String field : List.of("scenario", "variant", "description")) {
      String va = Json.textOr(a.run(), field, null);
      String vb = Json.textOr(b.run(), field, null);
      if (!java.util.Objects.equals(va, vb)) {
        rows.add(List.of("<code>run.json " + field + "</code>", setting(va), setting(vb)));
      }
    }
    if (a.scenario().isMissingNode() || b.scenario().isMissingNode()) {
      h.append(Html.note("scenario.yaml is missing in A or B: only run.json is compared."));
    } else {
      for (ScenarioDiff.Row r : ScenarioDiff.between(a.scenario(), b.scenario())) {
        rows.add(
            List.of("<code>" + Html.esc(r.path()) + "</code>", setting(r.a()), setting(r.b())));
      }
    }
    if (rows.isEmpty()) {
      h.append(Html.note("The scenarios of A and B are identical."));
    } else {
      h.append(Html.table("data", List.of("Key", "A", "B"), rows));
    }
    return h.append("</section>\n").toString();
  }

  private static String verdicts(RunFolder a, RunFolder b) {
    Map<String, JsonNode> va = byName(a.verdicts());
    Map<String, JsonNode> vb = byName(b.verdicts());
    Set<String> names = new LinkedHashSet<>(va.keySet());
    names.addAll(vb.keySet());
    StringBuilder h =
        new StringBuilder("<section id=\"verdicts\"><h2>Verdicts side by side</h2>\n");
    if (names.isEmpty()) {
      return h.append(Html.note("Neither run has verdicts.")).append("</section>\n").toString();
    }
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> figureRows = new ArrayList<>();
    for (String name : names) {
      JsonNode x = va.get(name);
      JsonNode y = vb.get(name);
      rows.add(
          List.of(
              "<b>" + Html.esc(name) + "</b>",
              Html.badge(passed(x)),
              Html.esc(x == null ? "(no verdict)" : Json.textOr(x, "summary", "")),
              Html.badge(passed(y)),
              Html.esc(y == null ? "(no verdict)" : Json.textOr(y, "summary", ""))));
      Set<String> figures = new LinkedHashSet<>();
      if (x != null) {
        x.path("figures").fieldNames().forEachRemaining(figures::add);
      }
      if (y != null) {
        y.path("figures").fieldNames().forEachRemaining(figures::add);
      }
      for (String f : figures) {
        JsonNode fa = x == null ? null : x.path("figures").get(f);
        JsonNode fb = y == null ? null : y.path("figures").get(f);
        boolean numbers = fa != null && fb != null && fa.isNumber() && fb.isNumber();
        figureRows.add(
            List.of(
                Html.esc(name),
                Html.esc(f),
                fa == null ? "—" : Html.esc(Sections.figure(fa)),
                fb == null ? "—" : Html.esc(Sections.figure(fb)),
                numbers ? Html.num(fb.asDouble() - fa.asDouble()) : "—"));
      }
    }
    h.append(Html.table("verdicts", List.of("Verdict", "A", "A summary", "B", "B summary"), rows));
    if (!figureRows.isEmpty()) {
      h.append("<details><summary><b>Verdict figures, A vs B</b></summary>")
          .append(Html.table("data", List.of("Verdict", "Figure", "A", "B", "B − A"), figureRows))
          .append("</details>");
    }
    return h.append("</section>\n").toString();
  }

  private static Boolean passed(JsonNode verdict) {
    return verdict == null || !verdict.path("passed").isBoolean()
        ? null
        : verdict.path("passed").asBoolean();
  }

  private static Map<String, JsonNode> byName(JsonNode verdicts) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (verdicts.isArray()) {
      verdicts.forEach(v -> out.put(Json.textOr(v, "name", "?"), v));
    }
    return out;
  }

  private static List<String> workers(WorkerSplit a, WorkerSplit b) {
    TreeSet<String> w = new TreeSet<>(a.firstArrivals().keySet());
    w.addAll(b.firstArrivals().keySet());
    return List.copyOf(w);
  }

  private static String distribution(WorkerSplit a, WorkerSplit b, List<String> workers) {
    StringBuilder h =
        new StringBuilder(
            "<section id=\"distribution\"><h2>Distribution per worker (first arrivals)</h2>\n");
    if (a.messages() == 0 && b.messages() == 0) {
      return h.append(
              Html.note(
                  "No arrivals in either run (timeline.jsonl and arrivals.jsonl missing or empty)."))
          .append("</section>\n")
          .toString();
    }
    h.append(
        "<table class=\"data split\" id=\"split-table\"><thead><tr><th>Worker</th><th>A"
            + " messages</th><th>A share</th><th>B messages</th><th>B share</th><th>B − A"
            + " share</th></tr></thead><tbody>");
    for (String w : workers) {
      long ca = a.firstArrivals().getOrDefault(w, 0L);
      long cb = b.firstArrivals().getOrDefault(w, 0L);
      h.append("<tr data-worker=\"")
          .append(Html.esc(w))
          .append("\"><td>")
          .append(Html.esc(w))
          .append("</td><td class=\"a-count num\">")
          .append(ca)
          .append("</td><td class=\"a-share\">")
          .append(bar(a.share(w), "#c0392b"))
          .append(Html.pct(a.share(w)))
          .append("</td><td class=\"b-count num\">")
          .append(cb)
          .append("</td><td class=\"b-share\">")
          .append(bar(b.share(w), "#2471a3"))
          .append(Html.pct(b.share(w)))
          .append("</td><td class=\"num\">")
          .append(pp(b.share(w) - a.share(w)))
          .append("</td></tr>");
    }
    h.append("</tbody><tfoot>");
    h.append(footer("messages (first arrivals)", a.messages() + "", b.messages() + ""));
    h.append(
        footer(
            "all arrivals, duplicates included", a.totalArrivals() + "", b.totalArrivals() + ""));
    h.append(
        footer(
            "largest deviation from an even split",
            Html.pct(a.maxRelativeDeviationFromEven()),
            Html.pct(b.maxRelativeDeviationFromEven())));
    h.append("</tfoot></table>\n");
    h.append(
        Html.note(
            "Counted from "
                + a.source()
                + " (A) and "
                + b.source()
                + " (B): each message once, at the worker it reached first."));
    h.append(RunReportPage.chart("chart-split", "Share of messages per worker, A vs B"));
    return h.append("</section>\n").toString();
  }

  private static String footer(String label, String a, String b) {
    return "<tr><th>"
        + Html.esc(label)
        + "</th><td class=\"num\" colspan=\"2\">"
        + Html.esc(a)
        + "</td><td class=\"num\" colspan=\"2\">"
        + Html.esc(b)
        + "</td><td></td></tr>";
  }

  private static String bar(double share, String color) {
    return "<span class=\"split-bar\" style=\"width:"
        + Math.round(share * 120)
        + "px;background:"
        + color
        + "\"></span>";
  }

  private static String pp(double delta) {
    return String.format(java.util.Locale.ROOT, "%+.1f pp", delta * 100);
  }

  private static String latency(LatencyStats a, LatencyStats b) {
    StringBuilder h =
        new StringBuilder("<section id=\"latency\"><h2>End-to-end latency: A vs B</h2>\n");
    if (a.count() == 0 && b.count() == 0) {
      return h.append(Html.note("No end-to-end latencies in either run."))
          .append("</section>\n")
          .toString();
    }
    List<List<String>> rows = new ArrayList<>();
    Map<String, Function<LatencyStats, Double>> figures = new LinkedHashMap<>();
    LatencyStats.PERCENTILES.forEach((label, p) -> figures.put(label, s -> s.percentileMs(p)));
    figures.put("mean", LatencyStats::meanMs);
    for (Map.Entry<String, Function<LatencyStats, Double>> f : figures.entrySet()) {
      double x = f.getValue().apply(a);
      double y = f.getValue().apply(b);
      double ratio = x > 0 ? y / x : Double.NaN;
      // one run per side cannot say better or worse: no colour (./harness ab judges with repeats)
      String css = "";
      rows.add(
          List.of(
              "<b>" + Html.esc(f.getKey()) + "</b>",
              Html.num(round1(x)),
              Html.num(round1(y)),
              "<span class=\"" + css + "\">" + Html.esc(signed(round1(y - x))) + "</span>",
              "<span class=\""
                  + css
                  + "\">"
                  + (Double.isNaN(ratio)
                      ? "—"
                      : String.format(java.util.Locale.ROOT, "%.2f×", ratio))
                  + "</span>"));
    }
    rows.add(
        List.of(
            "<b>messages</b>",
            Html.num(a.count()),
            Html.num(b.count()),
            Html.esc(signed(b.count() - a.count())),
            "—"));
    rows.add(
        List.of(
            "<b>not delivered</b>",
            Html.num(a.notDelivered()),
            Html.num(b.notDelivered()),
            Html.esc(signed(b.notDelivered() - a.notDelivered())),
            "—"));
    h.append(
        Html.table(
            "data deltas", List.of("Latency", "A (ms)", "B (ms)", "B − A (ms)", "B / A"), rows));
    h.append(Html.note(SINGLE_RUN_NOTE));
    h.append("<div class=\"row\">")
        .append(RunReportPage.chart("chart-latency-pct", "Latency percentiles, A vs B (ms)"))
        .append(RunReportPage.chart("chart-latency-cdf", "Latency CDF, A vs B"))
        .append("</div>");
    return h.append("</section>\n").toString();
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static String signed(double v) {
    return Double.isNaN(v) ? "—" : (v > 0 ? "+" : "") + Html.num(v);
  }
}
