package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.HeldMail;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TierHop;
import io.relayharness.observe.TierObservations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tierSplit and heldMail on made-up relay tiers. */
class TierVerdictsTest {

  private static final Map<String, String> REGIONS = Map.of("relay0", "eu", "relay1", "us");

  private static TierHop hop(String relay, int i, long at) {
    return new TierHop(relay, "<h" + i + "@load.example.com>", relay + "Q" + i, at, at + 5, "w0");
  }

  private static TierObservations tier(
      Map<String, Integer> prefs, List<TierHop> hops, List<HeldMail> held, int failures) {
    return new TierObservations(
        REGIONS,
        prefs,
        Map.of(),
        hops,
        held,
        failures == 0 ? Map.of() : Map.of("relay1", failures),
        List.of());
  }

  /** {@code n0} messages to relay0 then {@code n1} to relay1, one every 10 ms. */
  private static List<TierHop> split(int n0, int n1) {
    List<TierHop> hops = new ArrayList<>();
    for (int i = 0; i < n0 + n1; i++) {
      hops.add(hop(i < n0 ? "relay0" : "relay1", i, T0 + i * 10L));
    }
    return hops;
  }

  private static TierSplitVerdict even() {
    return new TierSplitVerdict(new TierSplitConfig(true, 4, 100, null, null, 3));
  }

  @Test
  void shouldPassAnEvenSplitWithinTheDerivedTolerance() {
    // 1000 messages, p = 0.5: tolerance 4 * sqrt(0.25 / 1000) = 6.3 %; 530/470 is 3 % off
    RunObservations obs =
        RunObservations.builder()
            .tiers(tier(Map.of("relay0", 10, "relay1", 10), split(530, 470), List.of(), 0))
            .build();
    assertThat(even().evaluate(obs))
        .passed()
        .summaryContains("relay0 53.0%", "± 6.3%")
        .hasFigure("received.relay0", 530);
  }

  @Test
  void shouldFailASplitOutsideTheTolerance() {
    RunObservations obs =
        RunObservations.builder()
            .tiers(tier(Map.of("relay0", 10, "relay1", 10), split(580, 420), List.of(), 0))
            .build();
    assertThat(even().evaluate(obs)).failed().summaryContains("relay0 took 58.0% of 1000");
  }

  @Test
  void shouldFailAnEvenClaimWhenTheZoneDemotesARelay() {
    // the zone under test puts relay1 at 20: it takes nothing, which the even claim must catch
    RunObservations obs =
        RunObservations.builder()
            .tiers(tier(Map.of("relay0", 10, "relay1", 20), split(1000, 0), List.of(), 0))
            .build();
    assertThat(even().evaluate(obs)).failed().summaryContains("relay1 took 0.0% of 1000");
  }

  @Test
  void shouldFailWithoutATier() {
    assertThat(even().evaluate(RunObservations.builder().build()))
        .failed()
        .summaryContains("no relay tier");
  }

  @Test
  void shouldFailABackupThatTakesMailWhileThePrimaryAnswers() {
    // window 2 s .. 4 s (grace 3 s): the backup takes messages 250..350 (2.5 s..3.5 s), then
    // message 900 (9 s) outside it
    List<TierHop> hops = new ArrayList<>(split(1000, 0));
    for (int i = 250; i < 350; i++) {
      hops.set(i, hop("relay1", i, T0 + i * 10L));
    }
    FaultEvent window =
        new FaultEvent(T0 + 2000, T0 + 4000, "relay-link-down", "relay0", "", "primary-down");
    TierSplitVerdict v =
        new TierSplitVerdict(new TierSplitConfig(false, 4, 100, "primary-down", null, 3));
    RunObservations ok =
        RunObservations.builder()
            .faults(List.of(window))
            .tiers(tier(Map.of("relay0", 10, "relay1", 20), hops, List.of(), 0))
            .build();
    assertThat(v.evaluate(ok)).passed().hasFigure("backup.inside", 100);

    hops.set(900, hop("relay1", 900, T0 + 9000));
    RunObservations bad =
        RunObservations.builder()
            .faults(List.of(window))
            .tiers(tier(Map.of("relay0", 10, "relay1", 20), hops, List.of(), 0))
            .build();
    assertThat(v.evaluate(bad)).failed().summaryContains("took 1 messages while the primary");
  }

