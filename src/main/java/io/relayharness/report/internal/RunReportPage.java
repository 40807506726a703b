package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.JsonLines;
import io.relayharness.observe.RunFolder;
import io.relayharness.verdict.VerdictResult;
import java.util.List;
import java.util.Map;

/**
 * The run report page of one run folder ({@code run-report.peb}): header, verdicts, config, faults,
 * charts, latency, timeline. Stateless.
 */
public final class RunReportPage {

  private RunReportPage() {}

  /**
   * What the run report shows of one run, for {@code run-report.peb}.
   *
   * @param scenario the scenario name
   * @param description the scenario's description, or null
   * @param passed the overall result, or null when nothing says
   * @param stoppedBy why the run stopped early, or null
   * @param variant the relay config variant, or null
   * @param started when it started, in words
   * @param durationSec how long it ran
   * @param loadStartedSec seconds from the start to the chart origin
   * @param origin what the chart origin is, in words
   * @param dir the run folder
   * @param gatling the link to the Gatling report
   * @param hasTimelineFile whether timeline.jsonl exists
   * @param messages how many messages the per-message timeline holds
   * @param notes what was missing or partial
   * @param verdicts the verdicts
   * @param config the settings that differ from Postfix's defaults
   * @param faults the fault timeline
   * @param latency the latency table
   * @param tier the relay tier section's HTML, escaped where it holds data (empty without a tier)
   */
  public record View(
      String scenario,
      String description,
      Boolean passed,
      String stoppedBy,
      String variant,
      String started,
      double durationSec,
      double loadStartedSec,
      String origin,
      String dir,
      Sections.GatlingLink gatling,
      boolean hasTimelineFile,
      int messages,
      List<String> notes,
      List<VerdictResult> verdicts,
      Sections.Config config,
      Sections.Faults faults,
      Sections.Latency latency,
      String tier) {}

  /** The complete, self-contained HTML of the run report. */
  public static String render(ReportedRun run) {
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
    data.put("timelineFile", run.has(RunFolder.TIMELINE) ? RunFolder.TIMELINE : null);
    View view =
        new View(
            RunFacts.scenario(run),
            RunFacts.description(run),
            RunFacts.passed(run),
            RunFacts.stoppedBy(run),
            RunFacts.variant(run),
            RunFacts.started(run),
            RunFacts.durationSec(run),
            RunSeries.seconds(run.originEpochMs(), run.startEpochMs()),
            run.originDescription(),
            run.dir().toAbsolutePath().toString(),
            Sections.gatlingLink(run, ""),
            run.has(RunFolder.TIMELINE),
            run.timeline().size(),
            run.notes(),
            run.verdicts(),
            Sections.config(run),
            Sections.faults(run),
            Sections.latency(latency),
            TierSection.of(run));
    return Page.render(
        "run-report",
        "Run report: " + RunFacts.label(run),
        Map.of("run", view),
        data,
        "run-report.js");
  }
}
