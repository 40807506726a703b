package io.relayharness.verdict;

import java.util.List;

/**
 * Settings of {@link RelayHealthVerdict}: none. The verdict is judged in every run, whether the
 * scenario names it or not. Immutable; thread-safe.
 */
public record RelayHealthConfig() {

  /** The {@code expect: relayHealth} entry (added to every scenario). */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "relayHealth",
          "the relay stayed healthy: no fatal or panic line, no daemon throttled by the master, no"
              + " lookup table unavailable, the relay still running at the end (judged in every run)",
          List.of(),
          p -> new RelayHealthVerdict());
}