  @Test
  void shouldFailACutRegionThatStillTookMailOrASenderThatNeverNoticed() {
    FaultEvent cut = new FaultEvent(T0 + 2000, T0 + 6000, "region-partition", "us", "", "us-cut");
    TierSplitVerdict v =
        new TierSplitVerdict(new TierSplitConfig(false, 4, 100, null, "us-cut", 0));
    List<TierHop> hops = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      long at = T0 + i * 10L;
      boolean during = at >= T0 + 2000 && at <= T0 + 6000;
      hops.add(hop(during || i % 2 == 0 ? "relay0" : "relay1", i, at));
    }
    RunObservations ok =
        RunObservations.builder()
            .faults(List.of(cut))
            .tiers(tier(Map.of("relay0", 10, "relay1", 10), hops, List.of(), 7))
            .build();
    assertThat(v.evaluate(ok))
        .passed()
        .hasFigure("during.relay1", 0)
        .hasFigure("senderConnectFailures", 7);

    RunObservations unnoticed =
        RunObservations.builder()
            .faults(List.of(cut))
            .tiers(tier(Map.of("relay0", 10, "relay1", 10), hops, List.of(), 0))
            .build();
    assertThat(v.evaluate(unnoticed)).failed().summaryContains("no failed connection to relay1");

