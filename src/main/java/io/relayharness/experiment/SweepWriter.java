package io.relayharness.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a {@link SweepResult} as {@code sweep.json} (every field) and {@code sweep.html}: one
 * self-contained page with a matrix of every metric (rows) against every grid point (columns), each
 * cell the median with the runs' range and, off the best point, the shift from the best with its
 * interval; the best cell per metric marked; and the runs with their timing. Stateless;
 * thread-safe.
 */
public final class SweepWriter {

  /** The sweep's JSON file. */
  public static final String JSON_FILE = "sweep.json";

  /** The sweep's page. */
  public static final String HTML_FILE = "sweep.html";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SweepWriter() {}

  /** Writes both files into {@code dir}. */
  public static void write(SweepResult r, Path dir) {
    try {
      JSON.writeValue(dir.resolve(JSON_FILE).toFile(), r);
      Files.writeString(dir.resolve(HTML_FILE), html(r), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sweep into " + dir, e);
    }
  }

  /** Reads a {@code sweep.json} back (for tests and tools). */
  public static SweepResult read(Path file) {
    try {
      return JSON.readValue(file.toFile(), SweepResult.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Returns the page. */
  static String html(SweepResult r) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>sweep ")
        .append(esc(r.scenario()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>");
    h.append("<h1>Sweep: ")
        .append(esc(r.scenario()))
        .append(" over ")
        .append(esc(String.join(" × ", r.keys())))
        .append("</h1>");
    h.append("<p class=\"facts\">")
        .append(r.points().size())
        .append(" grid points × ")
        .append(r.repeats())
        .append(r.kind().equals("capacity") ? " capacity searches" : " runs")
        .append(", interleaved round-robin (each round starts one point later), each on a fresh")
        .append(" topology · ")
        .append(esc(Instant.ofEpochMilli(r.createdEpochMs()).toString()))
        .append(" · common settings: ")
        .append(esc(r.common().isEmpty() ? "–" : String.join(", ", r.common())))
        .append("</p>");
    h.append("<p class=\"note\">Each cell: the median of the runs, and [smallest, largest] run —")
        .append(" the range of n runs holds the median with probability 1 − 2^(1−n) (")
        .append(r.repeats() >= 2 ? Format.percent(1 - Math.pow(2, 1 - r.repeats())) : "none")
        .append(" here). Off the best point: Δ, the Hodges–Lehmann shift from the best, with its ")
        .append(Format.percent(r.level()))
        .append(" rank interval (“open” when this N cannot bound it) and its p after ")
        .append(esc(r.correction()))
        .append(" over the metric's comparisons. ★ marks the best median; ◆ a point that")
        .append(" differs from the best.</p>");
    h.append("<table class=\"matrix\"><tr><th>metric</th><th>unit</th><th>better</th>");
    for (String p : r.points()) {
      h.append("<th>").append(esc(p)).append("</th>");
    }
    h.append("<th>verdict</th></tr>");
    for (SweepResult.Row row : r.metrics()) {
      h.append("<tr><td>")
          .append(esc(row.name()))
          .append("</td><td>")
          .append(esc(row.unit()))
          .append("</td><td>")
          .append(row.better() == null ? "–" : esc(row.better()))
          .append("</td>");
      for (SweepResult.Cell c : row.cells()) {
        boolean best = c.point().equals(row.best());
        h.append(
            best ? "<td class=\"best\">" : c.differsFromBest() ? "<td class=\"diff\">" : "<td>");
        if (c.values().isEmpty()) {
          h.append("–</td>");
          continue;
        }
        h.append(best ? "★ " : c.differsFromBest() ? "◆ " : "")
            .append("<b>")
            .append(Format.number(c.median()))
            .append("</b> [")
            .append(Format.number(c.low()))
            .append(", ")
            .append(Format.number(c.high()))
            .append("]");
        if (c.shiftFromBest() != null) {
          h.append("<br><span class=\"d\">Δ ")
              .append(Format.signed(c.shiftFromBest()))
              .append(" ")
              .append(
                  c.shiftLow() != null && c.shiftHigh() != null
                      ? Format.signedRange(c.shiftLow(), c.shiftHigh(), false)
                      : "open")
              .append(", p ")
              .append(Format.p(c.adjustedP()))
              .append("</span>");
        }
        h.append("</td>");
      }
      h.append("<td>").append(esc(row.verdict())).append("</td></tr>");
    }
    h.append("</table>");
    h.append("<h2>Runs</h2><table><tr><th>#</th><th>point</th><th>repeat</th><th>wall</th>")
        .append("<th>result</th><th>run folders</th></tr>");
    for (SweepResult.Run run : r.runs()) {
      h.append("<tr><td class=\"n\">")
          .append(run.order())
          .append("</td><td>")
          .append(esc(run.point()))
          .append("</td><td class=\"n\">")
          .append(run.repeat())
          .append("</td><td class=\"n\">")
          .append(Format.number(run.wallMs() / 1000.0))
          .append(" s</td><td>")
          .append(esc(run.note()))
          .append("</td><td>");
      for (String d : run.runDirs()) {
        h.append("<a href=\"")
            .append(esc(d))
            .append("/report.html\">")
            .append(esc(Path.of(d).getFileName().toString()))
            .append("</a> ");
      }
      h.append("</td></tr>");
    }
    h.append("</table></body></html>\n");
    return h.toString();
  }

  private static String esc(String s) {
    return ComparisonWriter.esc(s);
  }

  private static final String CSS =
      "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}"
          + "table{border-collapse:collapse;margin:.5em 0 1em}"
          + "th,td{border:1px solid #ccc;padding:3px 7px;vertical-align:top;text-align:left}"
          + "th{background:#f0f0f0}td.n{text-align:right;white-space:nowrap}"
          + "td.best{background:#d9f2d9}td.diff{background:#fff4c2}.d{color:#555;font-size:12px}"
          + ".facts,.note{color:#555}";
}
