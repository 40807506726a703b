package io.relayharness.experiment;

import io.relayharness.scenario.Overrides;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One side of an A/B comparison: what is changed in the scenario for it. Immutable; thread-safe.
 *
 * @param label {@code A} or {@code B}
 * @param variant a relay config variant ({@code relay.variant}), or null for the scenario's own
 * @param configDir a relay config folder, or null. Hook for {@code relay.configDir} (being added to
 *     the scenario settings): passed on as {@code --set relay.configDir=DIR}, so until that setting
 *     exists the scenario loader refuses it as an unknown key (exit 2)
 * @param sets {@code key=value} overrides of this side only
 */
public record AbSide(String label, String variant, Path configDir, List<String> sets) {

  /** The scenario setting a config folder is passed as. */
  public static final String CONFIG_DIR_KEY = "relay.configDir";

  public AbSide {
    sets = List.copyOf(sets);
  }

  /** A side that changes nothing. */
  public static AbSide unchanged(String label) {
    return new AbSide(label, null, null, List.of());
  }

  /** Returns this side's {@code key=value} settings, variant and config folder first. */
  public List<String> settings() {
    List<String> all = new ArrayList<>();
    if (variant != null) {
      all.add("relay.variant=" + variant);
    }
    if (configDir != null) {
      all.add(CONFIG_DIR_KEY + "=" + configDir);
    }
    all.addAll(sets);
    return all;
  }

  /** Returns the overrides of a run of this side: {@code common} plus this side's settings. */
  public Overrides overrides(Overrides common) {
    List<String> all = new ArrayList<>(common.sets());
    all.addAll(settings());
    return new Overrides(all, common.ratePerSec(), common.duration());
  }

  /** Returns the settings as one line, or {@code the scenario as written}. */
  public String describe() {
    return settings().isEmpty() ? "the scenario as written" : String.join(", ", settings());
  }
}
