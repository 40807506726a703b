package io.relayharness.observe;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Postfix time values such as {@code 5s}, {@code 300s}, {@code 1m}, {@code 1h}, {@code 1d},
 * {@code 1w}; a bare number is in {@code defaultUnit}. Stateless; thread-safe.
 */
public final class PostfixTime {

  private static final Pattern VALUE = Pattern.compile("^\\s*(\\d+)\\s*([smhdw]?)\\s*$");

  private PostfixTime() {}

  /** Parses {@code value} (bare numbers in seconds). */
  public static Duration parse(String value) {
    return parse(value, 's');
  }

  /** Parses {@code value}, reading a bare number in {@code defaultUnit} (s, m, h, d or w). */
  public static Duration parse(String value, char defaultUnit) {
    Matcher m = VALUE.matcher(value == null ? "" : value);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Postfix time value: '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    char unit = m.group(2).isEmpty() ? defaultUnit : m.group(2).charAt(0);
    return switch (unit) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      case 'd' -> Duration.ofDays(n);
      case 'w' -> Duration.ofDays(7 * n);
      default -> throw new IllegalArgumentException("unknown Postfix time unit in '" + value + "'");
    };
  }
}
