package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** HTML sections of a single run shared by the run report and the comparison. Stateless. */
public final class Sections {

  private Sections() {}

  /** A two-column table of label and ready-made HTML value. */
  public static String keyValues(List<List<String>> rows) {
    StringBuilder b = new StringBuilder("<table class=\"kv\"><tbody>");
    for (List<String> r : rows) {
      b.append("<tr><th>").append(Html.esc(r.get(0))).append("</th><td>").append(r.get(1));
      b.append("</td></tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  /** A link to the run's Gatling report; {@code prefix} leads from the page to the run folder. */
  public static String gatlingLink(RunFolder run, String prefix) {
    String rel = RunFacts.gatlingReport(run);
    if (rel == null) {
      return "<span class=\"muted\">no Gatling report for this run</span>";
    }
    String link = "<a href=\"" + Html.esc(prefix + rel) + "\">" + Html.esc(rel) + "</a>";
    return RunFacts.gatlingReportExists(run)
        ? link
        : link + " <span class=\"muted\">(not found in the run folder)</span>";
  }

  /** The verdict table: name, result, summary, figures; each verdict's tables below it. */
  public static String verdicts(RunFolder run) {
    StringBuilder b = new StringBuilder("<section id=\"verdicts\"><h2>Verdicts</h2>\n");
    JsonNode verdicts = run.verdicts();
    if (!verdicts.isArray() || verdicts.isEmpty()) {
      return b.append(Html.note("No verdicts (verdicts.json missing or empty)."))
          .append("</section>\n")
          .toString();
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode v : verdicts) {
      rows.add(
          List.of(
              "<b>" + Html.esc(Json.textOr(v, "name", "?")) + "</b>",
              Html.badge(v.path("passed").isBoolean() ? v.path("passed").asBoolean() : null),
              Html.esc(Json.textOr(v, "summary", "")),
              figures(v.path("figures"))));
    }
    b.append(Html.table("verdicts", List.of("Verdict", "Result", "Summary", "Figures"), rows));
    for (JsonNode v : verdicts) {
      JsonNode tables = v.path("tables");
      if (!tables.isArray() || tables.isEmpty()) {
        continue;
      }
      boolean failed = !v.path("passed").asBoolean(false);
      b.append("<details class=\"verdict-tables\"")
          .append(failed ? " open" : "")
          .append("><summary>")
          .append(Html.esc(Json.textOr(v, "name", "?")))
          .append(": ")
          .append(tables.size())
          .append(tables.size() == 1 ? " table" : " tables")
          .append("</summary>");
      for (JsonNode t : tables) {
        b.append("<h4>").append(Html.esc(Json.textOr(t, "title", ""))).append("</h4>");
        List<String> columns = new ArrayList<>();
        t.path("columns").forEach(c -> columns.add(c.asText()));
        List<List<String>> trows = new ArrayList<>();
        for (JsonNode r : t.path("rows")) {
          List<String> cells = new ArrayList<>();
          r.forEach(c -> cells.add(Html.esc(c.isNumber() ? Html.num(c.asDouble()) : c.asText())));
          trows.add(cells);
        }
        b.append(Html.table("data", columns, trows));
      }
      b.append("</details>\n");
    }
    return b.append("</section>\n").toString();
  }

  /** A verdict's figures as "name = value" lines. */
  public static String figures(JsonNode figures) {
    if (!figures.isObject() || figures.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<ul class=\"figures\">");
    figures
        .fields()
        .forEachRemaining(
            e ->
                b.append("<li><span class=\"fig-name\">")
                    .append(Html.esc(e.getKey()))
                    .append("</span> = ")
                    .append(Html.esc(figure(e.getValue())))
                    .append("</li>"));
    return b.append("</ul>").toString();
  }

  static String figure(JsonNode v) {
    return v.isNumber() ? Html.num(v.asDouble()) : v.isNull() ? "null" : v.asText();
  }

  /** The relay settings that differ from Postfix's defaults. */
  public static String configAgainstDefaults(RunFolder run) {
    StringBuilder b =
        new StringBuilder(
            "<section id=\"config\"><h2>Relay configuration (differs from Postfix's"
                + " defaults)</h2>\n");
    if (!run.run().path("relaySettings").isObject()) {
      return b.append(Html.note("No relay settings in run.json."))
          .append("</section>\n")
          .toString();
    }
    List<ConfigDiff.Row> diff = ConfigDiff.againstDefaults(run.run());
    if (!run.run().path("relayDefaults").isObject()) {
      b.append(Html.note("run.json has no relayDefaults: every setting is listed."));
    }
    List<List<String>> rows = new ArrayList<>();
    for (ConfigDiff.Row r : diff) {
      rows.add(
          List.of(
              "<code>" + Html.esc(r.name()) + "</code>",
              "<code>" + Html.esc(r.a()) + "</code>",
              r.postfixDefault() == null
                  ? "<span class=\"muted\">unknown</span>"
                  : "<code>" + Html.esc(r.postfixDefault()) + "</code>"));
    }
    b.append(Html.table("data config", List.of("Setting", "This run", "Postfix default"), rows));
    int same = ConfigDiff.settingCount(run.run()) - diff.size();
    b.append(
        Html.note(
            same
                + " further setting"
                + (same == 1 ? "" : "s")
                + " equal to the default not shown."));
    return b.append("</section>\n").toString();
  }

  /** The fault windows as a table, in seconds since the run's origin (t = 0 on the charts). */
  public static String faults(RunFolder run) {
    StringBuilder b = new StringBuilder("<section id=\"faults\"><h2>Fault timeline</h2>\n");
    if (!run.has("faults.jsonl")) {
      return b.append(Html.note("No fault timeline (faults.jsonl missing): charts show no bands."))
          .append("</section>\n")
          .toString();
    }
    if (run.faults().isEmpty()) {
      return b.append(Html.note("No faults were injected in this run."))
          .append("</section>\n")
          .toString();
    }
    long origin = run.originEpochMs();
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode f : run.faults()) {
      double s = RunSeries.seconds(Json.longOr(f, "startEpochMs", origin), origin);
      boolean ended = Json.has(f, "endEpochMs");
      double e =
          ended ? RunSeries.seconds(Json.longOr(f, "endEpochMs", origin), origin) : Double.NaN;
      rows.add(
          List.of(
              Html.esc(Json.textOr(f, "action", "")),
              Html.esc(Json.textOr(f, "target", "")),
              Html.num(s),
              ended ? Html.num(e) : "<span class=\"muted\">no end</span>",
              ended ? Html.num(Math.round((e - s) * 100) / 100.0) : "—",
              Html.esc(Json.textOr(f, "detail", ""))));
    }
    b.append(
        Html.table(
            "data",
            List.of("Action", "Target", "Start (s)", "End (s)", "Duration (s)", "Detail"),
            rows));
    b.append(
        Html.note(
            "Seconds since "
                + run.originDescription()
                + ", t = 0 on the charts; a negative start was before it."));
    return b.append("</section>\n").toString();
  }

  /** The latency percentiles of one run as a table. */
  public static String latencyTable(LatencyStats latency) {
    if (latency.count() == 0) {
      return Html.note(
          "No end-to-end latencies (timeline.jsonl missing, or no message arrived at a worker).");
    }
    List<String> header = new ArrayList<>(List.of("messages", "not delivered"));
    List<String> row =
        new ArrayList<>(List.of(Html.num(latency.count()), Html.num(latency.notDelivered())));
    LatencyStats.PERCENTILES.forEach(
        (label, p) -> {
          header.add(label + " (ms)");
          row.add(Html.num(latency.percentileMs(p)));
        });
    header.add("mean (ms)");
    row.add(Html.num(Math.round(latency.meanMs() * 10) / 10.0));
    return Html.table("data latency", header, List.of(row));
  }
}
