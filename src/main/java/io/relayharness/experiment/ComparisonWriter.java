package io.relayharness.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes an {@link AbComparison} as {@code comparison.json} (every field, one entry per metric) and
 * {@code comparison.html}: one self-contained page (inline styles, no scripts, no network) with the
 * settings that differ, a table of every metric with both sides, the shift B − A and its interval,
 * the p-values and the verdict (significant rows marked), and the runs with their timing.
 * Stateless; thread-safe.
 */
public final class ComparisonWriter {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance))
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ComparisonWriter() {}

  /** Writes both files into {@code dir}. */
  public static void write(AbComparison c, Path dir) {
    try {
      JSON.writeValue(dir.resolve(AbExperiment.JSON).toFile(), c);
      Files.writeString(dir.resolve(AbExperiment.HTML), html(c, dir), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the comparison into " + dir, e);
    }
  }

  /** Returns the page; links to run reports are relative to {@code dir}. */
  static String html(AbComparison c, Path dir) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>A/B ")
        .append(esc(c.scenario()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>");
    h.append("<h1>A/B comparison: ").append(esc(c.scenario())).append("</h1>");
    h.append("<p class=\"facts\">")
        .append(c.repeats())
        .append(" runs per side, interleaved (A B A B …), each on a fresh topology, after ")
        .append(c.warmUps())
        .append(" uncounted warm-up run(s) on A's config · ")
        .append(esc(Instant.ofEpochMilli(c.createdEpochMs()).toString()))
        .append(" · family of ")
        .append(c.familySize())
        .append(" tested metrics, ")
        .append(esc(c.correction()))
        .append(" at ")
        .append(Format.percent(c.alpha()))
        .append("</p>");
    List<MetricComparison> sig = c.significant();
    h.append("<div class=\"summary\">");
    if (sig.isEmpty()) {
      h.append("<b>No difference detectable</b> at N=")
          .append(c.repeats())
          .append(" per side for any metric (after the family's correction).");
    } else {
      h.append("<b>").append(sig.size()).append(" significant difference(s):</b><ul>");
      for (MetricComparison m : sig) {
        h.append("<li>")
            .append(esc(m.name()))
            .append(": ")
            .append(esc(m.verdict()))
            .append("</li>");
      }
      h.append("</ul>");
    }
    if (c.powerWarning() != null) {
      h.append("<p><b>Note:</b> ").append(esc(c.powerWarning())).append(".</p>");
    }
    h.append("</div>");

    h.append("<h2>What differs between A and B</h2><table><tr><th></th><th>settings</th></tr>")
        .append(row("A", c.a().describe()))
        .append(row("B", c.b().describe()))
        .append(row("both", c.common().isEmpty() ? "–" : String.join(", ", c.common())))
        .append("</table>");
    if (c.settingsDiff().isEmpty()) {
      h.append("<p>The relays' effective settings (<code>postconf -n</code>) are the same.</p>");
    } else {
      h.append("<table><tr><th>relay setting (postconf -n)</th><th>A</th><th>B</th></tr>");
      for (AbComparison.SettingDiff d : c.settingsDiff()) {
        h.append("<tr><td><code>")
            .append(esc(d.name()))
            .append("</code></td><td>")
            .append(esc(d.a() == null ? "(unset)" : d.a()))
            .append("</td><td>")
            .append(esc(d.b() == null ? "(unset)" : d.b()))
            .append("</td></tr>");
      }
      h.append("</table>");
    }

    h.append(tierSection(c));
    h.append("<h2>Metrics</h2><table class=\"metrics\"><tr><th>metric</th><th>unit</th>")
        .append("<th>A (each run)</th><th>B (each run)</th><th>A median</th><th>B median</th>")
        .append("<th>B − A</th><th>")
        .append(Format.percent(1 - c.alpha()))
        .append(" CI</th><th>p</th><th>adj. p</th><th>verdict</th></tr>");
    for (MetricComparison m : c.metrics()) {
      h.append(m.significant() ? "<tr class=\"sig\">" : "<tr>")
          .append("<td>")
          .append(m.significant() ? "◆ " : "")
          .append(esc(m.name()))
          .append("</td><td>")
          .append(esc(m.unit()))
          .append("</td><td>")
          .append(values(m.a()))
          .append("</td><td>")
          .append(values(m.b()))
          .append("</td><td class=\"n\">")
          .append(Format.number(m.aMedian()))
          .append("</td><td class=\"n\">")
          .append(Format.number(m.bMedian()))
          .append("</td><td class=\"n\">")
          .append(Format.signed(m.difference()))
          .append(
              m.relativeDifference() == null ? "" : " (" + pctSigned(m.relativeDifference()) + ")")
          .append("</td><td class=\"n\">")
          .append(ciText(m))
          .append("</td><td class=\"n\">")
          .append(Format.p(m.p()))
          .append("</td><td class=\"n\">")
          .append(Format.p(m.adjustedP()))
          .append("</td><td>")
          .append(esc(m.verdict()))
          .append("</td></tr>");
    }
    h.append("</table><p class=\"note\">◆ significant after the family's correction. B − A is ")
        .append("the Hodges–Lehmann shift (median of every difference between a B run and an A ")
        .append("run); its interval inverts the exact Mann–Whitney test; p is the two-sided ")
        .append("Mann–Whitney p-value (exact, a permutation test when values tie), adjusted by ")
        .append(esc(c.correction()))
        .append(" over the ")
        .append(c.familySize())
        .append(" metrics whose runs were not all identical. Noise is the pooled standard ")
        .append("deviation of single runs; the repeats needed are sized for a ")
        .append(Format.percent(c.effect()))
        .append(" change at 80% power.</p>");

    h.append("<h2>Runs</h2><table><tr><th>#</th><th>side</th><th>repeat</th><th>held</th>")
        .append("<th>wall s</th><th>phases (s)</th><th>run report</th></tr>");
    for (RepeatRun r : c.runs()) {
      String rel = relative(dir, r.runDir());
      h.append("<tr><td>")
          .append(r.order())
          .append("</td><td>")
          .append(r.side())
          .append("</td><td>")
          .append(r.repeat())
          .append("</td><td>")
          .append(r.passed() ? "yes" : "no: " + esc(String.join(", ", r.failed())))
          .append("</td><td class=\"n\">")
          .append(Format.number(r.wallMs() / 1000.0))
          .append("</td><td>")
          .append(esc(phases(r.phasesMs())))
          .append("</td><td><a href=\"")
          .append(esc(rel))
          .append("/report.html\">")
          .append(esc(rel))
          .append("</a></td></tr>");
    }
    h.append("</table></body></html>\n");
    return h.toString();
  }

  /** A per-relay metric of a relay tier: {@code share relay0}, {@code queue peak relay1}. */
  private static final Pattern TIER_METRIC =
      Pattern.compile(
          "(" + RunMetrics.SHARE_PREFIX + "|" + RunMetrics.QUEUE_PEAK_PREFIX + ")(relay\\d+)");

  /**
   * The relays of a tier scenario, one row per relay and metric (its share of the mail the relays
   * took, its queue peak), with both sides' medians and the judgement of the metrics table; empty
   * when the scenario has one relay.
   */
  static String tierSection(AbComparison c) {
    Map<String, List<MetricComparison>> byRelay = new java.util.TreeMap<>();
    for (MetricComparison m : c.metrics()) {
      Matcher x = TIER_METRIC.matcher(m.name());
      if (x.matches()) {
        byRelay.computeIfAbsent(x.group(2), r -> new java.util.ArrayList<>()).add(m);
      }
    }
    if (byRelay.isEmpty()) {
      return "";
    }
    StringBuilder h =
        new StringBuilder(
            "<h2 id=\"tier\">Relay tier</h2><p class=\"note\">Per relay: its share of the"
                + " messages the relays took (each message once per relay that took it, as"
                + " tierSplit counts) and its queue peak; judged in the same family as every"
                + " other metric.</p><table class=\"tier\"><tr><th>relay</th><th>metric</th>"
                + "<th>A median</th><th>B median</th><th>B − A</th><th>"
                + Format.percent(1 - c.alpha())
                + " CI</th><th>adj. p</th><th>verdict</th></tr>");
    byRelay.forEach(
        (relay, metrics) -> {
          for (MetricComparison m : metrics) {
            h.append(m.significant() ? "<tr class=\"sig\">" : "<tr>")
                .append("<td>")
                .append(esc(relay))
                .append("</td><td>")
                .append(m.significant() ? "◆ " : "")
                .append(esc(m.name().substring(0, m.name().length() - relay.length()).strip()))
                .append(" (")
                .append(esc(m.unit()))
                .append(")</td><td class=\"n\">")
                .append(Format.number(m.aMedian()))
                .append("</td><td class=\"n\">")
                .append(Format.number(m.bMedian()))
                .append("</td><td class=\"n\">")
                .append(Format.signed(m.difference()))
                .append("</td><td class=\"n\">")
                .append(ciText(m))
                .append("</td><td class=\"n\">")
                .append(Format.p(m.adjustedP()))
                .append("</td><td>")
                .append(esc(m.verdict()))
                .append("</td></tr>");
          }
        });
    return h.append("</table>").toString();
  }

  /** Returns {@code start 5.1, load 23.4, ...} in seconds. */
  static String phases(Map<String, Long> phasesMs) {
    return phasesMs.entrySet().stream()
        .map(e -> e.getKey() + " " + Format.number(e.getValue() / 1000.0))
        .collect(Collectors.joining(", "));
  }

  /** The confidence interval of B − A, "unbounded" when too few runs bound it, "–" untested. */
  private static String ciText(MetricComparison m) {
    return m.ciLow() == null
        ? (m.tested() ? "unbounded" : "–")
        : Format.signedRange(m.ciLow(), m.ciHigh(), false);
  }

  private static String pctSigned(double fraction) {
    return Format.signed(fraction * 100) + "%";
  }

  private static String values(List<Double> v) {
    return v.stream().map(Format::number).collect(Collectors.joining(", "));
  }

  private static String row(String label, String text) {
    return "<tr><td>" + esc(label) + "</td><td><code>" + esc(text) + "</code></td></tr>";
  }

  private static String relative(Path dir, Path run) {
    if (run == null) {
      return "";
    }
    try {
      return dir.toAbsolutePath()
          .normalize()
          .relativize(run.toAbsolutePath().normalize())
          .toString();
    } catch (IllegalArgumentException other) {
      return run.toString();
    }
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static final String CSS =
      "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}"
          + "table{border-collapse:collapse;margin:.5em 0 1em}"
          + "th,td{border:1px solid #ccc;padding:3px 7px;vertical-align:top;text-align:left}"
          + "th{background:#f0f0f0}td.n{text-align:right;white-space:nowrap}"
          + "tr.sig td{background:#fff4c2;font-weight:600}"
          + ".summary{border:1px solid #bbb;background:#f7f7f7;padding:.6em 1em;margin:1em 0}"
          + ".facts,.note{color:#555}code{font-size:12px}";
}
