package io.relayharness.verdict;

/**
 * One parameter of an {@code expect:} entry: its name, type, default and bounds, so a scenario
 * loader can validate and document it. Immutable; thread-safe.
 *
 * @param name the YAML key, e.g. {@code maxLost}
 * @param type the value's type
 * @param defaultValue the value when the key is absent (null = no bound / not set)
 * @param min the smallest allowed number (numbers only), or null
 * @param max the largest allowed number (numbers only), or null
 * @param nullable whether an explicit {@code null} is allowed (meaning "no bound")
 * @param description what the parameter bounds, with its unit
 */
public record ParamSpec(
    String name,
    Type type,
    Object defaultValue,
    Double min,
    Double max,
    boolean nullable,
    String description) {

  /** The kinds of parameter values. */
  public enum Type {
    /** A whole number (YAML int). */
    INTEGER,
    /** Any number. */
    NUMBER,
    /** A text. */
    STRING,
    /** A map of worker name to non-negative number, at least one positive. */
    WEIGHTS,
    /** true or false. */
    BOOLEAN,
    /** The name of a timeline step (checked against the scenario's steps). */
    STEP,
    /** Routing phases: phase name to rules per worker (see {@link RoutingRules}). */
    PHASES,
    /** A list of SMTP reply codes (200..599). */
    CODES
  }

  /** A whole number with bounds (either may be null). */
  public static ParamSpec integer(
      String name, Integer defaultValue, Integer min, Integer max, boolean nullable, String what) {
    return new ParamSpec(
        name,
        Type.INTEGER,
        defaultValue,
        min == null ? null : min.doubleValue(),
        max == null ? null : max.doubleValue(),
        nullable,
        what);
  }

  /** A number with bounds (either may be null). */
  public static ParamSpec number(
      String name, Double defaultValue, Double min, Double max, boolean nullable, String what) {
    return new ParamSpec(name, Type.NUMBER, defaultValue, min, max, nullable, what);
  }

  /** A text, null by default. */
  public static ParamSpec string(String name, String what) {
    return new ParamSpec(name, Type.STRING, null, null, null, true, what);
  }

  /** A boolean with its default. */
  public static ParamSpec bool(String name, boolean defaultValue, String what) {
    return new ParamSpec(name, Type.BOOLEAN, defaultValue, null, null, false, what);
  }

  /** The name of a timeline step; null (no step) unless {@code required}. */
  public static ParamSpec step(String name, boolean required, String what) {
    return new ParamSpec(name, Type.STEP, null, null, null, !required, what);
  }

  /** Routing phases; null when left out (the verdict says whether it may be). */
  public static ParamSpec phases(String name, String what) {
    return new ParamSpec(name, Type.PHASES, null, null, null, true, what);
  }

  /** A list of reply codes, null (any) by default. */
  public static ParamSpec codes(String name, String what) {
    return new ParamSpec(name, Type.CODES, null, null, null, true, what);
  }

  /** Worker weights. */
  public static ParamSpec weights(
      String name, java.util.Map<String, Integer> defaultValue, String what) {
    return new ParamSpec(name, Type.WEIGHTS, defaultValue, null, null, false, what);
  }
}
