package io.relayharness.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a sweep: per metric and grid point the runs' values, their median and range (the range of
 * n values holds the median with probability 1 − 2^(1−n), whatever the distribution); the best
 * point by median where the metric has a better direction; and each other point's Hodges–Lehmann
 * shift from the best with its rank-based interval and Mann–Whitney p ({@link RankStatistics}), the
 * p-values adjusted over the metric's comparisons ({@link FamilyCorrection}). The best is "clear"
 * when every other point differs from it after the adjustment. Stateless; thread-safe.
 *
 * @param level the confidence level of the shift intervals, e.g. 0.95
 * @param correction how each metric's p-values against the best are adjusted
 */
public record SweepAnalysis(double level, FamilyCorrection correction) {

  /** 95% intervals, Holm. */
  public static final SweepAnalysis DEFAULT = new SweepAnalysis(0.95, FamilyCorrection.HOLM);

  /** Returns {@code higher}, {@code lower} or null: which direction of the metric is better. */
  public static String better(Metric m) {
    String n = m.name();
    if (n.startsWith(RunMetrics.SHARE_PREFIX) || n.equals(RunMetrics.SHARE_MAX.name())) {
      return null;
    }
    if (m.kind() == Metric.Kind.PASS_RATE) {
      return "higher";
    }
    if (m.kind() == Metric.Kind.LEVEL) {
      return n.equals(RunMetrics.QUEUE_PEAK.name()) || n.startsWith(RunMetrics.QUEUE_PEAK_PREFIX)
          ? "lower"
          : "higher";
    }
    return "lower";
  }

  /**
   * Analyses the runs of every point.
   *
   * @param labels each point's label, grid order
   * @param runs per point, its runs' figures
   * @return one row per metric seen in any run, in first-seen order
   */
  public List<SweepResult.Row> analyse(List<String> labels, List<List<Map<Metric, Double>>> runs) {
    Set<Metric> metrics = new LinkedHashSet<>();
    runs.forEach(point -> point.forEach(r -> metrics.addAll(r.keySet())));
    List<SweepResult.Row> rows = new ArrayList<>();
    for (Metric m : metrics) {
      rows.add(row(m, labels, runs));
    }
    return rows;
  }

