package io.relayharness.experiment;

import io.relayharness.scenario.SweepSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a sweep varies and the values each takes: one or two scenario keys ({@code
 * relay.overrides.default_process_limit}), each with its values in the order given; the grid is
 * every combination, first key slowest. Immutable; thread-safe.
 *
 * @param parameters key → values, in the order given
 */
public record SweepGrid(Map<String, List<String>> parameters) {

  public SweepGrid {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    parameters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    parameters = Collections.unmodifiableMap(copy);
  }

  /**
   * Parses {@code --param key=v1,v2,v3} options.
   *
   * @throws IllegalArgumentException naming the option, the key and the value that are wrong
   */
  public static SweepGrid parse(List<String> options) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String option : options) {
      int eq = option.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--param '"
                + option
                + "': expected key=value1,value2,... (e.g."
                + " relay.overrides.default_process_limit=10,50,100)");
      }
      String key = option.substring(0, eq).strip();
      if (params.containsKey(key)) {
        throw new IllegalArgumentException("--param " + key + ": the key is given twice");
      }
      List<String> values = new ArrayList<>();
      for (String v : option.substring(eq + 1).split(",", -1)) {
        values.add(v.strip());
      }
      params.put(key, values);
    }
    return of(params, "--param");
  }

  /**
   * Checks and wraps a grid.
   *
   * @param where how messages name the source, e.g. {@code --param}
   * @throws IllegalArgumentException listing every problem, each naming the key and value
   */
  public static SweepGrid of(Map<String, List<String>> params, String where) {
    List<String> problems = SweepSpec.problems(params);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(where + " " + String.join("; ", problems));
    }
    return new SweepGrid(params);
  }

  /** Returns every combination of values, first key slowest. */
  public List<Point> points() {
    List<Point> out = new ArrayList<>();
    out.add(new Point(new LinkedHashMap<>()));
    for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
      List<Point> next = new ArrayList<>();
      for (Point p : out) {
        for (String v : e.getValue()) {
          Map<String, String> m = new LinkedHashMap<>(p.values());
          m.put(e.getKey(), v);
          next.add(new Point(m));
        }
      }
      out = next;
    }
    return out;
  }

  /** Returns the keys swept, in order. */
  public List<String> keys() {
    return List.copyOf(parameters.keySet());
  }

  /**
   * One grid point: a value per swept key. Immutable; thread-safe.
   *
   * @param values key → value, in the grid's key order
   */
  public record Point(Map<String, String> values) {

    public Point {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Returns the point as {@code --set} assignments. */
    public List<String> sets() {
      List<String> out = new ArrayList<>();
      values.forEach((k, v) -> out.add(k + "=" + v));
      return out;
    }

    /** Returns a short label: the values, joined with " / ". */
    public String label() {
      return String.join(" / ", values.values());
    }
  }
}
