package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Header facts of a run (names, times, overall result, links), read from run.json. Stateless. */
public final class RunFacts {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private RunFacts() {}

  /** The scenario name, else the folder's parent name (reports/<scenario>/<run>). */
  public static String scenario(RunFolder run) {
    java.nio.file.Path parent = run.dir().toAbsolutePath().getParent();
    java.nio.file.Path named = parent == null ? run.dir().toAbsolutePath() : parent;
    String fallback = named.getFileName() == null ? "run" : named.getFileName().toString();
    return Json.textOr(run.run(), "scenario", fallback);
  }

  /** The run's label: "scenario · variant" or the scenario alone. */
  public static String label(RunFolder run) {
    String variant = Json.textOr(run.run(), "variant", null);
    return variant == null || variant.isBlank() ? scenario(run) : scenario(run) + " · " + variant;
  }

  /** When the run started, e.g. "2026-11-22 10:12:03 UTC". */
  public static String started(RunFolder run) {
    return WHEN.format(Instant.ofEpochMilli(run.startEpochMs()));
  }

  /** The run's duration in seconds. */
  public static double durationSec(RunFolder run) {
    return (run.endEpochMs() - run.startEpochMs()) / 1000.0;
  }

  /** run.json's passed, else whether every verdict passed, else null when nothing says. */
  public static Boolean passed(RunFolder run) {
    JsonNode p = run.run().get("passed");
    if (p != null && p.isBoolean()) {
      return p.asBoolean();
    }
    JsonNode verdicts = run.verdicts();
    if (!verdicts.isArray() || verdicts.isEmpty()) {
      return null;
    }
    for (JsonNode v : verdicts) {
      if (!v.path("passed").asBoolean(false)) {
        return false;
      }
    }
    return true;
  }

  /** The Gatling report's path relative to the run folder, or null when there is none. */
  public static String gatlingReport(RunFolder run) {
    return Json.textOr(run.run(), "gatlingReport", null);
  }

  /** Whether the Gatling report named in run.json exists. */
  public static boolean gatlingReportExists(RunFolder run) {
    String rel = gatlingReport(run);
    return rel != null && Files.exists(run.dir().resolve(rel));
  }
}