  private SweepResult.Row row(Metric m, List<String> labels, List<List<Map<Metric, Double>>> runs) {
    int k = labels.size();
    List<double[]> values = new ArrayList<>();
    for (List<Map<Metric, Double>> point : runs) {
      values.add(values(point, m));
    }
    String better = constant(values) ? null : better(m);
    Integer best = null;
    for (int i = 0; i < k; i++) {
      double[] v = values.get(i);
      if (better == null || v.length == 0) {
        continue;
      }
      double med = RankStatistics.medianOf(v);
      if (best == null) {
        best = i;
        continue;
      }
      double b = RankStatistics.medianOf(values.get(best));
      if (better.equals("higher") ? med > b : med < b) {
        best = i;
      }
    }
    List<Integer> compared = new ArrayList<>();
    List<Double> ps = new ArrayList<>();
    List<RankStatistics.Shift> shifts = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      shifts.add(null);
      if (best == null || i == best || values.get(i).length == 0) {
        continue;
      }
      double[] b = values.get(best);
      double[] v = values.get(i);
      compared.add(i);
      ps.add(RankStatistics.pValue(b, v));
      shifts.set(i, RankStatistics.shift(b, v, level));
    }
    double[] adjusted = correction.adjust(ps);
    double alpha = 1 - level;
    List<SweepResult.Cell> cells = new ArrayList<>();
    boolean clear = best != null && !compared.isEmpty();
    for (int i = 0; i < k; i++) {
      double[] v = values.get(i);
      int c = compared.indexOf(i);
      RankStatistics.Shift s = shifts.get(i);
      boolean differs = c >= 0 && adjusted[c] <= alpha;
      if (c >= 0 && !differs) {
        clear = false;
      }
      cells.add(
          new SweepResult.Cell(
              labels.get(i),
              list(v),
              v.length == 0 ? Double.NaN : RankStatistics.medianOf(v),
              v.length == 0 ? null : min(v),
              v.length == 0 ? null : max(v),
              v.length < 2 ? 0 : 1 - Math.pow(2, 1 - v.length),
              s == null ? null : s.estimate(),
              s == null ? null : s.low(),
              s == null ? null : s.high(),
              c < 0 ? null : ps.get(c),
              c < 0 ? null : adjusted[c],
              differs));
    }
    String bestLabel = best == null ? null : labels.get(best);
    return new SweepResult.Row(
        m.name(),
        m.unit(),
        better,
        cells,
        bestLabel,
        clear,
        verdict(m, better, cells, best, clear));
  }

  private String verdict(
      Metric m, String better, List<SweepResult.Cell> cells, Integer best, boolean clear) {
    if (better == null && constant(cells)) {
      return "the same in every run at every value: "
          + Format.value(
              cells.stream()
                  .filter(c -> !c.values().isEmpty())
                  .findFirst()
                  .map(SweepResult.Cell::median)
                  .orElse(Double.NaN),
              m.unit());
    }
    if (better == null) {
      return "no better direction (a share); medians: " + medians(cells, m);
    }
    if (best == null) {
      return "not measured";
    }
    SweepResult.Cell b = cells.get(best);
    StringBuilder v = new StringBuilder();
    v.append("best ")
        .append(b.point())
        .append(" (median ")
        .append(Format.value(b.median(), m.unit()))
        .append(")");
    if (clear) {
      v.append(", different from every other value at ").append(Format.percent(level));
    } else {
      List<String> ties = new ArrayList<>();
      for (SweepResult.Cell c : cells) {
        if (c != b && c.p() != null && !c.differsFromBest()) {
          ties.add(c.point());
        }
      }
      v.append(ties.isEmpty() ? "" : ", not distinguishable from " + String.join(", ", ties));
      v.append(" at this N");
    }
    for (SweepResult.Cell c : cells) {
      if (c == b || c.shiftFromBest() == null) {
        continue;
      }
      v.append("; ")
          .append(c.point())
          .append(": Δ ")
          .append(Format.signed(c.shiftFromBest()))
          .append(" ")
          .append(
              c.shiftLow() != null && c.shiftHigh() != null
                  ? Format.signedRange(c.shiftLow(), c.shiftHigh(), false)
                  : "(no " + Format.percent(level) + " interval at this N)")
          .append(" ")
          .append(m.unit())
          .append(c.differsFromBest() ? " ◆" : "")
          .append(c.adjustedP() != null ? ", adj. p " + Format.p(c.adjustedP()) : "");
    }
    return v.toString();
  }

  private static String medians(List<SweepResult.Cell> cells, Metric m) {
    List<String> out = new ArrayList<>();
    for (SweepResult.Cell c : cells) {
      out.add(
          c.point() + " " + (Double.isNaN(c.median()) ? "–" : Format.value(c.median(), m.unit())));
    }
    return String.join(", ", out);
  }

  private static double[] values(List<Map<Metric, Double>> runs, Metric metric) {
    List<Double> v = new ArrayList<>();
    for (Map<Metric, Double> r : runs) {
      Double x = r.get(metric);
      if (x == null && metric.zeroWhenAbsent()) {
        x = 0.0;
      }
      if (x != null && Double.isFinite(x)) {
        v.add(x);
      }
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Returns whether every value of every point is the same (and there is at least one). */
  private static boolean constant(List<double[]> values) {
    Double first = null;
    for (double[] v : values) {
      for (double x : v) {
        if (first == null) {
          first = x;
        } else if (x != first) {
          return false;
        }
      }
    }
    return first != null;
  }

  private static boolean constant(Iterable<SweepResult.Cell> cells) {
    List<double[]> values = new ArrayList<>();
    for (SweepResult.Cell c : cells) {
      values.add(c.values().stream().mapToDouble(Double::doubleValue).toArray());
    }
    return constant(values);
  }

  private static double min(double[] v) {
    return java.util.Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElse(Double.NaN);
  }

  private static List<Double> list(double[] v) {
    List<Double> out = new ArrayList<>();
    for (double x : v) {
      out.add(x);
    }
    return out;
  }
}
