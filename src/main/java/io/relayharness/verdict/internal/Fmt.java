package io.relayharness.verdict.internal;

import io.relayharness.observe.NumberText;
import java.time.Instant;
import java.util.Locale;

/** Formats figures for verdict summaries and tables. Stateless; thread-safe. */
public final class Fmt {

  private Fmt() {}

  /** Returns an epoch-ms time as ISO-8601 UTC with milliseconds, or empty for null. */
  public static String time(Long epochMs) {
    return epochMs == null ? "" : Instant.ofEpochMilli(epochMs).toString();
  }

  /** Returns milliseconds as seconds with one decimal, e.g. {@code 7.0 s}. */
  public static String seconds(double ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** Returns milliseconds as signed seconds, e.g. {@code +7.0 s}. */
  public static String offset(double ms) {
    return String.format(Locale.ROOT, "%+.1f s", ms / 1000.0);
  }

  /** Returns a number in the project's one format ({@link NumberText#of(double)}). */
  public static String num(double v) {
    return NumberText.of(v);
  }

  /** Returns a ratio as a percentage with one decimal. */
  public static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }
}
