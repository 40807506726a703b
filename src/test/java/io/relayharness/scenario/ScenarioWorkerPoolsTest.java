package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** topology.workerPools: a worker pool per relay or per region, and how a bad one is named. */
class ScenarioWorkerPoolsTest {

  private static final String FILE = "scenarios/p.yaml";

  private static final String POOLS =
      """
      description: a relay tier with a worker pool per region
      relay:
        variant: mx-roundrobin
      topology:
        workers: 4
        relays: 3
        regions: {relay0: eu, relay1: eu, relay2: us}
        workerPools: {eu: [worker0, worker1], relay2: [worker2, worker3]}
      load:
        steps:
          - constant: {rate: 50, seconds: 20}
      expect:
        routing: {ownPools: true}
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
            () -> loader.parse("p", FILE, yaml, Overrides.NONE), ScenarioException.class)
        .errors();
  }

  @Test
  void shouldResolveARegionsPoolToEachOfItsRelays() throws ScenarioException {
    TopologySpec t = loader.parse("p", FILE, POOLS, Overrides.NONE).topology();
    assertThat(t.hasWorkerPools()).isTrue();
    assertThat(t.workerPools())
        .isEqualTo(
            Map.of(
                "relay0", List.of("worker0", "worker1"),
                "relay1", List.of("worker0", "worker1"),
                "relay2", List.of("worker2", "worker3")));
  }

  @Test
  void shouldShareEveryWorkerWithoutPools() throws ScenarioException {
    String shared =
        POOLS
            .replaceAll("  workerPools: .*\n", "")
            .replace("{ownPools: true}", "{phases: {before: {worker0: \"0.25 ± 0.1\"}}}");
    TopologySpec t = loader.parse("p", FILE, shared, Overrides.NONE).topology();
    assertThat(t.hasWorkerPools()).isFalse();
    assertThat(t.workerPools()).isEmpty();
  }

  @Test
  void shouldNameAnUnknownRelayOrRegion() {
    assertThat(errors(POOLS.replace("relay2: [worker2", "mars: [worker2")))
        .contains(
            FILE
                + ": topology.workerPools.mars: unknown relay or region 'mars' (the topology has"
                + " relay0, relay1, relay2; regions eu, us)")
        .contains(
            FILE
                + ": topology.workerPools: relay2 has no pool (name every relay, or its"
                + " region, once the tier has pools)");
  }

  @Test
  void shouldNameAnUnknownWorker() {
    assertThat(errors(POOLS.replace("[worker2, worker3]", "[worker2, worker3, worker7]")))
        .containsExactly(
            FILE
                + ": topology.workerPools.relay2: unknown worker 'worker7' (the topology has"
                + " worker0..worker3)");
  }

  @Test
  void shouldRequireEveryWorkerInSomePool() {
    assertThat(errors(POOLS.replace("[worker2, worker3]", "[worker2]")))
        .containsExactly(
            FILE
                + ": topology.workerPools: worker3 is in no pool (every worker must be in one, or"
                + " no relay would deliver to it)");
  }

  @Test
  void shouldRefuseARelayGivenTwoPools() {
    assertThat(
            errors(
                POOLS.replace(
                    "relay2: [worker2, worker3]}",
                    "relay2: [worker2, worker3], relay1: [worker3]}")))
        .containsExactly(
            FILE
                + ": topology.workerPools.relay1: relay1 already has a pool (from"
                + " topology.workerPools.eu): give each relay one pool, by its name or by its"
                + " region");
  }

  @Test
  void shouldRefuseAnEmptyPool() {
    assertThat(
            errors(
                POOLS.replace("relay2: [worker2, worker3]", "relay2: [], us: [worker2, worker3]")))
        .contains(FILE + ": topology.workerPools.relay2: a pool needs at least one worker");
  }

  @Test
  void shouldRefusePoolsWithoutATier() {
    String one =
        POOLS
            .replace("  relays: 3\n", "")
            .replaceAll("  regions: .*\n", "")
            .replace("{eu: [worker0, worker1], relay2: [worker2, worker3]}", "{relay0: [worker0]}")
            .replace("{ownPools: true}", "{phases: {before: {worker0: all}}}");
    assertThat(errors(one))
        .containsExactly(
            FILE
                + ": topology.relays: regions, workerPools and senderOverrides need a relay tier"
                + " (relays: 2..4)");
  }

  @Test
  void shouldRefuseOwnPoolsOnATopologyWithoutPools() {
    assertThat(errors(POOLS.replaceAll("  workerPools: .*\n", "")))
        .containsExactly(
            FILE
                + ": expect.routing.ownPools: the topology has no worker pools: set"
                + " topology.workerPools (a relay tier whose relays each have their own workers)");
  }

  @Test
  void shouldRefuseARoutingExpectationWithNothingToJudge() {
    assertThat(errors(POOLS.replace("{ownPools: true}", "{guardMs: 1000}")))
        .containsExactly(
            FILE
                + ": expect.routing.phases: required key is missing (unless ownPools: true, in a"
                + " relay tier with worker pools)");
  }
}
