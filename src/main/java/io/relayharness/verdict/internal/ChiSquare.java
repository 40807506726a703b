package io.relayharness.verdict.internal;

/**
 * The chi-square distribution's survival function, P(X >= x) for {@code df} degrees of freedom, as
 * the regularized upper incomplete gamma function Q(df/2, x/2): a series for x < a+1, a continued
 * fraction (modified Lentz) above, ln Γ by Lanczos (g=7, 9 terms). Relative accuracy about 1e-12,
 * and tiny p-values (1e-30) keep their magnitude. Stateless; thread-safe.
 */
public final class ChiSquare {

  private static final double EPSILON = 1e-15;
  private static final int MAX_ITERATIONS = 10_000;
  private static final double TINY = 1e-300;
  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };

  private ChiSquare() {}

  /** Returns P(X >= x) for a chi-square variable with {@code df} (> 0) degrees of freedom. */
  public static double survival(double x, int df) {
    if (df <= 0) {
      throw new IllegalArgumentException("degrees of freedom must be > 0, was " + df);
    }
    return regularizedGammaQ(df / 2.0, x / 2.0);
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

  /** Returns Q(a, x) = Γ(a, x) / Γ(a). */
  public static double regularizedGammaQ(double a, double x) {
    if (x <= 0) {
      return 1.0;
    }
    if (x < a + 1) {
      return 1.0 - lowerSeries(a, x);
    }
    return upperContinuedFraction(a, x);
  }

  /** Returns ln Γ(x) for x > 0. */
  public static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    double t = z + 7.5;
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  private static double lowerSeries(double a, double x) {
    double term = 1.0 / a;
    double sum = term;
    for (int n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) {
        break;
      }
    }
    return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
  }

  private static double upperContinuedFraction(double a, double x) {
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = b + an / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        break;
      }
    }
    return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
  }
}
