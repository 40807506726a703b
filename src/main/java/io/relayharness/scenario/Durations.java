package io.relayharness.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations as scenario files spell them: {@code 500ms}, {@code 10s}, {@code 1m},
 * {@code 1m30s}, {@code 1.5s}, {@code 2h}. Stateless; thread-safe.
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private Durations() {}

  /** Returns the duration in milliseconds, or -1 when {@code text} is not a duration. */
  public static long parseMs(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return -1;
    }
    Matcher m = PART.matcher(t);
    int position = 0;
    double totalMs = 0;
    while (position < t.length()) {
      if (!m.find(position) || m.start() != position) {
        return -1;
      }
      double value = Double.parseDouble(m.group(1));
      totalMs +=
          switch (m.group(2)) {
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> value * 3_600_000;
          };
      position = m.end();
    }
    if (totalMs != Math.rint(totalMs) || totalMs > Long.MAX_VALUE / 2) {
      return -1;
    }
    return (long) totalMs;
  }

  /**
   * Returns {@code ms} as text, e.g. {@code 1m30s}, {@code 45s}, {@code 500ms}, {@code 2s250ms}.
   */
  public static String format(long ms) {
    if (ms == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long rest = ms;
    if (rest >= 3_600_000) {
      out.append(rest / 3_600_000).append('h');
      rest %= 3_600_000;
    }
    if (rest >= 60_000) {
      out.append(rest / 60_000).append('m');
      rest %= 60_000;
    }
    if (rest >= 1000) {
      out.append(rest / 1000).append('s');
      rest %= 1000;
    }
    if (rest > 0) {
      out.append(rest).append("ms");
    }
    return out.toString();
  }
}
