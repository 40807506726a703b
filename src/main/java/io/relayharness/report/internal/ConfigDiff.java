package io.relayharness.report.internal;

import io.relayharness.observe.RunInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Relay settings compared: one run's effective settings against Postfix's defaults (run.json
 * relaySettings vs relayDefaults), and two runs' settings against each other. Stateless.
 */
public final class ConfigDiff {

  private ConfigDiff() {}

  /**
   * One setting in a diff; {@code a}/{@code b} are null when the run does not set it.
   *
   * @param name the postconf name
   * @param a the value in the (first) run
   * @param b the value in the second run, or null for a single-run diff
   * @param postfixDefault Postfix's default, or null when unknown
   */
  public record Row(String name, String a, String b, String postfixDefault) {}

  /** The settings of {@code run} (run.json, may be null) whose value is not Postfix's default. */
  public static List<Row> againstDefaults(RunInfo run) {
    Map<String, String> settings = settings(run);
    Map<String, String> defaults = defaults(run);
    List<Row> out = new ArrayList<>();
    settings.forEach(
        (name, value) -> {
          String d = defaults.get(name);
          if (!Objects.equals(norm(value), norm(d))) {
            out.add(new Row(name, value, null, d));
          }
        });
    return out;
  }

  /** How many settings {@code run} lists in all. */
  public static int settingCount(RunInfo run) {
    return settings(run).size();
  }

  /** The settings whose value differs between the two runs (run.json, either may be null). */
  public static List<Row> between(RunInfo runA, RunInfo runB) {
    Map<String, String> a = settings(runA);
    Map<String, String> b = settings(runB);
    Map<String, String> defaults = new TreeMap<>(defaults(runA));
    defaults.putAll(defaults(runB));
    TreeSet<String> names = new TreeSet<>(a.keySet());
    names.addAll(b.keySet());
    List<Row> out = new ArrayList<>();
    for (String name : names) {
      String va = a.getOrDefault(name, defaults.get(name));
      String vb = b.getOrDefault(name, defaults.get(name));
      if (!Objects.equals(norm(va), norm(vb))) {
        out.add(new Row(name, a.get(name), b.get(name), defaults.get(name)));
      }
    }
    return out;
  }

  /** The names of the settings either run lists. */
  public static Set<String> names(RunInfo runA, RunInfo runB) {
    Set<String> names = new TreeSet<>(settings(runA).keySet());
    names.addAll(settings(runB).keySet());
    return names;
  }

  private static Map<String, String> settings(RunInfo run) {
    return run == null ? Map.of() : run.relaySettings();
  }

  private static Map<String, String> defaults(RunInfo run) {
    return run == null ? Map.of() : run.relayDefaults();
  }

  /** Postfix lists: "a, b" and "a,b" and "a b" mean the same; compare on normalised spacing. */
  private static String norm(String value) {
    return value == null
        ? null
        : value.trim().replaceAll("\\s*,\\s*", ", ").replaceAll("\\s+", " ");
  }
}
