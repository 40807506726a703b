package io.relayharness.verdict.internal;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * What a sample size can detect, for verdicts to state their power: the smallest relative skew of
 * one worker's share that a two-sided test at level {@code alpha} finds with the given power
 * (normal approximation of the binomial share). Stateless; thread-safe.
 */
public final class Power {

  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  private Power() {}

  /**
   * Returns the relative deviation d such that a worker expected to get {@code share} of {@code n}
   * messages, getting {@code share * (1 ± d)} instead, is detected at level {@code alpha} with
   * probability {@code power}; infinity when n or share is 0.
   */
  public static double detectableRelativeSkew(long n, double share, double alpha, double power) {
    if (n <= 0 || share <= 0 || share >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    double z =
        NORMAL.inverseSurvivalProbability(alpha / 2) + NORMAL.inverseCumulativeProbability(power);
    return z * Math.sqrt((1 - share) / (n * share));
  }
}
