package io.relayharness.observe;

/**
 * A named span of a run, e.g. the timeline step {@code all-down}. Immutable; thread-safe.
 *
 * @param startEpochMs when the span began
 * @param endEpochMs when it ended, or null if it never ended
 */
public record TimeWindow(long startEpochMs, Long endEpochMs) {

  /** Returns whether the span ended. */
  public boolean ended() {
    return endEpochMs != null;
  }

  /** Returns the smallest window covering this one and {@code other} (open if either is open). */
  public TimeWindow span(TimeWindow other) {
    Long end =
        endEpochMs == null || other.endEpochMs == null
            ? null
            : Long.valueOf(Math.max(endEpochMs, other.endEpochMs));
    return new TimeWindow(Math.min(startEpochMs, other.startEpochMs), end);
  }

  /** Returns the span both windows cover (empty, start = end, when they do not overlap). */
  public TimeWindow intersect(TimeWindow other) {
    long start = Math.max(startEpochMs, other.startEpochMs);
    Long end =
        endEpochMs == null
            ? other.endEpochMs
            : other.endEpochMs == null
                ? endEpochMs
                : Long.valueOf(Math.min(endEpochMs, other.endEpochMs));
    return new TimeWindow(start, end == null ? null : Math.max(start, end));
  }
}
