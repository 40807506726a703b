package io.relayharness.scenario;

import java.util.List;

/**
 * Command-line changes to a scenario, applied to the file's tree before validation. Immutable;
 * thread-safe.
 *
 * @param sets {@code key.path=value} assignments, e.g. {@code load.steps[0].constant.rate=200}
 * @param ratePerSec scales every load step so the highest step rate becomes this, or null
 * @param duration stretches the load steps to this total length ({@code 30s}), or null
 */
public record Overrides(List<String> sets, Double ratePerSec, String duration) {

  /** No overrides. */
  public static final Overrides NONE = new Overrides(List.of(), null, null);

  public Overrides {
    sets = List.copyOf(sets);
  }

  /** Returns whether there is nothing to apply. */
  public boolean isEmpty() {
    return sets.isEmpty() && ratePerSec == null && duration == null;
  }

  /** The overrides as the command line gave them: each {@code --set}, then --rate, --duration. */
  public List<String> asArguments() {
    List<String> all = new java.util.ArrayList<>(sets);
    if (ratePerSec != null) {
      all.add("--rate " + ratePerSec);
    }
    if (duration != null) {
      all.add("--duration " + duration);
    }
    return all;
  }
}
