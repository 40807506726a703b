package io.relayharness.experiment;

import io.relayharness.scenario.EnvironmentException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every point of a sweep {@code repeats} times, interleaved: round r runs every point once,
 * starting at point (r − 1) mod k and going round, so a drift of the machine over time falls on
 * every point alike and no point is always first (the order of a Latin square's rows). What one run
 * is comes from a {@link Trial}: a scenario run, or a whole capacity search. {@link #stop(String)}
 * may come from a shutdown hook while a trial is in progress; otherwise not thread-safe.
 */
public final class SweepRunner {

  /**
   * One run's place in the schedule.
   *
   * @param point 0-based index of the grid point
   * @param repeat 1-based repeat of that point
   * @param order 1-based position in the whole schedule
   */
  public record Slot(int point, int repeat, int order) {}

  /** One run of one grid point. */
  public interface Trial {

    /** Runs {@code point} once and returns its figures. */
    TrialResult run(SweepGrid.Point point, Slot slot, int total)
        throws EnvironmentException, InterruptedException;

    /** Stops the trial in progress (a signal); idempotent. */
    default void stop(String reason) {}
  }

  /** Hears about each run as it starts and ends (on the runner's thread). */
  public interface Listener {

    /** A listener that ignores everything. */
    Listener NONE = new Listener() {};

    /** Run {@code slot.order()} of {@code total} is starting. */
    default void starting(SweepGrid.Point point, Slot slot, int total) {}

    /** A run has ended. */
    default void finished(SweepGrid.Point point, Slot slot, int total, TrialResult result) {}
  }

  private final Trial trial;
  private volatile boolean stopped;

  /** Creates a runner whose runs are {@code trial}'s. */
  public SweepRunner(Trial trial) {
    this.trial = trial;
  }

  /** Returns the interleaved schedule of {@code points} points, {@code repeats} times each. */
  public static List<Slot> schedule(int points, int repeats) {
    if (points < 1 || repeats < 1) {
      throw new IllegalArgumentException(
          "a sweep needs at least one point and one repeat, got " + points + ", " + repeats);
    }
    List<Slot> out = new ArrayList<>();
    for (int r = 1; r <= repeats; r++) {
      for (int i = 0; i < points; i++) {
        out.add(new Slot((r - 1 + i) % points, r, out.size() + 1));
      }
    }
    return out;
  }

  /**
   * Runs the schedule.
   *
   * @return per point (grid order), its results in the order run
   * @throws EnvironmentException when a run cannot happen here; no further run is started
   * @throws InterruptedException when stopped; no further run is started
   */
  public List<List<TrialResult>> run(List<SweepGrid.Point> points, int repeats, Listener listener)
      throws EnvironmentException, InterruptedException {
    List<List<TrialResult>> out = new ArrayList<>();
    points.forEach(p -> out.add(new ArrayList<>()));
    List<Slot> slots = schedule(points.size(), repeats);
    for (Slot slot : slots) {
      if (stopped || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException(
            "stopped after " + (slot.order() - 1) + " of " + slots.size() + " runs");
      }
      SweepGrid.Point p = points.get(slot.point());
      listener.starting(p, slot, slots.size());
      TrialResult result = trial.run(p, slot, slots.size());
      out.get(slot.point()).add(result);
      listener.finished(p, slot, slots.size(), result);
    }
    return out;
  }

  /** Stops the run in progress and starts no further run; idempotent. */
  public void stop(String reason) {
    stopped = true;
    trial.stop(reason);
  }
}
