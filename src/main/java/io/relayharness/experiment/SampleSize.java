package io.relayharness.experiment;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How many repeats a comparison needs: the run-to-run noise of a metric (pooled standard deviation
 * of the repeats within each side), the smallest change the present number of repeats would show,
 * and the repeats per side needed to show a given change. Uses the normal approximation for two
 * samples, inflated by 1 / (3/π) (the Mann–Whitney test's efficiency against the t-test on normal
 * data), at the family's per-test level alpha / m (the strictest step of Holm) and 80% power; never
 * fewer repeats than an exact rank test needs to reach that level at all. Stateless; thread-safe.
 */
public final class SampleSize {

  /** The chance of seeing a real change of the size asked about. */
  public static final double POWER = 0.8;

  private static final double MANN_WHITNEY_EFFICIENCY = 3 / Math.PI;
  private static final NormalDistribution Z = NormalDistribution.of(0, 1);

  /** The most repeats {@link #repeatsFor} answers; more means "not worth it at this noise". */
  public static final int MAX_REPEATS = 1000;

  private SampleSize() {}

  /** Returns the pooled within-side sample standard deviation (0 with one value per side). */
  public static double pooledSd(double[] a, double[] b) {
    double ss = sumSquares(a) + sumSquares(b);
    int df = a.length - 1 + b.length - 1;
    return df <= 0 ? 0 : Math.sqrt(ss / df);
  }

  /**
   * Returns the repeats per side needed to see a change of {@code delta} (same unit as sd) with
   * {@link #POWER} at a two-sided per-test level {@code alpha}; {@link Integer#MAX_VALUE} when
   * delta is 0.
   */
  public static int repeatsFor(double delta, double sd, double alpha) {
    if (delta == 0) {
      return Integer.MAX_VALUE;
    }
    int floor = fewestRepeats(alpha);
    if (sd == 0) {
      return floor;
    }
    double z = Z.inverseSurvivalProbability(alpha / 2) + Z.inverseSurvivalProbability(1 - POWER);
    double n = 2 * Math.pow(z * sd / delta, 2) / MANN_WHITNEY_EFFICIENCY;
    return (int) Math.max(floor, Math.min(MAX_REPEATS, Math.ceil(n)));
  }

  /**
   * Returns the smallest change {@code n} repeats per side would show with {@link #POWER} at level
   * {@code alpha}; infinite when an exact rank test cannot reach alpha with n repeats.
   */
  public static double detectable(int n, double sd, double alpha) {
    if (n < fewestRepeats(alpha)) {
      return Double.POSITIVE_INFINITY;
    }
    double z = Z.inverseSurvivalProbability(alpha / 2) + Z.inverseSurvivalProbability(1 - POWER);
    return z * sd * Math.sqrt(2 / (n * MANN_WHITNEY_EFFICIENCY));
  }

  /** Returns the fewest repeats per side with which an exact rank test can reach {@code alpha}. */
  public static int fewestRepeats(double alpha) {
    int n = 1;
    while (RankStatistics.smallestP(n, n) > alpha && n < MAX_REPEATS) {
      n++;
    }
    return n;
  }

  private static double sumSquares(double[] v) {
    if (v.length == 0) {
      return 0;
    }
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return ss;
  }
}
