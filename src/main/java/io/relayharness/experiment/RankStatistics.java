package io.relayharness.experiment;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.ranking.NaNStrategy;
import org.apache.commons.statistics.ranking.NaturalRanking;
import org.apache.commons.statistics.ranking.TiesStrategy;

/**
 * Rank statistics of two small samples A and B (one value per repeat): the two-sided Mann–Whitney
 * p-value, the Hodges–Lehmann estimate of the shift B − A and its rank-based (Moses) confidence
 * interval, all from Apache Commons Statistics' Mann–Whitney U test.
 *
 * <p>The p-value is exact: without ties, Commons Statistics' exact U distribution; with ties (0/1
 * pass rates, counts that are often 0), an exact permutation test of the same U statistic over
 * every split of the pooled values when there are at most {@value #PERMUTATION_LIMIT} splits,
 * otherwise Commons Statistics' tie-corrected normal approximation. The interval inverts the exact
 * test: it holds every shift μ for which "B − μ and A have the same distribution" is not rejected,
 * so it covers the true shift with at least the stated probability for continuous data. Stateless;
 * thread-safe.
 */
public final class RankStatistics {

  /** The most splits of the pooled sample the exact permutation test enumerates. */
  static final long PERMUTATION_LIMIT = 2_000_000;

  private static final MannWhitneyUTest EXACT =
      MannWhitneyUTest.withDefaults().with(PValueMethod.EXACT);
  private static final MannWhitneyUTest AUTO = MannWhitneyUTest.withDefaults();
  private static final NaturalRanking RANKS =
      new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
  private static final Map<String, Double> NO_TIES_P = new ConcurrentHashMap<>();

  private RankStatistics() {}

  /**
   * A shift estimate with its interval.
   *
   * @param estimate Hodges–Lehmann: the median of every difference b − a
   * @param low the interval's lower end, or null when unbounded (too few repeats)
   * @param high the interval's upper end, or null when unbounded
   * @param level the confidence the interval was built for, e.g. 0.95
   */
  public record Shift(double estimate, Double low, Double high, double level) {

    /** Returns whether both ends are known. */
    public boolean bounded() {
      return low != null && high != null;
    }
  }

  /** Returns the two-sided p-value of "A and B come from one distribution" (1 when identical). */
  public static double pValue(double[] a, double[] b) {
    check(a, b);
    if (allEqual(a, b)) {
      return 1.0;
    }
    MannWhitneyUTest.Result r = AUTO.test(b, a);
    if (!r.hasTiedValues()) {
      return r.getPValue();
    }
    if (splits(a.length, b.length) <= PERMUTATION_LIMIT) {
      return permutationP(a, b);
    }
    return r.getPValue();
  }

  /** Returns the Hodges–Lehmann shift B − A and its {@code level} interval (Moses). */
  public static Shift shift(double[] a, double[] b, double level) {
    check(a, b);
    double[] d = differences(a, b);
    double estimate = median(d);
    int mn = d.length;
    double alpha = 1 - level;
    // For μ strictly between the k-th and (k+1)-th smallest difference, U(B − μ, A) = mn − k.
    // The smallest k whose p-value exceeds alpha gives the interval [d(k), d(mn + 1 − k)].
    for (int k = 0; k <= mn / 2; k++) {
      if (noTiesP(mn - k, b.length, a.length) > alpha) {
        if (k == 0) {
          return new Shift(estimate, null, null, level);
        }
        return new Shift(estimate, d[k - 1], d[mn - k], level);
      }
    }
    return new Shift(estimate, estimate, estimate, level);
  }

  /**
   * Returns the smallest two-sided p-value an exact rank test can give with {@code m} and {@code n}
   * values: 2 / C(m + n, m).
   */
  public static double smallestP(int m, int n) {
    return noTiesP((long) m * n, m, n);
  }

  /** Returns the sorted differences b − a of every pair. */
  static double[] differences(double[] a, double[] b) {
    double[] d = new double[a.length * b.length];
    int i = 0;
    for (double y : b) {
      for (double x : a) {
        d[i++] = y - x;
      }
    }
    Arrays.sort(d);
    return d;
  }

  /** Returns the median of sorted {@code v}. */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Returns the median of {@code v} (unsorted; copied). */
  public static double medianOf(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return median(s);
  }

  /**
   * The exact two-sided p-value of U = {@code u} for tie-free samples of sizes m (the first) and n:
   * asked of Commons Statistics with two made-up samples that have exactly that U.
   */
  static double noTiesP(long u, int m, int n) {
    return NO_TIES_P.computeIfAbsent(
        u + "/" + m + "/" + n,
        key -> {
          double[] y = new double[n];
          for (int j = 0; j < n; j++) {
            y[j] = j;
          }
          double[] x = new double[m];
          long left = u;
          for (int i = 0; i < m; i++) {
            // x[i] lies above exactly c of the y's, with a distinct offset so no value ties
            long c = Math.min(n, left);
            left -= c;
            x[i] = c - 1 + (i + 1.0) / (m + 1.0);
          }
          return EXACT.test(x, y).getPValue();
        });
  }

  /** Exact permutation p-value of U with average ranks: every split of the pooled values. */
  private static double permutationP(double[] a, double[] b) {
    int m = b.length;
    int total = a.length + b.length;
    double[] pooled = new double[total];
    System.arraycopy(b, 0, pooled, 0, m);
    System.arraycopy(a, 0, pooled, m, a.length);
    double[] ranks = RANKS.apply(pooled);
    double observed = 0;
    for (int i = 0; i < m; i++) {
      observed += ranks[i];
    }
    double centre = m * (total + 1) / 2.0;
    double distance = Math.abs(observed - centre) - 1e-9;
    long[] counts = new long[2];
    enumerate(ranks, 0, m, 0.0, centre, distance, counts);
    return (double) counts[0] / counts[1];
  }

  private static void enumerate(
      double[] ranks, int from, int left, double sum, double centre, double distance, long[] c) {
    if (left == 0) {
      c[1]++;
      if (Math.abs(sum - centre) >= distance) {
        c[0]++;
      }
      return;
    }
    for (int i = from; i <= ranks.length - left; i++) {
      enumerate(ranks, i + 1, left - 1, sum + ranks[i], centre, distance, c);
    }
  }

  /** Returns C(m + n, m), saturating at Long.MAX_VALUE. */
  static long splits(int m, int n) {
    long c = 1;
    int k = Math.min(m, n);
    for (int i = 1; i <= k; i++) {
      if (c > Long.MAX_VALUE / (m + n + 1)) {
        return Long.MAX_VALUE;
      }
      c = c * (m + n - k + i) / i;
    }
    return c;
  }

  private static boolean allEqual(double[] a, double[] b) {
    double first = a[0];
    return Arrays.stream(a).allMatch(v -> v == first) && Arrays.stream(b).allMatch(v -> v == first);
  }

  private static void check(double[] a, double[] b) {
    if (a.length == 0 || b.length == 0) {
      throw new IllegalArgumentException("each side needs at least one value");
    }
  }
}
