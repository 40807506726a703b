package io.relayharness.scenario.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.scenario.Overrides;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioLoader;
import io.relayharness.topology.MailTopology;
import io.relayharness.topology.ProjectLayout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void shouldRunAnOperatorConfigDirectoryWithTheZoneAnsweringItsNextHops() throws Exception {
    Scenario s = load("operator-config");

    MailTopology topology = ScenarioTopology.build(s, layout);

    assertThat(topology.relayConfig().variant())
        .as("what the relay runs")
        .isEqualTo("config dir " + layout.root().resolve("scenarios/relay-configs/piler-relay"));
    assertThat(topology.zone().toDnsmasq())
        .as("the zone of the operator's config")
        .contains("mx-host=workers.int.example.com,worker2.int.example.com,10")
        .contains("mx-host=archive.example.com,worker0.int.example.com,10");
  }

  @Test
  void shouldWriteTheSettingsTheHarnessOwnsIntoTheRunFolder(@TempDir Path runDir) throws Exception {
    Scenario broken =
        loader.load(
            Path.of(layout.scenariosDir() + "/operator-config.yaml"),
            new Overrides(
                List.of(
                    "relay.overrides.transport_maps="
                        + "inline:{archive.example.com=relay:[workers.int.example.com]}"),
                null,
                null));

    ScenarioTopology.writeHarnessSettings(ScenarioTopology.build(broken, layout), runDir);

    assertThat(runDir.resolve(ScenarioTopology.HARNESS_SETTINGS_FILE))
        .as("the run folder's list of harness-owned settings")
        .content()
        .contains("maillog_file = /dev/stdout  # ")
        .contains("smtp_tcp_port = 2525  # ")
        .contains("smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem  # ")
        .contains("dns: workers.int.example.com A -> worker0 (bracketed next hop");
  }

  @Test
  void shouldWriteNothingForAVariant(@TempDir Path runDir) throws Exception {
    ScenarioTopology.writeHarnessSettings(
        ScenarioTopology.build(load("steady-even-distribution"), layout), runDir);

    assertThat(runDir.resolve(ScenarioTopology.HARNESS_SETTINGS_FILE))
        .as("no list for a variant")
        .doesNotExist();
  }

  private Scenario load(String name) throws Exception {
    return loader.load(Path.of(layout.scenariosDir() + "/" + name + ".yaml"), Overrides.NONE);
  }
}
