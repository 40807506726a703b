package io.relayharness.report.internal;

import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.RunFolder;
import io.relayharness.observe.RunInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sections a run report and a comparison share show, as values for the templates ({@code
 * verdicts.peb}, {@code config.peb}, {@code faults.peb}, {@code latency-table.peb}, the {@code
 * gatlingLink} macro). Stateless.
 */
public final class Sections {

  private Sections() {}

  /**
   * A link to a run's Gatling report.
   *
   * @param path the report's path relative to the run folder, or null when there is none
   * @param href the link from the page
   * @param exists whether the report is in the run folder
   */
  public record GatlingLink(String path, String href, boolean exists) {}

  /**
   * The relay settings of one run that differ from Postfix's defaults.
   *
   * @param hasSettings whether run.json lists the relay's settings
   * @param hasDefaults whether run.json lists Postfix's defaults for them
   * @param rows the settings that differ
   * @param same how many further settings equal the default
   */
  public record Config(
      boolean hasSettings, boolean hasDefaults, List<ConfigDiff.Row> rows, int same) {}

  /**
   * One fault window, in seconds since the chart origin.
   *
   * @param action what was done
   * @param target to what
   * @param startSec when it was applied
   * @param endSec when it was lifted, or null
   * @param durationSec how long it lasted, or null
   * @param detail free text
   */
  public record FaultRow(
      String action,
      String target,
      double startSec,
      Double endSec,
      Double durationSec,
      String detail) {}

  /**
   * The fault timeline.
   *
   * @param hasFile whether faults.jsonl exists
   * @param rows the faults
   * @param origin what t = 0 is, in words
   */
  public record Faults(boolean hasFile, List<FaultRow> rows, String origin) {}

  /** One latency percentile: its label (p50, max) and value. */
  public record Percentile(String label, double ms) {}

  /**
   * The latency table of one run.
   *
   * @param count messages with a latency
   * @param notDelivered accepted messages of which nothing arrived
   * @param percentiles p50 .. max
   * @param meanMs the mean, to a tenth
   */
  public record Latency(
      int count, long notDelivered, List<Percentile> percentiles, double meanMs) {}

  /** The Gatling report link of {@code run}; {@code prefix} leads from the page to the folder. */
  public static GatlingLink gatlingLink(ReportedRun run, String prefix) {
    String rel = RunFacts.gatlingReport(run);
    return new GatlingLink(
        rel, rel == null ? null : prefix + rel, RunFacts.gatlingReportExists(run));
  }

  /** The relay settings of {@code run} that differ from Postfix's defaults. */
  public static Config config(ReportedRun run) {
    RunInfo info = run.info();
    boolean hasSettings = info != null && !info.relaySettings().isEmpty();
    boolean hasDefaults = info != null && !info.relayDefaults().isEmpty();
    List<ConfigDiff.Row> rows = ConfigDiff.againstDefaults(info);
    return new Config(hasSettings, hasDefaults, rows, ConfigDiff.settingCount(info) - rows.size());
  }

  /** The fault windows of {@code run}, in seconds since its origin (t = 0 on the charts). */
  public static Faults faults(ReportedRun run) {
    long origin = run.originEpochMs();
    List<FaultRow> rows = new ArrayList<>();
    for (FaultEvent f : run.observations().faults()) {
      double s = RunSeries.seconds(f.startEpochMs(), origin);
      Double e = f.endEpochMs() == null ? null : RunSeries.seconds(f.endEpochMs(), origin);
      rows.add(
          new FaultRow(
              f.action() == null ? "" : f.action(),
              f.target() == null ? "" : f.target(),
              s,
              e,
              e == null ? null : Math.round((e - s) * 100) / 100.0,
              f.detail() == null ? "" : f.detail()));
    }
    return new Faults(run.has(RunFolder.FAULTS), rows, run.originDescription());
  }

  /** The latency table of one run. */
  public static Latency latency(LatencyStats latency) {
    List<Percentile> ps = new ArrayList<>();
    LatencyStats.PERCENTILES.forEach(
        (label, p) -> ps.add(new Percentile(label, latency.percentileMs(p))));
    return new Latency(
        latency.count(), latency.notDelivered(), ps, Math.round(latency.meanMs() * 10) / 10.0);
  }
}
