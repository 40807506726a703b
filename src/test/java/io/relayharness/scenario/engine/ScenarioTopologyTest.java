package io.relayharness.scenario.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.scenario.Overrides;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioLoader;
import io.relayharness.topology.ProjectLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How a scenario file becomes the relay's overrides. */
class ScenarioTopologyTest {

  private final ProjectLayout layout = ProjectLayout.locate();
  private final ScenarioLoader loader = new ScenarioLoader(layout.root());

  @Test
  void shouldRouteAnMxVariantByDnsEvenThoughWeightsHaveDefaults() throws Exception {
    // Regression: weights default to 1 per worker, and every scenario once ran as a randmap relay.
    Scenario s = load("steady-even-distribution");

    assertThat(s.topology().weights()).as("defaulted weights").isNotEmpty();
    assertThat(ScenarioTopology.relayOverrides(s, layout))
        .as("overrides of an mx-roundrobin scenario")
        .doesNotContainKey("transport_maps")
        .containsEntry("smtp_connection_cache_on_demand", "no");
  }

  @Test
  void shouldListEachWorkerByItsWeightOnARandmapVariant() throws Exception {
    Scenario s = load("randmap-weighted");

    assertThat(ScenarioTopology.relayOverrides(s, layout))
        .containsEntry(
            "transport_maps",
            "randmap:{relay:[worker0.int.example.com]:2525,"
                + " relay:[worker1.int.example.com]:2525, relay:[worker1.int.example.com]:2525}");
  }

  private Scenario load(String name) throws Exception {
    return loader.load(Path.of(layout.scenariosDir() + "/" + name + ".yaml"), Overrides.NONE);
  }
}
