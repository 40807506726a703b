package io.relayharness.experiment;

import java.util.Locale;

/** Number formatting for verdicts, the console and the page. Stateless; thread-safe. */
final class Format {

  private Format() {}

  /** 0.95 → {@code 95%}. */
  static String percent(double fraction) {
    return trim(fraction * 100) + "%";
  }

  /** 0.083 → {@code 8.3%}. */
  static String pct(double fraction) {
    return number(fraction * 100) + "%";
  }

  /** A value with its unit, e.g. {@code 120 ms}. */
  static String value(double v, String unit) {
    return number(v) + (unit.isEmpty() ? "" : " " + unit);
  }

  /** Magnitudes of a one-signed range, smallest first: {@code 12–30%}. */
  static String range(double lo, double hi, boolean percent, String suffix) {
    double x = Math.abs(lo);
    double y = Math.abs(hi);
    double from = Math.min(x, y);
    double to = Math.max(x, y);
    if (lo < 0 && hi > 0) {
      from = 0;
    }
    return percent
        ? number(from * 100) + "–" + number(to * 100) + "%" + suffix
        : number(from) + "–" + number(to) + suffix;
  }

  /** A signed interval: {@code [−8%, +12%]}. */
  static String signedRange(double lo, double hi, boolean percent) {
    String l = percent ? signed(lo * 100) + "%" : signed(lo);
    String h = percent ? signed(hi * 100) + "%" : signed(hi);
    return "[" + l + ", " + h + "]";
  }

  /** A signed number: {@code +12}, {@code −8.5}, {@code 0}. */
  static String signed(double v) {
    if (v == 0) {
      return "0";
    }
    return (v > 0 ? "+" : "−") + number(Math.abs(v));
  }

  /** Three significant figures, no exponent, no trailing zeros. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    double a = Math.abs(v);
    String s;
    if (a >= 100 || a == Math.rint(a)) {
      s = String.format(Locale.ROOT, "%.0f", v);
    } else if (a >= 10) {
      s = String.format(Locale.ROOT, "%.1f", v);
    } else if (a >= 1) {
      s = String.format(Locale.ROOT, "%.2f", v);
    } else {
      s = String.format(Locale.ROOT, "%.3g", v);
    }
    return trimZeros(s);
  }

  /** A p-value: {@code 0.0123}, {@code <0.0001}. */
  static String p(Double p) {
    if (p == null) {
      return "–";
    }
    return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
  }

  private static String trim(double v) {
    return trimZeros(String.format(Locale.ROOT, "%.1f", v));
  }

  private static String trimZeros(String s) {
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s.equals("-0") ? "0" : s;
  }
}
