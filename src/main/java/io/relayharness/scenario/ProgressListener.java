package io.relayharness.scenario;

/** Receives a run's progress, about once a second, on the engine's thread. */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = snapshot -> {};

  /** Called with the latest snapshot. */
  void onProgress(ProgressSnapshot snapshot);

  /**
   * Called once per distinct relay warning as it appears in the relay's log ({@code kind} as in
   * {@code observe.RelayWarning}, e.g. {@code fatal}); {@code line} is the relay's own line.
   */
  default void onRelayLine(String kind, String line) {}
}
