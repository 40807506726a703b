package io.relayharness.experiment;

import io.relayharness.observe.RunFolder;
import io.relayharness.observe.RunInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The result of an A/B comparison, as written to {@code comparison.json}. Immutable; thread-safe.
 *
 * @param scenario the scenario name
 * @param createdEpochMs when the comparison was written
 * @param warmUps uncounted runs on A's config before the counted ones
 * @param repeats runs per side
 * @param common overrides both sides share ({@code --set}, {@code --rate}, {@code --duration})
 * @param a what A changes
 * @param b what B changes
 * @param alpha the family's error rate
 * @param correction how p-values were adjusted ({@code Holm}, {@code Benjamini–Hochberg})
 * @param familySize metrics tested (those not identical in every run)
 * @param effect the relative change the repeats needed are sized for
 * @param settingsDiff relay settings that differ between A's and B's first runs ({@code postconf
 *     -n}), and the variant
 * @param metrics one entry per metric
 * @param runs every run, in the order run
 */
public record AbComparison(
    String scenario,
    long createdEpochMs,
    int warmUps,
    int repeats,
    List<String> common,
    AbSide a,
    AbSide b,
    double alpha,
    String correction,
    int familySize,
    double effect,
    List<SettingDiff> settingsDiff,
    List<MetricComparison> metrics,
    List<RepeatRun> runs) {

  public AbComparison {
    common = List.copyOf(common);
    settingsDiff = List.copyOf(settingsDiff);
    metrics = List.copyOf(metrics);
    runs = List.copyOf(runs);
  }

  /**
   * One relay setting that differs.
   *
   * @param name e.g. {@code smtp_connection_cache_on_demand}, or {@code (variant)}
   * @param a A's value, or null when unset
   * @param b B's value, or null when unset
   */
  public record SettingDiff(String name, String a, String b) {}

  /**
   * Returns a warning when no metric could be significant at this N: the smallest p-value an exact
   * rank test has with {@code repeats} per side is above the strictest step of the family (alpha /
   * family size); null otherwise.
   */
  public String powerWarning() {
    int family = Math.max(1, familySize);
    double smallest = RankStatistics.smallestP(repeats, repeats);
    if (smallest <= alpha / family) {
      return null;
    }
    return String.format(
        java.util.Locale.ROOT,
        "with %d runs per side nothing could be significant: the smallest possible p is %s, above"
            + " %s / %d metrics; at least %d runs per side are needed",
        repeats,
        Format.number(smallest),
        Format.number(alpha),
        family,
        SampleSize.fewestRepeats(alpha / family));
  }

  /** The metrics judged significant. */
  public List<MetricComparison> significant() {
    return metrics.stream().filter(MetricComparison::significant).toList();
  }

  /**
   * Returns the relay settings that differ between the first run of A and of B (their {@code
   * run.json}), the variant first; empty when either is missing.
   */
  public static List<SettingDiff> settingsDiff(List<RepeatRun> runs) {
    RunInfo a = firstInfo(runs, "A");
    RunInfo b = firstInfo(runs, "B");
    List<SettingDiff> out = new ArrayList<>();
    if (a == null || b == null) {
      return out;
    }
    if (!Objects.equals(a.variant(), b.variant())) {
      out.add(new SettingDiff("(variant)", a.variant(), b.variant()));
    }
    TreeSet<String> names = new TreeSet<>(a.relaySettings().keySet());
    names.addAll(b.relaySettings().keySet());
    for (String n : names) {
      String va = value(a, n);
      String vb = value(b, n);
      if (!Objects.equals(va, vb)) {
        out.add(new SettingDiff(n, va, vb));
      }
    }
    return out;
  }

  private static String value(RunInfo info, String name) {
    Map<String, String> s = info.relaySettings();
    return s.get(name);
  }

  private static RunInfo firstInfo(List<RepeatRun> runs, String side) {
    for (RepeatRun r : runs) {
      Path dir = r.runDir();
      if (r.side().equals(side) && dir != null) {
        try {
          RunFolder f = RunFolder.open(dir);
          if (f.has(RunFolder.RUN_JSON)) {
            return f.readRunInfo();
          }
        } catch (RuntimeException unreadable) {
          return null;
        }
      }
    }
    return null;
  }
}
