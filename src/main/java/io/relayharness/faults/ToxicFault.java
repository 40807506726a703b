package io.relayharness.faults;

import java.util.Map;
import java.util.TreeMap;

/**
 * Adds a Toxiproxy toxic (one of {@link io.relayharness.vocab.ToxicKind#scenarioKinds()}) to the
 * workers' proxies; undo removes it.
 *
 * @param scope the workers
 * @param toxicName the toxic's name on each proxy
 * @param type the toxic type
 * @param stream upstream (relay to worker) or downstream (worker to relay)
 * @param toxicity share of connections affected, 0..1
 * @param attributes the toxic's attributes
 */
public record ToxicFault(
    FaultScope scope,
    String toxicName,
    String type,
    String stream,
    double toxicity,
    Map<String, Long> attributes)
    implements FaultAction {

  /** The name in scenario files. */
  public static final String NAME = "toxic";

  public ToxicFault {
    attributes = Map.copyOf(attributes);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String detail() {
    return type + " " + stream + " toxicity=" + toxicity + " " + new TreeMap<>(attributes);
  }

  @Override
  public Undo apply(FaultTarget target) {
    for (String w : scope.workers()) {
      target.addToxic(w, toxicName, type, stream, toxicity, attributes);
    }
    return t -> scope.workers().forEach(w -> t.removeToxic(w, toxicName));
  }
}
