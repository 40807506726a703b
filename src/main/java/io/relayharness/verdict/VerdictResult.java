package io.relayharness.verdict;

import io.relayharness.observe.NumberText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a verdict found: one element of {@code verdicts.json}. Figures keep their insertion order;
 * figures that are not finite numbers are left out. Immutable; thread-safe.
 *
 * @param name the verdict's name ({@code expect:} key)
 * @param passed whether the run met the expectation
 * @param summary one sentence saying what was expected and what was seen
 * @param figures named numbers (counts, rates, percentiles)
 * @param tables evidence, e.g. the lost messages with their last relay attempt
 */
public record VerdictResult(
    String name, boolean passed, String summary, Map<String, Double> figures, List<Table> tables) {

  public VerdictResult {
    Map<String, Double> kept = new LinkedHashMap<>();
    if (figures != null) {
      figures.forEach(
          (k, v) -> {
            if (v != null && Double.isFinite(v)) {
              kept.put(k, v);
            }
          });
    }
    figures = Collections.unmodifiableMap(kept);
    tables = tables == null ? List.of() : List.copyOf(tables);
  }

  /** Returns the figure called {@code name}, or null. */
  public Double figure(String name) {
    return figures.get(name);
  }

  /** Returns the table titled {@code title}, or null. */
  public Table table(String title) {
    return tables.stream().filter(t -> t.title().equals(title)).findFirst().orElse(null);
  }

  /** Returns the result as readable text: verdict line, figures, then each table. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append(passed ? "PASSED " : "FAILED ").append(name).append(": ").append(summary);
    figures.forEach((k, v) -> s.append("\n  ").append(k).append(" = ").append(formatFigure(v)));
    for (Table t : tables) {
      s.append("\n").append(t.title()).append("\n  ").append(String.join(" | ", t.columns()));
      for (List<String> row : t.rows()) {
        s.append("\n  ").append(String.join(" | ", row));
      }
    }
    return s.toString();
  }

  private static String formatFigure(double v) {
    return NumberText.of(v);
  }
}
