package io.relayharness.faults;

import java.util.Map;
import java.util.TreeMap;

/**
 * Adds a Toxiproxy toxic (one of {@link io.relayharness.vocab.ToxicKind#scenarioKinds()}) to the
 * proxies of some links, the same toxic on each; undo removes it. A link is a worker's (relay to
 * worker) or, in a relay tier, a relay's inbound link (sending MTA to relay): the scope names
 * workers, or relays (a region's, when it was named by region). Immutable; thread-safe.
 *
 * @param scope the links, by the name of their proxy: workers or tier relays
 * @param toxicName the toxic's name on each proxy
 * @param type the toxic type
 * @param stream upstream (client to server: relay to worker, sender to relay) or downstream
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
