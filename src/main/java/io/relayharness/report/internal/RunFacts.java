package io.relayharness.report.internal;

import io.relayharness.observe.RunInfo;
import io.relayharness.verdict.VerdictResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Header facts of a run (names, times, overall result, links), read from run.json. Stateless. */
public final class RunFacts {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private RunFacts() {}

  /** The scenario name, else the folder's parent name (reports/<scenario>/<run>). */
  public static String scenario(ReportedRun run) {
    RunInfo info = run.info();
    if (info != null && info.scenario() != null) {
      return info.scenario();
    }
    Path parent = run.dir().toAbsolutePath().getParent();
    Path named = parent == null ? run.dir().toAbsolutePath() : parent;
    return named.getFileName() == null ? "run" : named.getFileName().toString();
  }

  /** The relay config variant, or null when run.json does not say. */
  public static String variant(ReportedRun run) {
    return run.info() == null ? null : run.info().variant();
  }

  /** The scenario's description, or null. */
  public static String description(ReportedRun run) {
    return run.info() == null ? null : run.info().description();
  }

  /** Why the run stopped before its end, or null when it ran to its end. */
  public static String stoppedBy(ReportedRun run) {
    return run.info() == null ? null : run.info().stoppedBy();
  }

  /** The run's label: "scenario · variant" or the scenario alone. */
  public static String label(ReportedRun run) {
    String variant = variant(run);
    return variant == null || variant.isBlank() ? scenario(run) : scenario(run) + " · " + variant;
  }

  /** When the run started, e.g. "2026-11-22 10:12:03 UTC". */
  public static String started(ReportedRun run) {
    return WHEN.format(Instant.ofEpochMilli(run.startEpochMs()));
  }

  /** The run's duration in seconds. */
  public static double durationSec(ReportedRun run) {
    return (run.endEpochMs() - run.startEpochMs()) / 1000.0;
  }

  /** run.json's passed, else whether every verdict passed, else null when nothing says. */
  public static Boolean passed(ReportedRun run) {
    if (run.info() != null && run.info().passed() != null) {
      return run.info().passed();
    }
    if (run.verdicts().isEmpty()) {
      return null;
    }
    return run.verdicts().stream().allMatch(VerdictResult::passed);
  }

  /** The Gatling report's path relative to the run folder, or null when there is none. */
  public static String gatlingReport(ReportedRun run) {
    return run.info() == null ? null : run.info().gatlingReport();
  }

  /** Whether the Gatling report named in run.json exists. */
  public static boolean gatlingReportExists(ReportedRun run) {
    String rel = gatlingReport(run);
    return rel != null && Files.exists(run.dir().resolve(rel));
  }
}
