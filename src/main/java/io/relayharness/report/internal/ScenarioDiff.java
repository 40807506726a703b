package io.relayharness.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Two scenarios compared leaf by leaf (dotted paths, see {@link
 * io.relayharness.observe.RunContents#scenarioLeaves()}). Stateless; thread-safe.
 */
public final class ScenarioDiff {

  private ScenarioDiff() {}

  /**
   * One leaf that differs; a side is null when the path is absent there.
   *
   * @param path the dotted path, arrays as {@code [i]}
   * @param a the value in the first scenario
   * @param b the value in the second scenario
   */
  public record Row(String path, String a, String b) {}

  /** The leaves whose values differ between {@code a} and {@code b} (dotted paths), by path. */
  public static List<Row> between(Map<String, String> a, Map<String, String> b) {
    TreeSet<String> paths = new TreeSet<>(a.keySet());
    paths.addAll(b.keySet());
    List<Row> out = new ArrayList<>();
    for (String p : paths) {
      if (!Objects.equals(a.get(p), b.get(p))) {
        out.add(new Row(p, a.get(p), b.get(p)));
      }
    }
    return out;
  }
}
