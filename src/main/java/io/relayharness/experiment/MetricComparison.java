package io.relayharness.experiment;

import java.util.List;

/**
 * One metric of an A/B comparison: both sides' values across repeats, the shift B − A with its
 * interval, the p-value before and after the family's correction, and a plain verdict. One entry of
 * {@code comparison.json}. Immutable; thread-safe.
 *
 * @param name the metric, e.g. {@code e2e p95}
 * @param unit e.g. {@code ms}
 * @param a A's values, one per repeat that had the figure
 * @param b B's values
 * @param aMedian A's median (NaN when A has none)
 * @param bMedian B's median
 * @param difference the Hodges–Lehmann shift B − A (median of every pairwise difference)
 * @param ciLow the interval's lower end, or null when unbounded or not computed
 * @param ciHigh the interval's upper end, or null
 * @param ciLevel the interval's confidence, e.g. 0.95
 * @param relativeDifference difference / |A's median|, or null when A's median is 0
 * @param p the two-sided rank test p-value, or null when not tested (missing on a side, or every
 *     value equal)
 * @param adjustedP p after the family's correction, or null when not tested
 * @param significant whether adjustedP is at most the family's alpha
 * @param noise the run-to-run standard deviation (pooled within sides), in the metric's unit
 * @param noiseRelative noise / |A's median|, or null
 * @param repeatsNeeded repeats per side to see a change of the effect asked about, or null when it
 *     cannot be said (A's median 0)
 * @param verdict a plain sentence, e.g. "B slower by 12–30% (95% CI)"
 */
public record MetricComparison(
    String name,
    String unit,
    List<Double> a,
    List<Double> b,
    double aMedian,
    double bMedian,
    double difference,
    Double ciLow,
    Double ciHigh,
    double ciLevel,
    Double relativeDifference,
    Double p,
    Double adjustedP,
    boolean significant,
    double noise,
    Double noiseRelative,
    Integer repeatsNeeded,
    String verdict) {

  public MetricComparison {
    a = List.copyOf(a);
    b = List.copyOf(b);
  }

  /** Returns whether a p-value was computed (the metric is in the family). */
  public boolean tested() {
    return p != null;
  }
}
