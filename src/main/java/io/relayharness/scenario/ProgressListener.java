package io.relayharness.scenario;

/** Receives a run's progress, about once a second, on the engine's thread. */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = snapshot -> {};

  /** Called with the latest snapshot. */
  void onProgress(ProgressSnapshot snapshot);
}
