package io.relayharness.scenario.engine;

import io.relayharness.relay.DnsZone;
import io.relayharness.relay.RelayConfig;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.TopologySpec;
import io.relayharness.topology.MailTopology;
import io.relayharness.topology.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns a scenario's relay and topology sections into a {@link MailTopology}: the variant and its
 * overrides, the MX preferences as the DNS zone, and, for variants that route with randmap, the
 * weights as a {@code transport_maps} override that repeats each worker's next hop by its weight.
 * Stateless; thread-safe.
 */
final class ScenarioTopology {

  /** MX preference of a worker the scenario does not give one. */
  static final int DEFAULT_PREFERENCE = 10;

  private ScenarioTopology() {}

  static MailTopology build(Scenario scenario, ProjectLayout layout) {
    MailTopology.Builder b =
        MailTopology.builder()
            .layout(layout)
            .variant(scenario.relay().variant())
            .workers(scenario.topology().workers())
            .zone(DnsZone.of(preferences(scenario.topology())))
            .relayOverrides(relayOverrides(scenario, layout));
    TopologySpec topo = scenario.topology();
    if (topo.isTier()) {
      b.relays(topo.regions(), topo.relayPreferences())
          .sender(topo.sender(), topo.senderOverrides())
          .workerPools(topo.workerPools());
    }
    if (scenario.relay().configDir() != null) {
      b.configDir(configDir(scenario, layout), scenario.relay().port());
    }
    return b.build();
  }

  /** A scenario's {@code relay.configDir}, resolved against the project folder. */
  static Path configDir(Scenario scenario, ProjectLayout layout) {
    return layout.root().resolve(scenario.relay().configDir()).normalize();
  }

  /** The file of the run folder that lists the relay settings the harness set. */
  static final String HARNESS_SETTINGS_FILE = "relay-harness-settings.txt";

  /**
   * For a run on an operator's config directory, writes the settings the harness set (instead of
   * the directory's) and the DNS names it answers into {@value #HARNESS_SETTINGS_FILE} of the run
   * folder; for a variant, writes nothing.
   */
  static void writeHarnessSettings(MailTopology topology, Path runDir) {
    topology
        .relayConfig()
        .operator()
        .ifPresent(
            o -> {
              try {
                Files.writeString(runDir.resolve(HARNESS_SETTINGS_FILE), o.harnessSettingsText());
              } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + HARNESS_SETTINGS_FILE, e);
              }
            });
  }

  /** The main.cf overrides of a run: the randmap list (randmap variants only), then the file's. */
  static Map<String, String> relayOverrides(Scenario scenario, ProjectLayout layout) {
    Map<String, String> overrides = new LinkedHashMap<>();
    TopologySpec topo = scenario.topology();
    // Weights always have values (1 by default); they route mail only on a randmap variant.
    if (scenario.relay().configDir() == null
        && RelayConfig.routesWithRandmap(layout.relayConfigsDir(), scenario.relay().variant())
        && !topo.weights().isEmpty()) {
      overrides.put("transport_maps", randmap(topo.weights()));
    }
    overrides.putAll(scenario.relay().overrides());
    return overrides;
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