    hops.set(300, hop("relay1", 300, T0 + 3000));
    RunObservations leaked =
        RunObservations.builder()
            .faults(List.of(cut))
            .tiers(tier(Map.of("relay0", 10, "relay1", 10), hops, List.of(), 7))
            .build();
    assertThat(v.evaluate(leaked)).failed().summaryContains("relay1 was cut off but took 1");
  }

  /** h0..h9 accepted; h0..h4 held on relay0 (listed at its restart at T0 + 5 s). */
  private static RunObservations.Builder held(boolean diskLost, List<String> arrived, long at) {
    List<AcceptedMail> acc = new ArrayList<>();
    List<SinkArrival> arr = new ArrayList<>();
    List<HeldMail> held = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      acc.add(accepted("h" + i, "Q" + i, T0 + i));
      if (arrived.contains("h" + i)) {
        arr.add(arrival("h" + i, "worker0", "Q" + i, at));
      }
      if (i < 5) {
        held.add(
            new HeldMail("relay0", T0 + 5000, "R" + i, "<h" + i + "@load.example.com>", diskLost));
      }
    }
    return RunObservations.builder()
        .accepted(acc)
        .arrivals(arr)
        .faults(List.of(new FaultEvent(T0 + 1000, T0 + 5000, "relay-kill", "relay0", "", "down")))
        .tiers(tier(Map.of("relay0", 10, "relay1", 10), List.of(), held, 0));
  }

  private static final List<String> ALL =
      List.of("h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9");

  @Test
  void shouldPassHeldMailDeliveredAfterTheRelayReturned() {
    HeldMailVerdict v = new HeldMailVerdict(new HeldMailConfig("down", 5, false));
    assertThat(v.evaluate(held(false, ALL, T0 + 6000).build()))
        .passed()
        .hasFigure("held", 5)
        .hasFigure("deliveredAfterReturn", 5);
    assertThat(v.evaluate(held(false, ALL.subList(1, 10), T0 + 6000).build()))
        .failed()
        .summaryContains("1 held messages never arrived: h0@load.example.com");
    assertThat(v.evaluate(held(true, ALL.subList(5, 10), T0 + 6000).build()))
        .failed()
        .summaryContains("5 held messages went with a lost disk");
    assertThat(v.evaluate(held(false, ALL, T0 + 4000).build()))
        .as("arrived while the relay was down: not the held copies")
        .failed()
        .summaryContains("5 held messages did not arrive after the relay returned");
  }

  @Test
  void shouldAcceptHeldMailAWorkerHadTakenBeforeTheRelayWentDown() {
    // frozen while waiting for the worker's 250: the worker has the message, the relay's queue
    // still holds it, and no second copy follows the thaw
    HeldMailVerdict v = new HeldMailVerdict(new HeldMailConfig("down", 5, false));
    assertThat(v.evaluate(held(false, ALL, T0 + 500).build()))
        .passed()
        .hasFigure("deliveredAfterReturn", 0)
        .hasFigure("arrivedBeforeDown", 5)
        .summaryContains("5 had reached a worker before it went down");
  }

  @Test
  void shouldCountTheHeldCopyDeliveredAfterTheRestartWhenTheSenderAlsoResentIt() {
    RunObservations.Builder b = held(false, ALL, T0 + 6000);
    List<SinkArrival> arrivals = new ArrayList<>();
    arrivals.add(arrival("h0", "worker1", "Q0", T0 + 3000)); // resent through relay1 first
    for (String id : ALL) {
      arrivals.add(arrival(id, "worker0", "Q" + id.substring(1), T0 + 6000));
    }
    RunObservations obs = b.arrivals(arrivals).build();
    assertThat(new HeldMailVerdict(new HeldMailConfig("down", 5, false)).evaluate(obs))
        .passed()
        .hasFigure("deliveredAfterReturn", 5);
  }

  @Test
  void shouldPassOnlyWhenExactlyTheLostDiskIsLost() {
    HeldMailVerdict v = new HeldMailVerdict(new HeldMailConfig("down", 5, true));
    assertThat(v.evaluate(held(true, ALL.subList(5, 10), T0 + 6000).build()))
        .passed()
        .hasFigure("lost", 5);
    assertThat(v.evaluate(held(true, ALL.subList(6, 10), T0 + 6000).build()))
        .failed()
        .summaryContains("1 lost messages were not on the lost disk: h5@load.example.com");
    assertThat(v.evaluate(held(true, ALL.subList(4, 10), T0 + 6000).build()))
        .failed()
        .summaryContains("1 messages on the lost disk arrived anyway");
    // h4 on the lost disk arrived because the sender sent it again through relay1: rightly
    RunObservations resent =
        held(true, ALL.subList(4, 10), T0 + 6000)
            .tiers(
                tier(
                    Map.of("relay0", 10, "relay1", 10),
                    List.of(hop("relay1", 4, T0 + 4000)),
                    heldOnRelay0(),
                    0))
            .build();
    assertThat(v.evaluate(resent)).passed().hasFigure("resentThroughAnotherRelay", 1);
  }

  @Test
  void shouldNotCountAsLostTheHeldMailAWorkerTookBeforeTheRelayWentDown() {
    HeldMailVerdict v = new HeldMailVerdict(new HeldMailConfig("down", 5, true));
    // h4 is on the lost disk, but worker0 took it before the kill at T0 + 1 s: the relay lost the
    // connection after the final dot and deferred it
    List<SinkArrival> arrivals = new ArrayList<>();
    arrivals.add(arrival("h4", "worker0", "Q4", T0 + 500));
    for (String id : ALL.subList(5, 10)) {
      arrivals.add(arrival(id, "worker0", "Q" + id.substring(1), T0 + 6000));
    }
    assertThat(v.evaluate(held(true, List.of(), T0).arrivals(arrivals).build()))
        .passed()
        .hasFigure("deliveredBeforeDown", 1);
    // the same message arriving after the kill, through no other relay, did not come off the disk
    arrivals.set(0, arrival("h4", "worker0", "Q4", T0 + 1500));
    assertThat(v.evaluate(held(true, List.of(), T0).arrivals(arrivals).build()))
        .failed()
        .summaryContains("1 messages on the lost disk arrived anyway: h4@load.example.com");
  }

  @Test
  void shouldNotCountAQueueFileCutOffWhileBeingReceived() {
    List<HeldMail> held = new ArrayList<>(heldOnRelay0());
    held.add(new HeldMail("relay0", T0 + 5000, "R9", null, true));
    RunObservations obs =
        held(true, ALL.subList(5, 10), T0 + 6000)
            .tiers(tier(Map.of("relay0", 10, "relay1", 10), List.of(), held, 0))
            .build();
    assertThat(new HeldMailVerdict(new HeldMailConfig("down", 5, true)).evaluate(obs))
        .passed()
        .hasFigure("held", 5)
        .hasFigure("incompleteOnDisk", 1)
        .summaryContains("1 queue files without a logged Message-ID");
  }

  private static List<HeldMail> heldOnRelay0() {
    List<HeldMail> held = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      held.add(new HeldMail("relay0", T0 + 5000, "R" + i, "<h" + i + "@load.example.com>", true));
    }
    return held;
  }
}
