package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.relayharness.faults.RelayFault;
import io.relayharness.faults.ToxicFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  private static String withStep(String step) {
    return TIER.replace(
        "  - {at: 6s, for: 5s, name: dead, action: relay-kill, target: relay1}\n",
        "  " + step + "\n");
  }

  @Test
  void shouldPutAToxicOnANamedRelaysInboundLink() throws ScenarioException {
    Scenario s =
        loader.parse(
            "t",
            FILE,
            withStep(
                "- {at: 1s, for: 5s, name: slow, action: toxic, target: relay1, type: latency,"
                    + " attributes: {latency: 200, jitter: 50}}"),
            Overrides.NONE);
    ToxicFault toxic = (ToxicFault) s.timeline().get(1).action();
    assertThat(toxic.scope().name()).isEqualTo("relay1");
    assertThat(toxic.scope().workers()).as("the proxies it goes on").containsExactly("relay1");
    assertThat(toxic.attributes()).isEqualTo(Map.of("latency", 200L, "jitter", 50L));
    assertThat(toxic.toxicName()).isEqualTo("slow-latency");
  }

  @Test
  void shouldPutARegionsToxicOnEveryRelayLinkInIt() throws ScenarioException {
    Scenario s =
        loader.parse(
            "t",
            FILE,
            withStep(
                "- {at: 1s, for: 5s, action: toxic, region: eu, type: bandwidth, stream: upstream,"
                    + " attributes: {rate: 64}}"),
            Overrides.NONE);
    ToxicFault toxic = (ToxicFault) s.timeline().get(1).action();
    assertThat(toxic.scope().name()).as("named as written: the region").isEqualTo("eu");
    assertThat(toxic.scope().workers()).containsExactly("relay0", "relay1");
    assertThat(toxic.stream()).isEqualTo("upstream");
  }

  @Test
  void shouldStillPutAToxicOnWorkerLinksInATier() throws ScenarioException {
    Scenario s =
        loader.parse(
            "t",
            FILE,
            withStep("- {at: 1s, for: 5s, action: toxic, target: worker2, type: timeout}"),
            Overrides.NONE);
    assertThat(((ToxicFault) s.timeline().get(1).action()).scope().workers())
        .containsExactly("worker2");
  }

  @Test
  void shouldNameAnUnknownRegionOfAToxic() {
    assertThat(
            errors(
                withStep(
                    "- {at: 1s, for: 5s, action: toxic, region: mars, type: latency,"
                        + " attributes: {latency: 200}}")))
        .containsExactly(
            FILE + ": timeline[1].region: unknown region 'mars' (the topology's regions: eu, us)");
  }

  @Test
  void shouldNameAnUnknownLinkOfAToxicWithWorkersAndRelays() {
    assertThat(
            errors(
                withStep(
                    "- {at: 1s, for: 5s, action: toxic, target: relay9, type: latency,"
                        + " attributes: {latency: 200}}")))
        .containsExactly(
            FILE
                + ": timeline[1].target: unknown worker or relay 'relay9' (the topology has"
                + " worker0..worker2 and relay0..relay2)");
  }

  @Test
  void shouldPointARegionNamedAsToxicTargetToTheRegionKey() {
    assertThat(
            errors(
                withStep(
                    "- {at: 1s, for: 5s, action: toxic, target: us, type: latency,"
                        + " attributes: {latency: 200}}")))
        .containsExactly(
            FILE
                + ": timeline[1].target: 'us' is a region; a toxic on every relay link of it says"
                + " region: us");
  }

  @Test
  void shouldRefuseAToxicWithBothTargetAndRegion() {
    assertThat(
            errors(
                withStep(
                    "- {at: 1s, for: 5s, action: toxic, target: relay0, region: us, type: latency,"
                        + " attributes: {latency: 200}}")))
        .containsExactly(
            FILE
                + ": timeline[1].region: give target (workers or relays) or region (every relay"
                + " link of a region), not both");
  }

  @Test
  void shouldRefuseAToxicOnWorkerAndRelayLinksInOneStep() {
    assertThat(
            errors(
                withStep(
                    "- {at: 1s, for: 5s, action: toxic, target: [relay0, worker1], type: latency,"
                        + " attributes: {latency: 200}}")))
        .containsExactly(
            FILE
                + ": timeline[1].target: 'worker1' is a worker link and the others are relay"
                + " links; a toxic step acts on one kind, give each its own step");
  }

  @Test
  void shouldRefuseARegionForAnActionOtherThanToxic() {
    assertThat(errors(withStep("- {at: 1s, for: 5s, action: relay-pause, region: us}")))
        .contains(
            FILE
                + ": timeline[1].region: not a parameter of action 'relay-pause' (it takes"
                + " none)");
  }

  @Test
  void shouldRefuseAToxicRegionWithoutATier() {
    String one = TIER.replace("  relays: 3\n", "").replaceAll("  regions: .*\n", "");
    one = one.replaceAll("  relayPreferences: .*\n", "").replaceAll("  senderOverrides: .*\n", "");
    one =
        one.replace("  - {at: 5s, for: 5s, name: cut, action: region-partition, target: us}\n", "");
    one = one.replace("tierSplit: {survivorsDuring: cut}", "loss: {maxLost: 0}");
    assertThat(
            errors(
                one.replace(
                    "  - {at: 6s, for: 5s, name: dead, action: relay-kill, target: relay1}",
                    "  - {at: 1s, for: 5s, action: toxic, region: us, type: latency,"
                        + " attributes: {latency: 200}}")))
        .containsExactly(
            FILE
                + ": timeline[0].region: 'us': a region is a group of relays of a relay tier;"
                + " this topology has one relay (set topology.relays to 2..4)");
  }

  @Test
  void shouldRefuseATierOfFiveRelays() {
    assertThat(errors(TIER.replace("relays: 3", "relays: 5")))
        .anyMatch(e -> e.startsWith(FILE + ": topology.relays: "));
  }
}
