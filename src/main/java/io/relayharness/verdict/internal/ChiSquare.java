package io.relayharness.verdict.internal;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square goodness-of-fit: the statistic, and its upper tail from Apache Commons
 * Statistics (accurate far into the tail, so a badly skewed split still gets its p-value).
 * Stateless; thread-safe.
 */
public final class ChiSquare {

  private ChiSquare() {}

  /** Returns P(X >= x) for a chi-square variable with {@code df} (> 0) degrees of freedom. */
  public static double survival(double x, int df) {
    if (df <= 0) {
      throw new IllegalArgumentException("degrees of freedom must be > 0, was " + df);
    }
    return x <= 0 ? 1.0 : ChiSquaredDistribution.of(df).survivalProbability(x);
  }

  /** Returns the statistic sum((o-e)^2/e) over cells with e > 0. */
  public static double statistic(double[] observed, double[] expected) {
    double sum = 0;
    for (int i = 0; i < observed.length; i++) {
      if (expected[i] > 0) {
        double d = observed[i] - expected[i];
        sum += d * d / expected[i];
      }
    }
    return sum;
  }
}
