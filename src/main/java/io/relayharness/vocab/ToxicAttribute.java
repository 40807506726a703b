package io.relayharness.vocab;

/**
 * One attribute of a toxic type, as Toxiproxy names it. Immutable; thread-safe.
 *
 * @param name the JSON name in the API and in scenario files ({@code latency}, {@code rate})
 * @param unit what one unit of the value is
 * @param goType the Go type in the real server ({@code int64} or {@code int}), for Go-compatible
 *     error texts
 * @param required whether a scenario must give it (the rest default to 0)
 */
public record ToxicAttribute(String name, Unit unit, String goType, boolean required) {

  /** What one unit of an attribute's value is. */
  public enum Unit {
    /** Milliseconds. */
    MILLISECONDS("ms"),
    /** Microseconds. */
    MICROSECONDS("µs"),
    /** Kilobytes (1000 bytes) per second. */
    KB_PER_SECOND("KB/s"),
    /** Bytes. */
    BYTES("bytes");

    private final String symbol;

    Unit(String symbol) {
      this.symbol = symbol;
    }

    /** The unit as scenarios/README.md writes it ({@code ms}, {@code KB/s}, ...). */
    public String symbol() {
      return symbol;
    }
  }

  static ToxicAttribute required(String name, Unit unit, String goType) {
    return new ToxicAttribute(name, unit, goType, true);
  }

  static ToxicAttribute optional(String name, Unit unit, String goType) {
    return new ToxicAttribute(name, unit, goType, false);
  }
}
