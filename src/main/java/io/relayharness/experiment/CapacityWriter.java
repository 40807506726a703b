package io.relayharness.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a capacity search as {@code capacity.json} (the knee, its interval, the criteria and every
 * probe) and {@code capacity.html} (the same as a page). Stateless; thread-safe.
 */
public final class CapacityWriter {

  /** The search's JSON file. */
  public static final String JSON_FILE = "capacity.json";

  /** The search's page. */
  public static final String HTML_FILE = "capacity.html";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CapacityWriter() {}

  /**
   * The file's content.
   *
   * @param scenario the scenario searched
   * @param settings the overrides it ran with
   * @param criteria what sustained means
   * @param search the search's bounds
   * @param result what it found
   * @param wallMs the search's wall-clock time
   */
  public record Report(
      String scenario,
      List<String> settings,
      CapacityCriteria criteria,
      CapacitySearch search,
      CapacitySearch.Result result,
      String knee,
      long wallMs) {}

  /** Creates the search's folder {@code <reports>/capacity/<scenario>/<yyyyMMdd-HHmmss>/}. */
  public static Path folder(Path reportsDir, String scenario) {
    return io.relayharness.observe.RunFolder.create(
            reportsDir.resolve("capacity"), scenario, java.time.Instant.now())
        .dir();
  }

  /** Writes both files into {@code dir}. */
  public static void write(Report r, Path dir) {
    try {
      JSON.writeValue(dir.resolve(JSON_FILE).toFile(), r);
      Files.writeString(dir.resolve(HTML_FILE), html(r, dir), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the capacity search into " + dir, e);
    }
  }

  static String html(Report r, Path dir) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>capacity ")
        .append(ComparisonWriter.esc(r.scenario()))
        .append("</title><style>")
        .append(
            "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}"
                + "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 7px}"
                + "th{background:#f0f0f0}tr.no td{background:#fde2e2}tr.ok td{background:#e2f5e2}")
        .append("</style></head><body><h1>Capacity: ")
        .append(ComparisonWriter.esc(r.scenario()))
        .append("</h1><p><b>Knee: ")
        .append(ComparisonWriter.esc(r.knee()))
        .append("</b></p><p>Settings: ")
        .append(
            ComparisonWriter.esc(
                r.settings().isEmpty() ? "as written" : String.join(", ", r.settings())))
        .append(". Sustained = queue slope ≤ ")
        .append(Format.percent(r.criteria().maxQueueGrowthShare()))
        .append(" of the offered rate, accept p95 ≤ ")
        .append(Format.number(r.criteria().maxAcceptP95Ms()))
        .append(" ms, end-to-end p95 ≤ ")
        .append(Format.number(r.criteria().maxE2eP95Ms()))
        .append(" ms, errors ≤ ")
        .append(Format.number(r.criteria().maxErrorRate()))
        .append("; a rate counts when more than half of its ")
        .append(r.search().repeats())
        .append(" run(s) sustained it. Search took ")
        .append(Format.number(r.wallMs() / 1000.0))
        .append(" s.</p><table><tr><th>rate msg/s</th><th>#</th><th>sustained</th>")
        .append("<th>queue slope msg/s</th><th>why not</th><th>run</th></tr>");
    for (CapacitySearch.Outcome o : r.result().probes()) {
      h.append(o.sustained() ? "<tr class=\"ok\">" : "<tr class=\"no\">")
          .append("<td>")
          .append(String.format(Locale.ROOT, "%.0f", o.ratePerSec()))
          .append("</td><td>")
          .append(o.repeat())
          .append("</td><td>")
          .append(o.sustained() ? "yes" : "no")
          .append("</td><td>")
          .append(Format.number(o.queueSlopePerSec()))
          .append("</td><td>")
          .append(ComparisonWriter.esc(String.join("; ", o.reasons())))
          .append("</td><td>");
      if (o.runDir() != null) {
        String rel =
            dir.toAbsolutePath().relativize(Path.of(o.runDir()).toAbsolutePath()).toString();
        h.append("<a href=\"")
            .append(ComparisonWriter.esc(rel))
            .append("/report.html\">report</a>");
      }
      h.append("</td></tr>");
    }
    return h.append("</table></body></html>\n").toString();
  }
}
