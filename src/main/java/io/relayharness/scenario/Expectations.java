package io.relayharness.scenario;

import io.relayharness.verdict.VerdictParams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold after a run: the validated parameters of each verdict the scenario names (plus the
 * verdicts judged in every run), and, for a negative scenario, exactly which verdicts must fail.
 * The verdicts' own specs define the keys, defaults and bounds; this only carries their result.
 * Immutable; thread-safe.
 *
 * @param checks verdict key to its validated parameters, in the order they are judged
 * @param expectFailure the verdicts that must fail (empty: every verdict must hold)
 */
public record Expectations(Map<String, VerdictParams> checks, List<String> expectFailure) {

  public Expectations {
    checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    expectFailure = List.copyOf(expectFailure);
  }

  /** Returns the verdict names that are judged, in order. */
  public List<String> names() {
    return List.copyOf(checks.keySet());
  }

  /** Returns the validated parameters of {@code key}, or null when it is not judged. */
  public VerdictParams get(String key) {
    return checks.get(key);
  }

  /** Returns whether the scenario is negative: it passes only when exactly these verdicts fail. */
  public boolean negative() {
    return !expectFailure.isEmpty();
  }
}
