package io.relayharness.verdict;

import io.relayharness.observe.RunObservations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of verdicts by {@code expect:} key: builds configured verdicts from a scenario's
 * {@code expect:} block (failing fast, naming the key), exports each key's parameters for
 * validation and documentation, and evaluates a list of verdicts. Stateless; thread-safe.
 */
public final class Verdicts {

  private static final Map<String, VerdictSpec> SPECS;

  static {
    Map<String, VerdictSpec> specs = new LinkedHashMap<>();
    for (VerdictSpec s :
        List.of(
            RelayHealthConfig.SPEC,
            AccountingConfig.SPEC,
            LossConfig.SPEC,
            DuplicatesConfig.SPEC,
            IntegrityConfig.SPEC,
            EvennessConfig.SPEC,
            QueueingConfig.SPEC,
            RetryTimingConfig.SPEC,
            SloConfig.SPEC,
            DeliveryConfig.SPEC,
            RejectedConfig.SPEC,
            RoutingConfig.SPEC,
            ClientRateConfig.SPEC,
            TierSplitConfig.SPEC,
            HeldMailConfig.SPEC)) {
      specs.put(s.key(), s);
    }
    SPECS = Collections.unmodifiableMap(specs);
  }

  /** The verdicts judged in every run, named in the scenario or not. */
  public static final List<String> ALWAYS = List.of("relayHealth", "accounting");

  private Verdicts() {}

  /** Builds the verdicts of validated parameters, in order. */
  public static List<Verdict> fromParams(java.util.Collection<VerdictParams> params) {
    return params.stream().map(p -> spec(p.key()).create(p)).toList();
  }

  /** Every known {@code expect:} key with its parameters, in documentation order. */
  public static Map<String, VerdictSpec> specs() {
    return SPECS;
  }

  /** Returns the spec of {@code key}, failing with the known keys when there is none. */
  public static VerdictSpec spec(String key) {
    VerdictSpec spec = SPECS.get(key);
    if (spec == null) {
      throw new IllegalArgumentException(
          "expect: unknown key '" + key + "' (known: " + String.join(", ", SPECS.keySet()) + ")");
    }
    return spec;
  }

  /**
   * Builds one verdict per key of {@code expect} (in its order); a null entry takes every default.
   * Fails on the first unknown key or bad parameter with a message naming it.
   */
  public static List<Verdict> fromExpectations(Map<String, Map<String, Object>> expect) {
    List<Verdict> out = new ArrayList<>();
    if (expect == null) {
      return out;
    }
    expect.forEach((key, params) -> out.add(spec(key).create(params)));
    return out;
  }

  /** Validates {@code expect} without building anything (same messages as building). */
  public static void validate(Map<String, Map<String, Object>> expect) {
    if (expect != null) {
      expect.forEach((key, params) -> spec(key).validate(params));
    }
  }

  /**
   * Evaluates each verdict; one that throws becomes a failed result naming the error, so one bad
   * verdict does not hide the others.
   */
  public static List<VerdictResult> evaluateAll(List<Verdict> verdicts, RunObservations obs) {
    List<VerdictResult> out = new ArrayList<>();
    for (Verdict v : verdicts) {
      try {
        out.add(v.evaluate(obs));
      } catch (RuntimeException e) {
        out.add(
            new VerdictResult(
                v.name(), false, "verdict could not be evaluated: " + e, Map.of(), List.of()));
      }
    }
    return out;
  }

  /** Returns whether every result passed. */
  public static boolean allPassed(List<VerdictResult> results) {
    return results.stream().allMatch(VerdictResult::passed);
  }
}
