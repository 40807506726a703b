package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TierHop;
import io.relayharness.observe.TierObservations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** routing with ownPools: each relay of a tier delivers only to its own worker pool. */
class OwnPoolsVerdictTest {

  private static final Map<String, String> REGIONS = Map.of("relay0", "eu", "relay1", "us");
  private static final Map<String, List<String>> POOLS =
      Map.of("relay0", List.of("worker0", "worker1"), "relay1", List.of("worker2", "worker3"));

  /** Message {@code i} through {@code relay}, delivered to {@code worker} 5 ms after it came in. */
  private static TierHop hop(String relay, int i, String worker) {
    long at = T0 + i * 10L;
    return new TierHop(relay, "<m" + i + "@load.example.com>", relay + "Q" + i, at, at + 5, worker);
  }

  /** The sink's copy of a hop: the worker it landed on, with the relay's queue id. */
  private static SinkArrival landed(TierHop h, String worker) {
    String harnessId = h.messageId().substring(1, h.messageId().indexOf('@'));
    return arrival(harnessId, worker, h.queueId(), h.deliveredEpochMs() + 1);
  }

  /** 200 messages alternating relay0/relay1, each delivered inside its relay's pool. */
  private static List<TierHop> inPools() {
    List<TierHop> hops = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String relay = i % 2 == 0 ? "relay0" : "relay1";
      hops.add(hop(relay, i, POOLS.get(relay).get((i / 2) % 2)));
    }
    return hops;
  }

  private static RunObservations run(
      Map<String, List<String>> pools, List<TierHop> hops, List<SinkArrival> arrivals) {
    return RunObservations.builder()
        .run(T0, T0 + 10_000)
        .tiers(
            new TierObservations(
                REGIONS,
                Map.of("relay0", 10, "relay1", 10),
                pools,
                hops,
                List.of(),
                Map.of(),
                List.of()))
        .arrivals(arrivals)
        .build();
  }

  private static List<SinkArrival> arrivalsOf(List<TierHop> hops) {
    return hops.stream().map(h -> landed(h, h.worker())).toList();
  }

  private static RoutingVerdict ownPools() {
    return new RoutingVerdict(new RoutingConfig(null, 2000, 50, true));
  }

  @Test
  void shouldPassWhenEveryRelayDeliversOnlyToItsOwnPool() {
    List<TierHop> hops = inPools();
    assertThat(ownPools().evaluate(run(POOLS, hops, arrivalsOf(hops))))
        .passed()
        .summaryContains("every relay delivered only to its own pool", "relay0 → {worker0=50")
        .hasFigure("pools.outside", 0)
        .hasFigure("pools.relay0.delivered", 100)
        .hasFigure("pools.tracedArrivals", 200);
  }

  @Test
  void shouldNameTheMessagesARelayDeliveredToAnotherPool() {
    List<TierHop> hops = new ArrayList<>(inPools());
    // relay0 (eu) hands messages 10 and 12 to worker3, in the us pool
    hops.set(10, hop("relay0", 10, "worker3"));
    hops.set(12, hop("relay0", 12, "worker3"));
    assertThat(ownPools().evaluate(run(POOLS, hops, arrivalsOf(hops))))
        .failed()
        .summaryContains(
            "relay0 delivered 2 of 100 messages outside its pool [worker0, worker1]:"
                + " <m10@load.example.com>, <m12@load.example.com>")
        .hasFigure("pools.relay0.outside", 2)
        .hasFigure("pools.relay1.outside", 0);
  }

  @Test
  void shouldCatchAnArrivalOutsideThePoolEvenWhenTheRelayLogNamesAPoolWorker() {
    // the relay's log says worker1, the sink that stored it (by the relay's queue id) is worker2
    List<TierHop> hops = inPools();
    List<SinkArrival> arrivals = new ArrayList<>(arrivalsOf(hops));
    arrivals.set(4, landed(hops.get(4), "worker2"));
    assertThat(ownPools().evaluate(run(POOLS, hops, arrivals)))
        .failed()
        .summaryContains("relay0 delivered 1 of 100 messages outside its pool", "<m4@");
  }

  @Test
  void shouldFailWhenTheRelaysSharedEveryWorker() {
    List<TierHop> hops = inPools();
    assertThat(ownPools().evaluate(run(Map.of(), hops, arrivalsOf(hops))))
        .failed()
        .summaryContains("the relays shared every worker");
  }

  @Test
  void shouldFailWhenARelayDeliveredTooLittleToJudge() {
    List<TierHop> hops = inPools().stream().filter(h -> h.relay().equals("relay0")).toList();
    assertThat(ownPools().evaluate(run(POOLS, hops, arrivalsOf(hops))))
        .failed()
        .summaryContains("relay1 delivered 0 messages, fewer than the 50");
  }

  @Test
  void shouldFailWhenNoArrivalCanBeTracedToARelay() {
    List<TierHop> hops = inPools();
    List<SinkArrival> untraced =
        hops.stream().map(h -> arrival("x", h.worker(), "unknown-qid", T0)).toList();
    assertThat(ownPools().evaluate(run(POOLS, hops, untraced)))
        .failed()
        .summaryContains("no arrival at a worker could be traced to a relay");
  }

  @Test
  void shouldPlaceEachDeliveryInItsPhase() {
    // a step from 0.5 s to 1 s: messages 50..99 are delivered in it
    List<TierHop> hops = new ArrayList<>(inPools());
    hops.set(61, hop("relay1", 61, "worker0"));
    RunObservations obs =
        RunObservations.builder()
            .run(T0, T0 + 10_000)
            .tiers(run(POOLS, hops, List.of()).tiers().orElseThrow())
            .arrivals(arrivalsOf(hops))
            .faults(
                List.of(new FaultEvent(T0 + 500, T0 + 1000, "relay-pause", "relay0", "", "pause")))
            .build();
    VerdictResult r = ownPools().evaluate(obs);
    assertThat(r).failed().summaryContains("relay1 delivered 1 of 100", "<m61@");
    org.assertj.core.api.Assertions.assertThat(r.tables().get(0).rows())
        .as("the offending delivery is in the step's phase, the rest before and after it")
        .anyMatch(
            row ->
                row.equals(
                    List.of(
                        "pause",
                        "relay1",
                        "worker2, worker3",
                        "worker0",
                        "1",
                        "1",
                        "FAILED: outside the pool")))
        .anyMatch(row -> row.get(0).equals("before"))
        .anyMatch(row -> row.get(0).equals("after"))
        .noneMatch(row -> row.get(0).equals(OwnPools.BETWEEN));
  }

  @Test
  void shouldRefuseARoutingExpectationWithNeitherPhasesNorOwnPools() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new RoutingConfig(null, 2000, 20, false))
        .hasMessageContaining(
            "expect.routing.phases: required key is missing (unless ownPools: true");
  }
}
