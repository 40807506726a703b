package io.relayharness.experiment;

import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.ProgressSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Times the phases of one run from the engine's progress: the time before the first progress
 * snapshot is {@code start} (topology start), then each phase the engine names ({@code load},
 * {@code draining}, {@code collecting}) lasts until the next begins, the last until {@link
 * #finish()}. Snapshots come about once a second, but the engine reports each phase change at once.
 * Not thread-safe beyond the engine's one progress thread and the runner's thread calling {@link
 * #finish()} after the run returned.
 */
final class PhaseTimer implements ProgressListener {

  /** The phase before the first snapshot. */
  static final String START = "start";

  private final LongSupplier clock;
  private final ProgressListener next;
  private final Map<String, Long> durations = new LinkedHashMap<>();
  private final long begin;
  private String phase = START;
  private long phaseStart;
  private long end = -1;

  PhaseTimer(LongSupplier clock, ProgressListener next) {
    this.clock = clock;
    this.next = next;
    this.begin = clock.getAsLong();
    this.phaseStart = begin;
  }

  @Override
  public synchronized void onProgress(ProgressSnapshot snapshot) {
    if (!snapshot.phase().equals(phase)) {
      long now = clock.getAsLong();
      durations.merge(phase, now - phaseStart, Long::sum);
      phase = snapshot.phase();
      phaseStart = now;
    }
    next.onProgress(snapshot);
  }

  @Override
  public void onRelayLine(String kind, String line) {
    next.onRelayLine(kind, line);
  }

  /** Ends the last phase now. */
  synchronized void finish() {
    if (end < 0) {
      end = clock.getAsLong();
      durations.merge(phase, end - phaseStart, Long::sum);
    }
  }

  /** Milliseconds per phase, in the order they began. */
  synchronized Map<String, Long> durations() {
    return new LinkedHashMap<>(durations);
  }

  /** Milliseconds from creation to {@link #finish()}. */
  synchronized long totalMs() {
    return (end < 0 ? clock.getAsLong() : end) - begin;
  }
}
