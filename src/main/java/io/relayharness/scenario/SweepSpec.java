package io.relayharness.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A scenario's {@code sweep:} block: the settings {@code ./harness sweep} varies when no {@code
 * --param} is given, and the runs per value. Every value was checked at load time by loading the
 * scenario with it applied. Immutable; thread-safe.
 *
 * @param parameters scenario key → the values it takes, in file order (empty: no sweep block)
 * @param repeats runs per grid point
 */
public record SweepSpec(Map<String, List<String>> parameters, int repeats) {

  /** No sweep block. */
  public static final SweepSpec NONE = new SweepSpec(Map.of(), 3);

  public SweepSpec {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    parameters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    parameters = Collections.unmodifiableMap(copy);
  }

  /** The most settings one sweep varies (a matrix page has two axes). */
  public static final int MAX_PARAMETERS = 2;

  /** The most grid points one sweep runs. */
  public static final int MAX_POINTS = 64;

  private static final Pattern KEY =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\[\\d+])?(\\.[A-Za-z0-9_]+(\\[\\d+])?)*");

  /**
   * Returns what is wrong with a grid, one message per problem, each naming the key and the value:
   * one or two keys, each a scenario key path with at least two distinct, non-empty values, at most
   * {@value #MAX_POINTS} combinations. Empty when it is fine.
   */
  public static List<String> problems(Map<String, List<String>> parameters) {
    List<String> out = new ArrayList<>();
    if (parameters.isEmpty()) {
      out.add("name at least one setting to sweep");
    }
    if (parameters.size() > MAX_PARAMETERS) {
      out.add("at most " + MAX_PARAMETERS + " settings per sweep, got " + parameters.keySet());
    }
    long points = 1;
    for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
      String key = e.getKey();
      List<String> values = e.getValue();
      points *= Math.max(1, values.size());
      if (!KEY.matcher(key).matches()) {
        out.add(key + ": '" + key + "' is not a scenario key (e.g. relay.overrides.NAME)");
      }
      if (values.size() < 2) {
        out.add(key + ": a sweep needs at least two values, got " + values);
      }
      List<String> seen = new ArrayList<>();
      for (String v : values) {
        if (v.isBlank()) {
          out.add(key + ": an empty value in " + values);
        } else if (seen.contains(v)) {
          out.add(key + ": value '" + v + "' is given twice");
        }
        seen.add(v);
      }
    }
    if (points > MAX_POINTS) {
      out.add(points + " grid points; at most " + MAX_POINTS);
    }
    return out;
  }

  /** Returns whether the scenario has a sweep block. */
  public boolean present() {
    return !parameters.isEmpty();
  }
}
