package io.relayharness.experiment;

import io.relayharness.scenario.EnvironmentException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the highest offered rate a relay sustains (the knee): steps the rate up geometrically from
 * {@code from} (× {@code factor} each step, the last step clamped to {@code to}) until a rate is
 * not sustained, then bisects (geometric mean) between the highest sustained rate and the lowest
 * unsustained one until they are within {@code resolution} of each other. Each rate is run {@code
 * repeats} times and counts as sustained when more than half of its runs were (so a single noisy
 * run at a good rate does not end the climb when repeats ≥ 3). The knee is the highest sustained
 * rate; its interval is [knee, lowest unsustained rate above it): the relay was seen to sustain the
 * lower end and not the upper. The search assumes that sustaining is monotone in the rate. Not
 * thread-safe.
 *
 * @param fromPerSec the first rate tried
 * @param toPerSec the highest rate tried
 * @param factor the geometric step while climbing, above 1
 * @param resolution stop when upper / lower ≤ 1 + resolution
 * @param repeats runs per rate
 * @param maxRates the most rates tried, a bound on the search's time
 */
public record CapacitySearch(
    double fromPerSec,
    double toPerSec,
    double factor,
    double resolution,
    int repeats,
    int maxRates) {

  /** One run at one rate. */
  public interface Probe {

    /**
     * Runs the scenario at {@code ratePerSec} and judges it.
     *
     * @param repeat 1-based repeat at this rate
     */
    Outcome run(double ratePerSec, int repeat) throws EnvironmentException, InterruptedException;
  }

  /**
   * One probe's result.
   *
   * @param ratePerSec the offered rate
   * @param repeat 1-based repeat at this rate
   * @param sustained whether it was
   * @param reasons why not (empty when sustained)
   * @param queueSlopePerSec the queue's slope in that run
   * @param runDir the run folder, or null (a synthetic probe)
   */
  public record Outcome(
      double ratePerSec,
      int repeat,
      boolean sustained,
      List<String> reasons,
      double queueSlopePerSec,
      String runDir) {
    public Outcome {
      reasons = List.copyOf(reasons);
    }
  }

  /** Hears about each probe as it ends. */
  public interface Listener {
    /** A listener that ignores everything. */
    Listener NONE = o -> {};

    /** A probe has ended. */
    void probed(Outcome outcome);
  }

  /**
   * What the search found.
   *
   * @param kneePerSec the highest sustained rate, or null when even {@code from} was not sustained
   * @param lowPerSec the interval's lower end (= the knee; 0 when none was sustained)
   * @param highPerSec the interval's upper end: the lowest unsustained rate, or null when every
   *     rate up to {@code to} was sustained (the knee is at least {@code to})
   * @param probes every probe, in the order run
   */
  public record Result(
      Double kneePerSec, double lowPerSec, Double highPerSec, List<Outcome> probes) {
    public Result {
      probes = List.copyOf(probes);
    }

    /** Returns the knee in words, e.g. "340 msg/s (sustained 340, not 380)". */
    public String describe() {
      if (kneePerSec == null) {
        return String.format(
            java.util.Locale.ROOT,
            "below %.0f msg/s (the lowest rate tried was not sustained)",
            highPerSec);
      }
      if (highPerSec == null) {
        return String.format(
            java.util.Locale.ROOT,
            "at least %.0f msg/s (every rate up to it was sustained)",
            kneePerSec);
      }
      return String.format(
          java.util.Locale.ROOT,
          "%.0f msg/s (interval %.0f–%.0f: sustained at %.0f, not at %.0f)",
          kneePerSec,
          lowPerSec,
          highPerSec,
          lowPerSec,
          highPerSec);
    }
  }

  public CapacitySearch {
    if (!(fromPerSec > 0) || !(toPerSec >= fromPerSec)) {
      throw new IllegalArgumentException(
          "--from must be > 0 and --to at least --from, were " + fromPerSec + ", " + toPerSec);
    }
    if (!(factor > 1) || !(resolution > 0) || repeats < 1 || maxRates < 2) {
      throw new IllegalArgumentException(
          "factor must be > 1, resolution > 0, repeats >= 1, maxRates >= 2");
    }
  }

  /** Runs the search. */
  public Result run(Probe probe, Listener listener)
      throws EnvironmentException, InterruptedException {
    List<Outcome> all = new ArrayList<>();
    Double low = null;
    Double high = null;
    double rate = round(fromPerSec);
    int tried = 0;
    while (tried < maxRates) {
      tried++;
      boolean ok = judge(probe, rate, all, listener);
      if (ok) {
        low = rate;
        if (rate >= toPerSec) {
          break;
        }
        rate = round(Math.min(toPerSec, rate * factor));
      } else {
        high = rate;
        break;
      }
    }
    while (low != null && high != null && high / low > 1 + resolution && tried < maxRates) {
      double mid = round(Math.sqrt(low * high));
      if (mid <= low || mid >= high) {
        break;
      }
      tried++;
      if (judge(probe, mid, all, listener)) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return new Result(low, low == null ? 0 : low, high, all);
  }

  private boolean judge(Probe probe, double rate, List<Outcome> all, Listener listener)
      throws EnvironmentException, InterruptedException {
    int sustained = 0;
    for (int r = 1; r <= repeats; r++) {
      Outcome o = probe.run(rate, r);
      all.add(o);
      listener.probed(o);
      sustained += o.sustained() ? 1 : 0;
    }
    return 2 * sustained > repeats;
  }

  /** Rates are whole messages per second. */
  private static double round(double rate) {
    return Math.max(1, Math.round(rate));
  }
}
