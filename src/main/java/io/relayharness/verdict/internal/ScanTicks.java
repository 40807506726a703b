package io.relayharness.verdict.internal;

import java.util.List;
import java.util.TreeSet;

/**
 * The deferred-queue scan ticks of one queue manager lifetime: Postfix's queue manager scans the
 * deferred queue every {@code queue_run_delay}, starting when it starts, so the ticks are {@code
 * phaseMs + k * periodMs}. A deferred message becomes eligible at its due time and is picked up by
 * the first tick at or after it. Immutable; thread-safe.
 *
 * @param periodMs the scan period ({@code queue_run_delay}); 0 or less means "continuously"
 * @param phaseMs the ticks' offset, {@code 0 <= phaseMs < periodMs}
 */
public record ScanTicks(long periodMs, long phaseMs) {

  /** One retry for {@link #fit}: when it was due and when the attempt came. */
  public record Observed(long dueMs, long actualMs) {}

  /** Returns the first tick at or after {@code t}. */
  public long firstAtOrAfter(long t) {
    return periodMs <= 0 ? t : t + Math.floorMod(phaseMs - t, periodMs);
  }

  /** Returns the last tick at or before {@code t}. */
  public long lastAtOrBefore(long t) {
    return periodMs <= 0 ? t : t - Math.floorMod(t - phaseMs, periodMs);
  }

  /**
   * Returns the tick an attempt at {@code actualMs} is attributed to, for a message due at {@code
   * dueMs}. Postfix's own due time is uncertain by whole-second rounding and clock offsets, so
   * every tick from the first at or after {@code dueMs - toleranceMs} to the first at or after
   * {@code dueMs + toleranceMs} is a valid prediction; the one chosen is the last of those at or
   * before the attempt, else the first of them. Without tolerance this is the first tick at or
   * after due.
   */
  public long predicted(long dueMs, long actualMs, long toleranceMs) {
    long lo = firstAtOrAfter(dueMs - toleranceMs);
    long hi = firstAtOrAfter(dueMs + toleranceMs);
    if (actualMs <= lo) {
      return lo;
    }
    if (actualMs >= hi) {
      return hi;
    }
    return periodMs <= 0 ? actualMs : lastAtOrBefore(actualMs);
  }

  /** How much more an attempt before its tick weighs than one after it when fitting the phase. */
  public static final int EARLY_WEIGHT = 9;

  /**
   * Estimates the phase from observed retries. An attempt comes at or after the scan tick that
   * picked it up (a burst of retries drains over a while after its tick), so the fit minimises the
   * lateness under an asymmetric loss: lateness after the tick counts once, before it {@value
   * #EARLY_WEIGHT} times, each capped at one period so that an outlier weighs no more than that.
   * This puts the ticks near the earliest tenth of the attempts that follow them rather than in
   * their middle, which would hide lateness. Candidates are the observed attempt times modulo the
   * period. With no retries the phase is 0.
   */
  public static ScanTicks fit(long periodMs, List<Observed> retries, long toleranceMs) {
    if (periodMs <= 0 || retries.isEmpty()) {
      return new ScanTicks(periodMs, 0);
    }
    TreeSet<Long> candidates = new TreeSet<>();
    for (Observed r : retries) {
      candidates.add(Math.floorMod(r.actualMs(), periodMs));
    }
    long best = candidates.first();
    double bestLoss = Double.MAX_VALUE;
    for (long phase : candidates) {
      ScanTicks ticks = new ScanTicks(periodMs, phase);
      double loss = 0;
      for (Observed r : retries) {
        long lateness = r.actualMs() - ticks.predicted(r.dueMs(), r.actualMs(), toleranceMs);
        loss +=
            lateness >= 0
                ? Math.min(lateness, periodMs)
                : (double) EARLY_WEIGHT * Math.min(-lateness, periodMs);
      }
      if (loss < bestLoss) {
        best = phase;
        bestLoss = loss;
      }
    }
    return new ScanTicks(periodMs, best);
  }
}
