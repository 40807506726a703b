package io.relayharness.load.mail.internal;

import java.util.SplittableRandom;

/**
 * A log-normal size distribution with a given median, capped at a maximum and floored at a minimum:
 * {@code median × exp(sigma × N(0,1))}. Immutable; thread-safe.
 */
public final class SizeDistribution {

  private final int medianBytes;
  private final int minBytes;
  private final int maxBytes;
  private final double sigma;

  public SizeDistribution(int medianBytes, int minBytes, int maxBytes, double sigma) {
    this.medianBytes = medianBytes;
    this.minBytes = minBytes;
    this.maxBytes = maxBytes;
    this.sigma = sigma;
  }

  /** Draws one size in bytes from {@code random}. */
  public int sample(SplittableRandom random) {
    double size = medianBytes * Math.exp(sigma * gaussian(random));
    return (int) Math.max(minBytes, Math.min(maxBytes, size));
  }

  /** A standard normal draw (Box-Muller), from the random's own stream. */
  private static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
