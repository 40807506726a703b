package io.relayharness.vocab;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which link of a proxied connection a toxic acts on, as Toxiproxy names it: the one list behind
 * the scenario schema's {@code timeline[].stream} choice, the fault target's Toxiproxy calls and
 * the fault proxy's parsing. Immutable; thread-safe.
 */
public enum ToxicStream {
  /** Client to server bytes (in the harness: relay to worker). */
  UPSTREAM,
  /** Server to client bytes (in the harness: worker to relay); the API's default. */
  DOWNSTREAM;

  /** The stream the API assumes when none is given. */
  public static final ToxicStream DEFAULT = DOWNSTREAM;

  /** The {@code stream} in the API and in scenario files ({@code upstream}). */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a stream name case-insensitively, as the real server does. */
  public static Optional<ToxicStream> parse(String name) {
    return Arrays.stream(values()).filter(s -> s.apiName().equalsIgnoreCase(name)).findFirst();
  }

  /** Every stream's {@link #apiName()}. */
  public static List<String> apiNames() {
    return Arrays.stream(values()).map(ToxicStream::apiName).toList();
  }
}
