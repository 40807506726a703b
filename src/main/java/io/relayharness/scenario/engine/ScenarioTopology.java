package io.relayharness.scenario.engine;

import io.relayharness.relay.DnsZone;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.TopologySpec;
import io.relayharness.topology.MailTopology;
import io.relayharness.topology.ProjectLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns a scenario's relay and topology sections into a {@link MailTopology}: the variant and its
 * overrides, the MX preferences as the DNS zone, and randmap weights as a {@code transport_maps}
 * override that repeats each worker's next hop by its weight. Stateless; thread-safe.
 */
final class ScenarioTopology {

  /** MX preference of a worker the scenario does not give one. */
  static final int DEFAULT_PREFERENCE = 10;

  private ScenarioTopology() {}

  static MailTopology build(Scenario scenario, ProjectLayout layout) {
    TopologySpec topo = scenario.topology();
    MailTopology.Builder builder =
        MailTopology.builder()
            .layout(layout)
            .variant(scenario.relay().variant())
            .workers(topo.workers())
            .zone(DnsZone.of(preferences(topo)));
    if (!topo.weights().isEmpty()) {
      builder.relayOverride("transport_maps", randmap(topo.weights()));
    }
    builder.relayOverrides(scenario.relay().overrides());
    return builder.build();
  }

  static Map<String, Integer> preferences(TopologySpec topo) {
    Map<String, Integer> prefs = new LinkedHashMap<>();
    for (String worker : topo.workerNames()) {
      prefs.put(worker, topo.preferences().getOrDefault(worker, DEFAULT_PREFERENCE));
    }
    return prefs;
  }

  /** {@code randmap:{relay:[worker0...]:2525, ...}} with each entry repeated by its weight. */
  static String randmap(Map<String, Integer> weights) {
    StringJoiner entries = new StringJoiner(", ", "randmap:{", "}");
    weights.forEach(
        (worker, weight) -> {
          for (int i = 0; i < weight; i++) {
            entries.add("relay:[" + DnsZone.hostName(worker) + "]:2525");
          }
        });
    return entries.toString();
  }
}
