package io.relayharness.faults;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes the MX set: drops the workers from it or gives them a new preference; undo puts back the
 * entries those workers had, leaving other changes alone.
 *
 * @param scope the workers
 * @param drop whether to remove them from the MX set
 * @param preference their new preference when not dropped
 */
public record DnsChange(FaultScope scope, boolean drop, Integer preference) implements FaultAction {

  /** The name in scenario files. */
  public static final String NAME = "dns";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String detail() {
    return drop ? "dropped from the MX set" : "MX preference set to " + preference;
  }

  @Override
  public Undo apply(FaultTarget target) {
    Map<String, Integer> before = new LinkedHashMap<>(target.mxRecords());
    Map<String, Integer> after = new LinkedHashMap<>(before);
    for (String w : scope.workers()) {
      if (drop) {
        after.remove(w);
      } else {
        after.put(w, preference);
      }
    }
    target.setMxRecords(after);
    return t -> {
      Map<String, Integer> now = new LinkedHashMap<>(t.mxRecords());
      for (String w : scope.workers()) {
        if (before.containsKey(w)) {
          now.put(w, before.get(w));
        } else {
          now.remove(w);
        }
      }
      t.setMxRecords(now);
    };
  }
}
