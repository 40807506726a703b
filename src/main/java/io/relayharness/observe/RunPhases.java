package io.relayharness.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A run cut at the edges of its fault windows, so a message can be placed by the time it was
 * accepted: {@code before} the first fault, {@code during <step>} (or {@code during <a> + <b>}
 * while two overlap), {@code between} two faults, and {@code after} the last one ends; a run
 * without faults is one phase, {@code whole run}. A fault's window runs from the start of its apply
 * to the end of its undo ({@link RunObservations#windowsOf}); an unnamed step is named by its
 * action and target; a fault never undone lasts to the end; an instantaneous one (a relay restart)
 * only cuts.
 *
 * <pre>
 *   before ──┤workers-down├┤workers-down + relay0-down├┤relay0-down├── after
 * </pre>
 *
 * Immutable; thread-safe.
 */
public final class RunPhases {

  /** Before the first fault. */
  public static final String BEFORE = "before";

  /** After the last fault ended. */
  public static final String AFTER = "after";

  /** No fault in effect, between two. */
  public static final String BETWEEN = "between";

  /** The one phase of a run without faults. */
  public static final String WHOLE_RUN = "whole run";

  /**
   * One stretch of the run.
   *
   * @param name e.g. {@code during workers-down + relay0-down}
   * @param fromEpochMs its start (inclusive), {@link Long#MIN_VALUE} for the first
   * @param toEpochMs its end (exclusive), {@link Long#MAX_VALUE} for the last
   */
  public record Phase(String name, long fromEpochMs, long toEpochMs) {

    /** Returns whether {@code epochMs} falls in this phase. */
    public boolean contains(long epochMs) {
      return epochMs >= fromEpochMs && epochMs < toEpochMs;
    }
  }

  private final List<Phase> phases;

  private RunPhases(List<Phase> phases) {
    this.phases = List.copyOf(phases);
  }

  /** Cuts a run with {@code faults} into phases. */
  public static RunPhases of(List<FaultEvent> faults) {
    Map<String, long[]> windows = new LinkedHashMap<>();
    for (FaultEvent f : faults) {
      String label = f.step() != null ? f.step() : f.action() + " " + f.target();
      long end;
      if (f.endEpochMs() != null) {
        end = Math.max(f.startEpochMs(), f.endEpochMs());
      } else {
        end = lasting(f.action()) ? Long.MAX_VALUE : f.startEpochMs();
      }
      windows.merge(
          label,
          new long[] {f.startEpochMs(), end},
          (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }
    if (windows.isEmpty()) {
      return new RunPhases(List.of(new Phase(WHOLE_RUN, Long.MIN_VALUE, Long.MAX_VALUE)));
    }
    TreeSet<Long> edges = new TreeSet<>();
    windows.values().forEach(w -> edges.add(w[0]));
    windows.values().stream().filter(w -> w[1] != Long.MAX_VALUE).forEach(w -> edges.add(w[1]));
    List<Long> cuts = new ArrayList<>(edges);
    cuts.add(0, Long.MIN_VALUE);
    cuts.add(Long.MAX_VALUE);
    List<Phase> out = new ArrayList<>();
    long firstStart = edges.first();
    for (int i = 0; i + 1 < cuts.size(); i++) {
      long from = cuts.get(i);
      long to = cuts.get(i + 1);
      if (from == to) {
        continue;
      }
      List<String> inEffect = new ArrayList<>();
      windows.forEach(
          (label, w) -> {
            if (w[0] <= from && to <= w[1] && w[0] < w[1]) {
              inEffect.add(label);
            }
          });
      String name;
      if (!inEffect.isEmpty()) {
        name = "during " + String.join(" + ", inEffect);
      } else if (to <= firstStart) {
        name = BEFORE;
      } else if (to == Long.MAX_VALUE) {
        name = AFTER;
      } else {
        name = BETWEEN;
      }
      Phase last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.name().equals(name)) {
        out.set(out.size() - 1, new Phase(name, last.fromEpochMs(), to));
      } else {
        out.add(new Phase(name, from, to));
      }
    }
    return new RunPhases(out);
  }

  private static boolean lasting(String action) {
    return !"relay-restart".equals(action) && !"dns".equals(action);
  }

  /** The phases, in time order. */
  public List<Phase> phases() {
    return phases;
  }

  /** The distinct phase names, in time order. */
  public List<String> names() {
    return phases.stream().map(Phase::name).distinct().toList();
  }

  /** The name of the phase {@code epochMs} falls in. */
  public String at(long epochMs) {
    for (Phase p : phases) {
      if (p.contains(epochMs)) {
        return p.name();
      }
    }
    return phases.get(phases.size() - 1).name();
  }
}
