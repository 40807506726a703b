package io.relayharness.experiment;

/**
 * One figure measured on every run of an A/B comparison. Immutable; thread-safe.
 *
 * @param name e.g. {@code e2e p95}, {@code share worker1}, {@code verdict loss}
 * @param unit e.g. {@code ms}, {@code msg/s}, {@code %}, {@code pass rate}
 * @param kind how a difference is worded
 */
public record Metric(String name, String unit, Kind kind) {

  /** How a difference of B from A is worded (never "better" or "worse": that is the reader's). */
  public enum Kind {
    /** A latency: B slower / faster. */
    LATENCY("slower", "faster"),
    /** A rate, depth or share: B higher / lower. */
    LEVEL("higher", "lower"),
    /** A duration: B longer / shorter. */
    DURATION("longer", "shorter"),
    /** A count of bad events: B more / fewer. */
    COUNT("more", "fewer"),
    /** A verdict's pass rate (1 passed, 0 failed): B passes more / less often. */
    PASS_RATE("passes more often", "passes less often");

    private final String up;
    private final String down;

    Kind(String up, String down) {
      this.up = up;
      this.down = down;
    }

    /** Returns the word for B above A ({@code up}) or below it. */
    public String word(boolean up) {
      return up ? this.up : this.down;
    }
  }

  /** Returns whether a run that lacks this figure counts 0 for it (a worker that got nothing). */
  public boolean zeroWhenAbsent() {
    return name.startsWith(RunMetrics.SHARE_PREFIX);
  }
}
