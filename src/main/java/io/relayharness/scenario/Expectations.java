package io.relayharness.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold after a run: one optional entry per verdict, keys and parameters as in
 * CONTRACTS.md. A null entry means the verdict is not checked. Immutable; thread-safe.
 */
public record Expectations(
    Loss loss,
    Duplicates duplicates,
    Integrity integrity,
    Evenness evenness,
    Queueing queueing,
    RetryTiming retryTiming,
    Slo slo,
    Delivery delivery,
    Rejected rejected) {

  /** Every accepted message reached a worker; at most {@code maxLost} did not. */
  public record Loss(int maxLost) {}

  /** Duplicates the relay log does not explain, and all duplicates (null: no bound). */
  public record Duplicates(int maxUnexplained, Integer maxTotal) {}

  /** Bodies arrive unchanged; at most {@code maxMismatched} do not. */
  public record Integrity(int maxMismatched) {}

  /** Distribution over workers against {@code weights} (worker to relative weight). */
  public record Evenness(
      Map<String, Double> weights, double minPValue, double maxRelativeDeviation) {
    public Evenness {
      weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }
  }

  /** The relay queues during the named window and drains within {@code maxDrainSeconds}. */
  public record Queueing(String during, int minPeak, double maxDrainSeconds) {}

  /** Retry gaps follow the relay's backoff rule within {@code toleranceMs}. */
  public record RetryTiming(int toleranceMs, int minGaps) {}

  /** Injection service levels; a null bound is not checked. */
  public record Slo(
      Double minAcceptedRate, Double maxP95Ms, Double maxP99Ms, Double maxErrorRate) {}

  /** End-to-end time from injection to the first arrival; a null bound is not checked. */
  public record Delivery(Double maxP95Ms, Double maxP99Ms) {}

  /** The relay refuses mail: at least {@code minRejected}, with {@code code} (null: any). */
  public record Rejected(int minRejected, Integer code) {}

  /** Returns the verdict names that are checked, in CONTRACTS.md order. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    add(names, "loss", loss);
    add(names, "duplicates", duplicates);
    add(names, "integrity", integrity);
    add(names, "evenness", evenness);
    add(names, "queueing", queueing);
    add(names, "retryTiming", retryTiming);
    add(names, "slo", slo);
    add(names, "delivery", delivery);
    add(names, "rejected", rejected);
    return names;
  }

  private static void add(List<String> names, String name, Object entry) {
    if (entry != null) {
      names.add(name);
    }
  }
}
