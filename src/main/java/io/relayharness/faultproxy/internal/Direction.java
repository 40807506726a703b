package io.relayharness.faultproxy.internal;

import io.relayharness.vocab.ToxicStream;

/** The two links of a connection: client → server bytes, and server → client bytes. */
public enum Direction {
  UPSTREAM,
  DOWNSTREAM;

  /** Parses a stream name case-insensitively, as the real server does; null when invalid. */
  public static Direction parse(String stream) {
    return ToxicStream.parse(stream).map(s -> valueOf(s.name())).orElse(null);
  }
}
