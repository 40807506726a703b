package io.relayharness.observe;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a set of values: the p-th percentile is the smallest value with at
 * least p% of the values at or below it. Immutable after construction; thread-safe.
 */
public final class Percentiles {

  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  /** Sorts a copy of {@code values}. */
  public static Percentiles of(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return new Percentiles(copy);
  }

  /** Returns how many values there are. */
  public int count() {
    return sorted.length;
  }

  /** Returns the nearest-rank {@code p}-th percentile (0 < p <= 100); NaN when empty. */
  public double percentile(double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Returns the arithmetic mean; NaN when empty. */
  public double mean() {
    return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(Double.NaN);
  }

  /** Returns the values in ascending order (a copy). */
  public long[] sortedValues() {
    return sorted.clone();
  }

  /** Returns the largest value; NaN when empty. */
  public double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }
}
