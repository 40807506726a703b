package io.relayharness.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares the metrics of A's runs with B's: per metric a rank test, the Hodges–Lehmann shift with
 * its interval ({@link RankStatistics}), the family's correction over every tested metric ({@link
 * FamilyCorrection}), the noise and the repeats needed ({@link SampleSize}), and a verdict
 * sentence. A metric is tested when both sides have it and not every value is equal; only tested
 * metrics count in the family. Stateless; thread-safe.
 *
 * @param alpha the family's error rate, e.g. 0.05
 * @param correction how p-values are adjusted for the family
 * @param effect the relative change to size the repeats for, e.g. 0.10 for 10%
 */
public record AbAnalysis(double alpha, FamilyCorrection correction, double effect) {

  /** 5% family error, Holm, sized for a 10% change. */
  public static final AbAnalysis DEFAULT = new AbAnalysis(0.05, FamilyCorrection.HOLM, 0.10);

  /** Compares the runs of A with those of B (one map of figures per run). */
  public List<MetricComparison> compare(
      List<Map<Metric, Double>> aRuns, List<Map<Metric, Double>> bRuns) {
    Set<Metric> metrics = new LinkedHashSet<>();
    aRuns.forEach(r -> metrics.addAll(r.keySet()));
    bRuns.forEach(r -> metrics.addAll(r.keySet()));
    List<Metric> order = new ArrayList<>(metrics);
    List<double[]> as = new ArrayList<>();
    List<double[]> bs = new ArrayList<>();
    List<Integer> tested = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      double[] a = values(aRuns, order.get(i));
      double[] b = values(bRuns, order.get(i));
      as.add(a);
      bs.add(b);
      if (a.length > 0 && b.length > 0 && !constant(a, b)) {
        tested.add(i);
      }
    }
    double[] p = new double[tested.size()];
    for (int k = 0; k < p.length; k++) {
      int i = tested.get(k);
      p[k] = RankStatistics.pValue(as.get(i), bs.get(i));
    }
    double[] adjusted = correction.adjust(p);
    int family = Math.max(1, tested.size());
    List<MetricComparison> out = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      int k = tested.indexOf(i);
      out.add(
          one(
              order.get(i),
              as.get(i),
              bs.get(i),
              k < 0 ? null : p[k],
              k < 0 ? null : adjusted[k],
              family,
              aRuns.size()));
    }
    return out;
  }

  /** Returns the per-test level the strictest step of the family uses: alpha / family size. */
  public double perTestAlpha(int family) {
    return alpha / Math.max(1, family);
  }

  private MetricComparison one(
      Metric metric, double[] a, double[] b, Double p, Double adjusted, int family, int repeats) {
    double level = 1 - alpha;
    double aMedian = a.length == 0 ? Double.NaN : RankStatistics.medianOf(a);
    double bMedian = b.length == 0 ? Double.NaN : RankStatistics.medianOf(b);
    List<Double> aList = list(a);
    List<Double> bList = list(b);
    if (a.length == 0 || b.length == 0) {
      String missing = a.length == 0 ? "A" : "B";
      return new MetricComparison(
          metric.name(),
          metric.unit(),
          aList,
          bList,
          aMedian,
          bMedian,
          Double.NaN,
          null,
          null,
          level,
          null,
          null,
          null,
          false,
          Double.NaN,
          null,
          null,
          "not measured on " + missing + " (no run of " + missing + " had this figure)");
    }
    RankStatistics.Shift shift = RankStatistics.shift(a, b, level);
    double noise = SampleSize.pooledSd(a, b);
    boolean relative = aMedian != 0 && metric.kind() != Metric.Kind.PASS_RATE;
    Double rel = relative ? shift.estimate() / Math.abs(aMedian) : null;
    Double noiseRel = relative ? noise / Math.abs(aMedian) : null;
    double perTest = perTestAlpha(family);
    Integer needed =
        aMedian != 0 ? SampleSize.repeatsFor(effect * Math.abs(aMedian), noise, perTest) : null;
    boolean significant = adjusted != null && adjusted <= alpha;
    String verdict;
    if (p == null) {
      verdict =
          metric.kind() == Metric.Kind.PASS_RATE
              ? "no difference: every run " + (a[0] > 0.5 ? "passed" : "failed")
              : "no difference: every run gave " + Format.value(a[0], metric.unit());
    } else if (!significant && metric.kind() == Metric.Kind.PASS_RATE) {
      verdict =
          String.format(
              Locale.ROOT,
              "no difference detectable at N=%d: A passed %d of %d runs, B %d of %d",
              repeats,
              count(a),
              a.length,
              count(b),
              b.length);
    } else if (significant) {
      verdict = significantVerdict(metric, shift, aMedian, a, b, level);
    } else {
      verdict = noDifferenceVerdict(metric, shift, aMedian, noise, repeats, needed, perTest, level);
    }
    return new MetricComparison(
        metric.name(),
        metric.unit(),
        aList,
        bList,
        aMedian,
        bMedian,
        shift.estimate(),
        shift.low(),
        shift.high(),
        level,
        rel,
        p,
        adjusted,
        significant,
        noise,
        noiseRel,
        needed,
        verdict);
  }

  private static String significantVerdict(
      Metric metric, RankStatistics.Shift s, double aMedian, double[] a, double[] b, double level) {
    String word = metric.kind().word(s.estimate() > 0);
    String ci = Format.percent(level) + " CI";
    if (metric.kind() == Metric.Kind.PASS_RATE) {
      return String.format(
          Locale.ROOT,
          "B %s: passed %s of %d runs, A %s of %d",
          word,
          count(b),
          b.length,
          count(a),
          a.length);
    }
    if (!s.bounded()) {
      return "B " + word + " (interval unbounded at this N)";
    }
    if (aMedian != 0) {
      double lo = s.low() / Math.abs(aMedian);
      double hi = s.high() / Math.abs(aMedian);
      return "B " + word + " by " + Format.range(lo, hi, true, "") + " (" + ci + ")";
    }
    return "B "
        + word
        + " by "
        + Format.range(s.low(), s.high(), false, " " + metric.unit())
        + " ("
        + ci
        + ")";
  }

  private String noDifferenceVerdict(
      Metric metric,
      RankStatistics.Shift s,
      double aMedian,
      double noise,
      int repeats,
      Integer needed,
      double perTest,
      double level) {
    boolean relative = aMedian != 0 && metric.kind() != Metric.Kind.PASS_RATE;
    String noiseText =
        relative
            ? "±" + Format.pct(noise / Math.abs(aMedian))
            : "±" + Format.value(noise, metric.unit());
    StringBuilder v =
        new StringBuilder("no difference detectable at N=" + repeats + " (noise " + noiseText);
    if (s.bounded()) {
      v.append("; B − A within ");
      v.append(
          relative
              ? Format.signedRange(s.low() / Math.abs(aMedian), s.high() / Math.abs(aMedian), true)
              : Format.signedRange(s.low(), s.high(), false) + " " + metric.unit());
      v.append(" at ").append(Format.percent(level));
    } else {
      v.append("; no ").append(Format.percent(level)).append(" interval at this N");
    }
    v.append(")");
    if (needed != null && needed != Integer.MAX_VALUE && relative) {
      v.append("; a ").append(Format.percent(effect)).append(" change needs ");
      v.append(
          needed >= SampleSize.MAX_REPEATS
              ? "more than " + SampleSize.MAX_REPEATS + " runs per side"
              : "N≈" + needed + " per side");
    }
    return v.toString();
  }

  private static int count(double[] v) {
    int c = 0;
    for (double x : v) {
      c += x > 0.5 ? 1 : 0;
    }
    return c;
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

  private static boolean constant(double[] a, double[] b) {
    double first = a[0];
    for (double x : a) {
      if (x != first) {
        return false;
      }
    }
    for (double x : b) {
      if (x != first) {
        return false;
      }
    }
    return true;
  }

  private static List<Double> list(double[] v) {
    List<Double> out = new ArrayList<>();
    for (double x : v) {
      out.add(x);
    }
    return out;
  }
}
