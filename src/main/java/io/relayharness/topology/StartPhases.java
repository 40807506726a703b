package io.relayharness.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where a topology start spent its time: each phase with its begin and end, measured from the start
 * of {@link MailTopology#start()}. Phases run in parallel, so their durations overlap; the end of
 * the last one is the start time. Thread-safe.
 */
public final class StartPhases {

  /** One phase: its name, and when it began and ended after the start began. */
  public record Phase(String name, Duration begin, Duration end) {

    /** How long the phase itself took. */
    public Duration duration() {
      return end.minus(begin);
    }
  }

  private final long t0 = System.nanoTime();
  private final Map<String, Phase> phases = new ConcurrentHashMap<>();

  /** Runs {@code action} as the phase {@code name}, recording its begin and end. */
  <T> T time(String name, Supplier<T> action) {
    long begin = System.nanoTime();
    try {
      return action.get();
    } finally {
      phases.put(
          name,
          new Phase(name, Duration.ofNanos(begin - t0), Duration.ofNanos(System.nanoTime() - t0)));
    }
  }

  /** Runs {@code action} as the phase {@code name}. */
  void run(String name, Runnable action) {
    time(
        name,
        () -> {
          action.run();
          return null;
        });
  }

  /** The phases recorded so far, in the order they began. */
  public List<Phase> phases() {
    List<Phase> out = new ArrayList<>(phases.values());
    out.sort(Comparator.comparing(Phase::begin).thenComparing(Phase::name));
    return out;
  }

  /** One line per phase: {@code name begin → end (duration)}, in milliseconds. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Phase p : phases()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-34s %6d → %6d ms (%d ms)%n",
              p.name(),
              p.begin().toMillis(),
              p.end().toMillis(),
              p.duration().toMillis()));
    }
    return out.toString();
  }
}
