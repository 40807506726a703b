package io.relayharness.verdict;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One {@code expect:} key: its parameters with defaults and bounds, and how to build the verdict.
 * Validation fails fast with a message naming {@code expect.<key>.<param>} and the bad value.
 * Immutable; thread-safe.
 *
 * @param key the {@code expect:} key, also the verdict's name
 * @param description what the verdict checks
 * @param params the parameters it takes
 * @param factory builds the verdict from validated parameters
 */
public record VerdictSpec(
    String key,
    String description,
    List<ParamSpec> params,
    Function<VerdictParams, Verdict> factory) {

  public VerdictSpec {
    params = List.copyOf(params);
  }

  /** Returns the parameter called {@code name}, or null. */
  public ParamSpec param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }

  /** Validates {@code raw} (null = all defaults) and fills in defaults; no scenario context. */
  public VerdictParams validate(Map<String, Object> raw) {
    return validate(raw, VerdictContext.NONE);
  }

  /**
   * Validates {@code raw} (null = all defaults) against a scenario's workers and steps, and fills
   * in defaults (weights from the topology when the context has them).
   */
  public VerdictParams validate(Map<String, Object> raw, VerdictContext context) {
    Map<String, Object> given = raw == null ? Map.of() : raw;
    for (String name : given.keySet()) {
      if (param(name) == null) {
        throw new IllegalArgumentException(
            "expect."
                + key
                + ": unknown parameter '"
                + name
                + "' (known: "
                + params.stream().map(ParamSpec::name).collect(Collectors.joining(", "))
                + ")");
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParamSpec p : params) {
      if (given.containsKey(p.name())) {
        values.put(p.name(), coerce(p, given.get(p.name()), context));
      } else if (p.type() == ParamSpec.Type.WEIGHTS && !context.defaultWeights().isEmpty()) {
        values.put(p.name(), coerce(p, context.defaultWeights(), context));
      } else if (p.defaultValue() == null && !p.nullable()) {
        throw new IllegalArgumentException(
            "expect."
                + key
                + "."
                + p.name()
                + ": required key is missing ("
                + p.description()
                + ")");
      } else {
        values.put(
            p.name(), p.defaultValue() == null ? null : coerce(p, p.defaultValue(), context));
      }
    }
    return new VerdictParams(key, values);
  }

  /** Validates {@code raw} and builds the verdict. */
  public Verdict create(Map<String, Object> raw) {
    return factory.apply(validate(raw));
  }

  /** Builds the verdict from parameters this spec validated. */
  public Verdict create(VerdictParams params) {
    if (!params.key().equals(key)) {
      throw new IllegalArgumentException("parameters of " + params.key() + " given to " + key);
    }
    return factory.apply(params);
  }

  private Object coerce(ParamSpec p, Object value, VerdictContext context) {
    String where = "expect." + key + "." + p.name();
    if (value == null) {
      if (!p.nullable()) {
        throw new IllegalArgumentException(where + ": must not be null");
      }
      return null;
    }
    return switch (p.type()) {
      case INTEGER -> {
        long n = wholeNumber(where, value);
        checkBounds(where, p, n);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
          throw new IllegalArgumentException(where + ": " + value + " is too large");
        }
        yield (int) n;
      }
      case NUMBER -> {
        if (!(value instanceof Number num) || !Double.isFinite(num.doubleValue())) {
          throw new IllegalArgumentException(where + ": expected a number, was '" + value + "'");
        }
        checkBounds(where, p, num.doubleValue());
        yield num.doubleValue();
      }
      case STRING -> {
        if (!(value instanceof String s) || s.isBlank()) {
          throw new IllegalArgumentException(where + ": expected a text, was '" + value + "'");
        }
        yield s;
      }
      case WEIGHTS -> weights(where, value, context);
      case BOOLEAN -> {
        if (!(value instanceof Boolean b)) {
          throw new IllegalArgumentException(
              where + ": expected true or false, was '" + value + "'");
        }
        yield b;
      }
      case STEP -> {
        if (!(value instanceof String s) || s.isBlank()) {
          throw new IllegalArgumentException(
              where + ": expected the name of a timeline step, was '" + value + "'");
        }
        if (context != VerdictContext.NONE && !context.steps().contains(s)) {
          throw new IllegalArgumentException(
              where
                  + ": no timeline step is named '"
                  + s
                  + "' (named steps: "
                  + (context.steps().isEmpty() ? "none" : String.join(", ", context.steps()))
                  + ")");
        }
        yield s;
      }
      case PHASES -> RoutingRules.parse(where, value, context);
      case CODES -> codes(where, value);
    };
  }

  private static long wholeNumber(String where, Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b && b.bitLength() < 63) {
      return b.longValue();
    }
    if (value instanceof Number n) {
      double d = n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 9e15) {
        return (long) d;
      }
    }
    throw new IllegalArgumentException(where + ": expected a whole number, was '" + value + "'");
  }

  private static void checkBounds(String where, ParamSpec p, double v) {
    if (p.min() != null && v < p.min()) {
      throw new IllegalArgumentException(
          where + ": must be >= " + fmt(p.min()) + ", was " + fmt(v));
    }
    if (p.max() != null && v > p.max()) {
      throw new IllegalArgumentException(
          where + ": must be <= " + fmt(p.max()) + ", was " + fmt(v));
    }
  }

  private static java.util.List<Integer> codes(String where, Object value) {
    java.util.List<?> items = value instanceof java.util.List<?> l ? l : java.util.List.of(value);
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (Object item : items) {
      long code;
      try {
        code = wholeNumber(where, item);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            where + ": expected SMTP reply codes (e.g. [450, 421]), was '" + value + "'");
      }
      if (code < 200 || code > 599) {
        throw new IllegalArgumentException(
            where + ": " + code + " is not an SMTP reply code (200..599)");
      }
      out.add((int) code);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(where + ": give at least one reply code");
    }
    return java.util.List.copyOf(out);
  }

  private static Map<String, Double> weights(String where, Object value, VerdictContext context) {
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      throw new IllegalArgumentException(
          where + ": expected a map of worker name to weight, was '" + value + "'");
    }
    Map<String, Double> out = new LinkedHashMap<>();
    double sum = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof Number n)
          || !Double.isFinite(n.doubleValue())
          || n.doubleValue() < 0) {
        throw new IllegalArgumentException(
            where
                + "."
                + e.getKey()
                + ": weight must be a number >= 0, was '"
                + e.getValue()
                + "'");
      }
      String worker = String.valueOf(e.getKey());
      if (context.knowsWorkers() && !context.workers().contains(worker)) {
        throw new IllegalArgumentException(
            where + "." + worker + ": " + RoutingRules.unknownWorker(worker, context));
      }
      out.put(worker, n.doubleValue());
      sum += n.doubleValue();
    }
    if (sum <= 0) {
      throw new IllegalArgumentException(where + ": at least one weight must be > 0");
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
