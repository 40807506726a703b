package io.relayharness.observe;

import java.util.Map;

/**
 * The relay's retry timers, from its effective settings ({@code postconf -n}), else its reported
 * defaults ({@code postconf -d}), else Postfix's built-in defaults. Immutable; thread-safe.
 *
 * @param minimalBackoffMs {@code minimal_backoff_time} (default 300s)
 * @param maximalBackoffMs {@code maximal_backoff_time} (default 4000s)
 * @param queueRunDelayMs {@code queue_run_delay} (default 300s)
 */
public record RelayTimers(long minimalBackoffMs, long maximalBackoffMs, long queueRunDelayMs) {

  /** Postfix's {@code minimal_backoff_time} default. */
  public static final String MINIMAL_BACKOFF_DEFAULT = "300s";

  /** Postfix's {@code maximal_backoff_time} default. */
  public static final String MAXIMAL_BACKOFF_DEFAULT = "4000s";

  /** Postfix's {@code queue_run_delay} default. */
  public static final String QUEUE_RUN_DELAY_DEFAULT = "300s";

  /** Reads the timers from {@code settings}, falling back to {@code defaults}, then Postfix's. */
  public static RelayTimers from(Map<String, String> settings, Map<String, String> defaults) {
    return new RelayTimers(
        ms(settings, defaults, "minimal_backoff_time", MINIMAL_BACKOFF_DEFAULT),
        ms(settings, defaults, "maximal_backoff_time", MAXIMAL_BACKOFF_DEFAULT),
        ms(settings, defaults, "queue_run_delay", QUEUE_RUN_DELAY_DEFAULT));
  }

  /** Returns the backoff Postfix applies to a message deferred at age {@code ageMs}. */
  public long backoffMs(long ageMs) {
    return Math.max(minimalBackoffMs, Math.min(maximalBackoffMs, ageMs));
  }

  private static long ms(
      Map<String, String> settings, Map<String, String> defaults, String name, String fallback) {
    String value = settings == null ? null : settings.get(name);
    if (value == null && defaults != null) {
      value = defaults.get(name);
    }
    try {
      return PostfixTime.parse(value == null ? fallback : value).toMillis();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("relay setting " + name + ": " + e.getMessage(), e);
    }
  }
}
