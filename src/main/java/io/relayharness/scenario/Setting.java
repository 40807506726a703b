package io.relayharness.scenario;

import java.util.List;

/**
 * One setting of a scenario file: its key path, type, default, bounds and meaning. The loader reads
 * defaults and bounds from here and the {@code schema} command prints them, so there is one place
 * where a setting is defined. Immutable; thread-safe.
 *
 * <p>Paths use {@code []} for a list element ({@code load.steps[].constant.rate}) and {@code
 * <name>} for a key the user chooses ({@code relay.overrides.<parameter>}).
 *
 * @param path the key path pattern
 * @param type the value's type
 * @param defaultValue the value used when the key is absent (null: no default)
 * @param min the smallest allowed number, or null
 * @param max the largest allowed number, or null
 * @param choices the allowed words for {@link Type#CHOICE}, else empty
 * @param required whether the key must be present
 * @param nullable whether an explicit {@code null} is allowed (meaning "no bound")
 * @param doc what the setting means, one line
 */
public record Setting(
    String path,
    Type type,
    Object defaultValue,
    Double min,
    Double max,
    List<String> choices,
    boolean required,
    boolean nullable,
    String doc) {

  /** The kind of value a setting holds. */
  public enum Type {
    /** A mapping with fixed keys (its children are settings of their own). */
    OBJECT,
    /** A list whose elements are described by {@code path[]} settings. */
    LIST,
    /** A mapping whose keys the user chooses, described by {@code path.<name>}. */
    MAP,
    /** A whole number. */
    INT,
    /** A number, fractions allowed. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Free text. */
    STRING,
    /** One word out of {@link Setting#choices()}. */
    CHOICE,
    /** A duration such as {@code 500ms}, {@code 10s}, {@code 1m30s}. */
    DURATION,
    /** A list of words. */
    STRINGS,
    /** A worker name, {@code relay}, {@code all-workers}, or a list of worker names. */
    TARGET
  }

  public Setting {
    choices = List.copyOf(choices);
  }

  /** Returns whether {@code value} lies within {@link #min()} and {@link #max()}. */
  public boolean inBounds(double value) {
    return (min == null || value >= min) && (max == null || value <= max);
  }

  /** Returns the bounds as text, e.g. {@code 0 .. 5000}, or an empty string. */
  public String boundsText() {
    if (type == Type.CHOICE) {
      return String.join(" \\| ", choices);
    }
    if (min == null && max == null) {
      return "";
    }
    return (min == null ? "" : number(min)) + " .. " + (max == null ? "" : number(max));
  }

  /** Returns {@code value} without a trailing {@code .0} when it is whole. */
  static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
