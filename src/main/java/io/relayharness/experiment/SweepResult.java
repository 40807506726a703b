package io.relayharness.experiment;

import java.util.List;

/**
 * A sweep's content, as {@code sweep.json} holds it. Immutable; thread-safe.
 *
 * @param scenario the scenario swept
 * @param createdEpochMs when the analysis was made
 * @param keys the settings swept
 * @param points each grid point's label (values joined with " / "), in grid order
 * @param repeats runs per point
 * @param common overrides every point shares ({@code key=value} text)
 * @param kind {@code runs} (each run a scenario run) or {@code capacity} (each run a capacity
 *     search)
 * @param level the confidence level of the shift intervals, e.g. 0.95
 * @param correction how the p-values against the best point are adjusted, per metric
 * @param metrics one row per metric
 * @param runs every run, in the order run
 */
public record SweepResult(
    String scenario,
    long createdEpochMs,
    List<String> keys,
    List<String> points,
    int repeats,
    List<String> common,
    String kind,
    double level,
    String correction,
    List<Row> metrics,
    List<Run> runs) {

  public SweepResult {
    keys = List.copyOf(keys);
    points = List.copyOf(points);
    common = List.copyOf(common);
    metrics = List.copyOf(metrics);
    runs = List.copyOf(runs);
  }

  /**
   * One metric against the swept value.
   *
   * @param name the metric
   * @param unit its unit
   * @param better {@code higher}, {@code lower}, or null when no direction is better (a share)
   * @param cells one per grid point, in grid order
   * @param best the label of the point with the best median, or null
   * @param bestClear whether the best point differs from every other point after the correction
   * @param verdict one sentence
   */
  public record Row(
      String name,
      String unit,
      String better,
      List<Cell> cells,
      String best,
      boolean bestClear,
      String verdict) {
    public Row {
      cells = List.copyOf(cells);
    }
  }

  /**
   * One metric at one grid point.
   *
   * @param point the point's label
   * @param values the metric in each run of the point
   * @param median their median (NaN when none)
   * @param low the smallest value: with {@code high}, an interval that holds the point's median
   *     with probability {@code rangeLevel} (distribution-free), null when no run had the figure
   * @param high the largest value
   * @param rangeLevel 1 − 2^(1−n) for n values (0 below two)
   * @param shiftFromBest Hodges–Lehmann shift of this point's values from the best point's, or null
   *     (the best point itself, or no best)
   * @param shiftLow that shift's interval at {@code level} (Moses), null when unbounded at this N
   * @param shiftHigh its upper end
   * @param p two-sided Mann–Whitney p of this point against the best, or null
   * @param adjustedP p adjusted over the metric's comparisons with the best, or null
   * @param differsFromBest whether adjustedP ≤ 1 − level
   */
  public record Cell(
      String point,
      List<Double> values,
      double median,
      Double low,
      Double high,
      double rangeLevel,
      Double shiftFromBest,
      Double shiftLow,
      Double shiftHigh,
      Double p,
      Double adjustedP,
      boolean differsFromBest) {
    public Cell {
      values = List.copyOf(values);
    }
  }

  /**
   * One run of the sweep.
   *
   * @param point the point's label
   * @param repeat 1-based repeat of the point
   * @param order 1-based position in the schedule
   * @param wallMs wall-clock time
   * @param note what it gave (held / failed verdicts, or the knee found)
   * @param runDirs the run folders it wrote
   */
  public record Run(
      String point, int repeat, int order, long wallMs, String note, List<String> runDirs) {
    public Run {
      runDirs = List.copyOf(runDirs);
    }
  }
}
