package io.relayharness.verdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of one {@code expect:} entry after validation: every declared parameter present,
 * defaults filled in, numbers coerced to their declared type. Immutable; thread-safe.
 */
public final class VerdictParams {

  private final String key;
  private final Map<String, Object> values;

  VerdictParams(String key, Map<String, Object> values) {
    this.key = key;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The {@code expect:} key these parameters belong to. */
  public String key() {
    return key;
  }

  /** Every parameter with its value (null = not bounded). */
  public Map<String, Object> values() {
    return values;
  }

  /** Returns an INTEGER parameter, or null. */
  public Integer integer(String name) {
    return (Integer) get(name);
  }

  /** Returns a NUMBER parameter, or null. */
  public Double number(String name) {
    return (Double) get(name);
  }

  /** Returns a STRING parameter, or null. */
  public String string(String name) {
    return (String) get(name);
  }

  /** Returns a WEIGHTS parameter. */
  @SuppressWarnings("unchecked")
  public Map<String, Double> weights(String name) {
    return (Map<String, Double>) get(name);
  }

  /** Returns a BOOLEAN parameter. */
  public boolean bool(String name) {
    return (Boolean) get(name);
  }

  /** Returns a PHASES parameter. */
  public RoutingRules phases(String name) {
    return (RoutingRules) get(name);
  }

  /** Returns a CODES parameter, or null (any code). */
  @SuppressWarnings("unchecked")
  public java.util.List<Integer> codes(String name) {
    return (java.util.List<Integer>) get(name);
  }

  private Object get(String name) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException("expect." + key + " has no parameter " + name);
    }
    return values.get(name);
  }
}
