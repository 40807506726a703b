package io.relayharness.experiment;

import java.util.Locale;
import java.util.Map;

/** The comparison as console text: one line per metric, then the verdict. Stateless. */
public final class ConsoleSummary {

  private ConsoleSummary() {}

  /** Returns the summary, ending with a newline. */
  public static String of(AbComparison c) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%n%-24s %12s %12s %12s  %-8s %-8s %s%n",
            "metric",
            "A median",
            "B median",
            "B − A",
            "p",
            "adj. p",
            "verdict"));
    for (MetricComparison m : c.metrics()) {
      s.append(
          String.format(
              Locale.ROOT,
              "%s%-23s %12s %12s %12s  %-8s %-8s %s%n",
              m.significant() ? "*" : " ",
              m.name(),
              Format.number(m.aMedian()),
              Format.number(m.bMedian()),
              Double.isNaN(m.difference()) ? "–" : Format.signed(m.difference()),
              Format.p(m.p()),
              Format.p(m.adjustedP()),
              m.verdict()));
    }
    int flagged = c.significant().size();
    s.append(
        String.format(
            Locale.ROOT,
            "%s: %d runs per side, %d metrics tested (%s, family error %s): %s%n",
            c.scenario(),
            c.repeats(),
            c.familySize(),
            c.correction(),
            Format.percent(c.alpha()),
            flagged == 0 ? "no difference detectable" : flagged + " significant (marked *)"));
    if (c.powerWarning() != null) {
      s.append("note: ").append(c.powerWarning()).append(System.lineSeparator());
    }
    return s.toString();
  }

  /** Returns {@code start 5.1 s, load 23.4 s, ...}. */
  public static String phases(Map<String, Long> phasesMs) {
    return ComparisonWriter.phases(phasesMs);
  }
}
