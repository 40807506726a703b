package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.relayharness.faults.RelayFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A relay tier in a scenario file: relays, regions, sender, relay actions and their targets. */
class ScenarioTiersTest {

  private static final String FILE = "scenarios/t.yaml";

  private static final String TIER =
      """
      description: a relay tier
      relay:
        variant: mx-roundrobin
      topology:
        relays: 3
        regions: {relay0: eu, relay1: eu, relay2: us}
        relayPreferences: {relay2: 20}
        senderOverrides: {queue_run_delay: 2s}
      load:
        steps:
          - constant: {rate: 50, seconds: 20}
      timeline:
        - {at: 5s, for: 5s, name: cut, action: region-partition, target: us}
        - {at: 6s, for: 5s, name: dead, action: relay-kill, target: relay1}
      expect:
        tierSplit: {survivorsDuring: cut}
      """;

  @TempDir static Path project;
  private static ScenarioLoader loader;

  @BeforeAll
  static void variants() throws IOException {
    Files.createDirectories(project.resolve("docker/relay/configs/mx-roundrobin"));
    loader = new ScenarioLoader(project);
  }

  private static List<String> errors(String yaml) {
    return catchThrowableOfType(
            () -> loader.parse("t", FILE, yaml, Overrides.NONE), ScenarioException.class)
        .errors();
  }

  @Test
  void shouldReadTheTierAndResolveARegionToItsRelays() throws ScenarioException {
    Scenario s = loader.parse("t", FILE, TIER, Overrides.NONE);
    TopologySpec t = s.topology();
    assertThat(t.isTier()).isTrue();
    assertThat(t.relayNames()).containsExactly("relay0", "relay1", "relay2");
    assertThat(t.relayPreferences()).containsEntry("relay0", 10).containsEntry("relay2", 20);
    assertThat(t.sender()).isTrue();
    assertThat(t.senderOverrides()).containsEntry("queue_run_delay", "2s");
    RelayFault cut = (RelayFault) s.timeline().get(0).action();
    assertThat(cut.scope().workers()).containsExactly("relay2");
    RelayFault dead = (RelayFault) s.timeline().get(1).action();
    assertThat(dead.name()).isEqualTo(RelayFault.KILL);
    assertThat(dead.scope().workers()).containsExactly("relay1");
  }

  @Test
  void shouldNameAnUnknownRelayWithFileKeyAndValue() {
    assertThat(errors(TIER.replace("target: relay1", "target: relay7")))
        .containsExactly(
            FILE
                + ": timeline[1].target: unknown relay 'relay7' (the topology has relay0..relay2)");
  }

  @Test
  void shouldNameAnUnknownRegion() {
    assertThat(errors(TIER.replace("target: us}", "target: mars}")))
        .contains(
            FILE + ": timeline[0].target: unknown region 'mars' (the topology's regions: eu, us)");
  }

  @Test
  void shouldRefuseARelayActionWithoutATier() {
    String one = TIER.replace("  relays: 3\n", "").replaceAll("  regions: .*\n", "");
    one = one.replaceAll("  relayPreferences: .*\n", "").replaceAll("  senderOverrides: .*\n", "");
    assertThat(errors(one))
        .contains(
            FILE
                + ": timeline[0].target: action 'region-partition' acts on the relays of a relay"
                + " tier; this topology has one relay (set topology.relays to 2..4)");
  }

  @Test
  void shouldNameARegionKeyForARelayTheTierDoesNotHave() {
    assertThat(errors(TIER.replace("relay2: us}", "relay2: us, relay5: eu}")))
        .contains(
            FILE
                + ": topology.regions.relay5: unknown relay 'relay5' (the topology has"
                + " relay0..relay2)");
  }

  @Test
  void shouldTurnASenderOverrideBooleanIntoPostfixYesOrNo() throws ScenarioException {
    Scenario s =
        loader.parse(
            "t",
            FILE,
            TIER,
            new Overrides(
                List.of("topology.senderOverrides.smtp_connection_cache_on_demand=yes"),
                null,
                null));
    assertThat(s.topology().senderOverrides())
        .as("--set reads yes as a YAML boolean; Postfix wants yes")
        .containsEntry("smtp_connection_cache_on_demand", "yes");
  }

  @Test
  void shouldRefuseATierOfFiveRelays() {
    assertThat(errors(TIER.replace("relays: 3", "relays: 5")))
        .anyMatch(e -> e.startsWith(FILE + ": topology.relays: "));
  }
}
