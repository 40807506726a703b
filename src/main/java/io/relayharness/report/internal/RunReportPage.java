package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.JsonLines;
import java.util.ArrayList;
import java.util.List;

/** The run report page of one run folder: header, verdicts, config, faults, charts, timeline. */
public final class RunReportPage {

  private RunReportPage() {}

  /** The complete, self-contained HTML of the run report. */
  public static String render(RunFolder run) {
    LatencyStats latency = LatencyStats.of(run);
    ObjectNode data = JsonLines.MAPPER.createObjectNode();
    data.put("page", "run");
    data.put("label", RunFacts.label(run));
    data.set("series", RunSeries.of(run));
    ObjectNode lat = data.putObject("latency");
    lat.set("summary", latency.summary());
    lat.set("histogram", latency.histogram());
    lat.set("cdf", latency.cdf());
    data.set("timeline", TimelineTable.of(run));
    data.put("timelineFile", run.has("timeline.jsonl") ? "timeline.jsonl" : null);

    StringBuilder b = new StringBuilder();
    b.append(header(run));
    b.append(notes(run.notes()));
    b.append(
        "<nav><a href=\"#verdicts\">Verdicts</a> · <a href=\"#config\">Relay configuration</a> ·"
            + " <a href=\"#faults\">Faults</a> · <a href=\"#charts\">Charts</a> · <a"
            + " href=\"#latency\">Latency</a> · <a href=\"#timeline\">Per-message"
            + " timeline</a></nav>\n");
    b.append(Sections.verdicts(run));
    b.append(Sections.configAgainstDefaults(run));
    b.append(Sections.faults(run));
    b.append(TierSection.of(run));
    b.append("<section id=\"charts\"><h2>Charts</h2>\n")
        .append(
            "<p class=\"hint\">Time is seconds since "
                + Html.esc(run.originDescription())
                + " (t = 0), "
                + Html.esc(Html.num(RunSeries.seconds(run.originEpochMs(), run.startEpochMs())))
                + " s after the harness started. Rates are messages per whole second counted"
                + " from the ledgers (accepted.jsonl, arrivals.jsonl), drawn at the second's"
                + " start. Shaded bands are fault windows (click \"faults\" in a legend to hide"
                + " them); dashed lines are faults without an end. Use the mouse wheel to"
                + " zoom.</p>\n")
        .append(chart("chart-rates", "Offered, accepted, rejected and failed (messages/s)"))
        .append(chart("chart-delivered", "Deliveries per worker (messages/s)"))
        .append(chart("chart-queue", "Relay queue depth (messages)"))
        .append(chart("chart-retries", "Deferred delivery attempts (message age at the attempt)"))
        .append(chart("chart-latency-time", "End-to-end latency by accept time (ms, log scale)"))
        .append("</section>\n");
    b.append("<section id=\"latency\"><h2>End-to-end delivery latency</h2>\n")
        .append(Sections.latencyTable(latency))
        .append("<div class=\"row\">")
        .append(chart("chart-latency-pct", "Latency percentiles (ms)"))
        .append(chart("chart-latency-hist", "Latency histogram (messages per bin)"))
        .append("</div>")
        .append(chart("chart-latency-cdf", "Latency CDF (share of messages delivered within x ms)"))
        .append("</section>\n");
    b.append(timeline(run));
    return Page.render("Run report: " + RunFacts.label(run), b.toString(), data, "run-report.js");
  }

  private static String header(RunFolder run) {
    JsonNode r = run.run();
    StringBuilder b = new StringBuilder();
    b.append("<header><h1>Run report: ").append(Html.esc(RunFacts.scenario(run))).append("</h1>");
    String description = Json.textOr(r, "description", null);
    if (description != null) {
      b.append("<p class=\"description\">").append(Html.esc(description)).append("</p>");
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Result", Html.badge(RunFacts.passed(run))));
    String stoppedBy = Json.textOr(r, "stoppedBy", null);
    if (stoppedBy != null) {
      rows.add(
          List.of(
              "Stopped early",
              "<strong class=\"stopped\">"
                  + Html.esc(stoppedBy)
                  + "</strong> (what was collected"
                  + " until then is below)"));
    }
    rows.add(List.of("Variant", Html.esc(Json.textOr(r, "variant", "—"))));
    rows.add(List.of("Started", Html.esc(RunFacts.started(run))));
    rows.add(List.of("Duration", Html.esc(Html.num(RunFacts.durationSec(run)) + " s")));
    rows.add(
        List.of(
            "Load started",
            Html.esc(
                Html.num(RunSeries.seconds(run.originEpochMs(), run.startEpochMs()))
                    + " s after the start: "
                    + run.originDescription()
                    + ", t = 0 on the charts")));
    rows.add(List.of("Run folder", "<code>" + Html.esc(run.dir().toAbsolutePath()) + "</code>"));
    rows.add(List.of("Gatling report", Sections.gatlingLink(run, "")));
    rows.add(
        List.of(
            "Per-message timeline",
            run.has("timeline.jsonl")
                ? "<a href=\"timeline.jsonl\" download>timeline.jsonl</a> ("
                    + run.timeline().size()
                    + " messages)"
                : "<span class=\"muted\">timeline.jsonl is missing</span>"));
    b.append(Sections.keyValues(rows));
    return b.append("</header>\n").toString();
  }

  private static String notes(List<String> notes) {
    if (notes.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<div class=\"notes\"><b>Missing or partial data</b><ul>");
    notes.forEach(n -> b.append("<li>").append(Html.esc(n)).append("</li>"));
    return b.append("</ul></div>\n").toString();
  }

  private static String timeline(RunFolder run) {
    StringBuilder b = new StringBuilder("<section id=\"timeline\"><h2>Per-message timeline</h2>\n");
    if (run.timeline().isEmpty()) {
      return b.append(Html.note("No per-message timeline (timeline.jsonl missing or empty)."))
          .append("</section>\n")
          .toString();
    }
    b.append(
            "<div class=\"toolbar\"><input id=\"timeline-search\" type=\"search\""
                + " placeholder=\"Search: harness id, queue id, worker, status…\" size=\"50\">"
                + " <span id=\"timeline-count\"></span>"
                + " <a href=\"timeline.jsonl\" download>download timeline.jsonl</a></div>\n")
        .append("<div id=\"timeline-table\"></div>\n")
        .append(
            "<div class=\"toolbar\"><button id=\"timeline-prev\">‹ previous</button>"
                + " <span id=\"timeline-page\"></span>"
                + " <button id=\"timeline-next\">next ›</button></div>\n");
    return b.append("</section>\n").toString();
  }

  static String chart(String id, String title) {
    return "<figure class=\"chart\"><figcaption>"
        + Html.esc(title)
        + "</figcaption><div class=\"chart-box\" id=\""
        + id
        + "\" data-title=\""
        + Html.esc(title)
        + "\"></div></figure>\n";
  }
}
