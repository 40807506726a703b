package io.relayharness.observe;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers as people read them, the one format for verdict descriptions and report pages: integers
 * without decimals; from 100 on one decimal, from 1 on at most 3 decimals, below 1 three
 * significant digits (so a p-value of 0.0000123 does not read as 0); trailing zeros dropped; NaN
 * and infinities as "—". Stateless; thread-safe.
 */
public final class NumberText {

  private NumberText() {}

  /** Returns {@code v} as text, e.g. 3, 0.125, 152.5, "—". */
  public static String of(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "—";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    double a = Math.abs(v);
    if (a < 1e-6) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    String s =
        a >= 100
            ? String.format(Locale.ROOT, "%.1f", v)
            : a >= 1
                ? String.format(Locale.ROOT, "%.3f", v)
                : new BigDecimal(v).round(new MathContext(3)).toPlainString();
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /** Returns a fraction as a percentage with one decimal, e.g. "33.3 %"; NaN as "—". */
  public static String percent(double fraction) {
    return Double.isNaN(fraction) ? "—" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }
}
