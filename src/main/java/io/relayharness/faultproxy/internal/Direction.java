package io.relayharness.faultproxy.internal;

/** The two links of a connection: client → server bytes, and server → client bytes. */
public enum Direction {
  UPSTREAM,
  DOWNSTREAM;

  /** Parses a stream name case-insensitively, as the real server does; null when invalid. */
  public static Direction parse(String stream) {
    return switch (stream.toLowerCase(java.util.Locale.ROOT)) {
      case "upstream" -> UPSTREAM;
      case "downstream" -> DOWNSTREAM;
      default -> null;
    };
  }
}
