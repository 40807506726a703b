package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.observe.Fixtures.attempt;
import static io.relayharness.verdict.VerdictAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.HeldMail;
import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunFolder;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TierHop;
import io.relayharness.observe.TierObservations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * loss and duplicates in a relay-tier run: each lost message named by its last hop, each extra copy
 * by the relay that handed it on and the line that explains it, counted per relay and per phase.
 * The runs are written into a run folder through observe's writers and read back, as the report and
 * {@code ./harness compare} read them.
 */
class TierAttributionTest {

  private static final Map<String, String> REGIONS = Map.of("relay0", "eu", "relay1", "us");
  private static final Map<String, Integer> EQUAL = Map.of("relay0", 10, "relay1", 10);

  @TempDir Path tmp;

  private RunObservations throughRunFolder(RunObservations obs) {
    RunFolder folder = RunFolder.open(tmp);
    folder.writeObservations(obs);
    return RunFolder.open(tmp).readObservations();
  }

  private static String mid(String harnessId) {
    return "<" + harnessId + "@load.example.com>";
  }

  /** The sending MTA's attempt on {@code senderQid} to a relay. */
  private static DeliveryAttempt toRelay(
      String senderQid, long at, String status, String relay, String detail) {
    int k = relay.charAt(relay.length() - 1) - '0';
    return new DeliveryAttempt(
        at,
        senderQid,
        "archive@archive.example.com",
        relay + ".relays.example.com[127.0.2.1" + k + "]:25",
        null,
        DeliveryAttempt.SENT.equals(status) ? "2.0.0" : "4.4.1",
        status,
        0.1,
        "0/0/0.05/0.05",
        detail);
  }

  /**
   * m0..m9 accepted by the sender one a second (queue ids S0..S9); relay0 is down from 4 s to 8 s.
   * m0..m4 and m7 arrive. m5 was on relay0's disk when it came back without it; m6 sits in relay1's
   * queue, deferred; m8 is deferred at the sender (relay1 refused); the sender never logged m9.
   */
  private static RunObservations lossRun() {
    List<AcceptedMail> acc = new ArrayList<>();
    List<SinkArrival> arr = new ArrayList<>();
    List<DeliveryAttempt> sender = new ArrayList<>();
    List<TierHop> hops = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = "m" + i;
      long at = T0 + i * 1000L;
      acc.add(accepted(id, "S" + i, at));
      String relay = i == 5 || i != 6 && i % 2 == 0 ? "relay0" : "relay1";
      if (i <= 7) {
        sender.add(toRelay("S" + i, at + 10, "sent", relay, null));
        boolean arrives = i <= 4 || i == 7;
        hops.add(
            hop(id, relay, "R" + i, at + 20, arrives ? at + 50 : null, arrives ? "worker0" : null));
        if (arrives) {
          arr.add(arrival(id, "worker0", "R" + i, at + 50));
        }
      }
    }
    sender.add(
        toRelay(
            "S8",
            T0 + 8010,
            "deferred",
            "relay1",
            "connect to relay1.relays.example.com[127.0.2.11]:25: Connection refused"));
    TierObservations tiers =
        new TierObservations(
            REGIONS,
            EQUAL,
            Map.of(),
            hops,
            List.of(new HeldMail("relay0", T0 + 8000, "R5", mid("m5"), true)),
            Map.of("relay1", 1),
            List.of(),
            Map.of(
                "relay1",
                List.of(
                    attempt(
                        "R6",
                        T0 + 7000,
                        "deferred",
                        "worker0",
                        "connect to worker0.int.example.com[127.0.1.10]:2525: Connection refused"))),
            Map.of());
    return RunObservations.builder()
        .accepted(acc)
        .arrivals(arr)
        .attempts(sender)
        .faults(
            List.of(
                new FaultEvent(
                    T0 + 4000, T0 + 8000, "relay-disk-lost", "relay0", "", "relay0-down")))
        .tiers(tiers)
        .build();
  }

  @Test
  void shouldNameEachLostMessagesLastHopAndPhase() {
    VerdictResult r = new LossVerdict().evaluate(throughRunFolder(lossRun()));

    assertThat(r)
        .failed()
        .hasFigure("lost", 4)
        .hasFigure("lost.sender", 1)
        .hasFigure("lost.relay0", 1)
        .hasFigure("lost.relay1", 1)
        .hasFigure("lost.nowhere", 1)
        .hasFigure("phase.before.accepted", 4)
        .hasFigure("phase.before.lost", 0)
        .hasFigure("phase.during relay0-down.accepted", 4)
        .hasFigure("phase.during relay0-down.lost", 2)
        .hasFigure("phase.after.lost", 2)
        .summaryContains("by last hop: sender 1, relay0 1, relay1 1, nowhere 1");
    Table where = r.table("Lost messages through the tier");
    assertThat(where.rows())
        .as("each lost message with its phase, last hop and where it was last seen")
        .extracting(
            row -> row.get(0) + " | " + row.get(3) + " | " + row.get(4) + " | " + row.get(5))
        .containsExactly(
            "m5 | during relay0-down | relay0 | last seen in relay0's queue: on its disk when"
                + " relay0 came back without it",
            "m6 | during relay0-down | relay1 | last seen in relay1's queue: deferred (connect to"
                + " worker0.int.example.com[127.0.1.10]:2525: Connection refused)",
            "m8 | after | sender | stuck in the sender: deferred (connect to"
                + " relay1.relays.example.com[127.0.2.11]:25: Connection refused)",
            "m9 | after | nowhere | never reached the sender: its log has no line for queue id S9");
  }

  @Test
  void shouldKeepTheWholeRunLimitAsTheOutcome() {
    assertThat(new LossVerdict(new LossConfig(4, false)).evaluate(lossRun()))
        .as("four lost, four allowed")
        .passed();
    assertThat(new LossVerdict(new LossConfig(3, false)).evaluate(lossRun())).failed();
  }

  private static final String LOST_REPLY_FROM_RELAY0 =
      "lost connection with relay0.relays.example.com[127.0.2.10] while sending end of data --"
          + " message may be sent more than once";

  /**
   * Four duplicated messages, relay0 down from 50 ms to 5 s:
   *
   * <ul>
   *   <li>d0: the sender lost relay0's reply (its warning) and re-sent through relay1; relay0
   *       delivered its copy after it came back. Explained, handed on by relay1.
   *   <li>d1: relay1 lost worker2's reply after the final dot and sent its queue file again.
   *       Explained by relay1's own line.
   *   <li>d2: relay1 took it, then relay0, and the sender logged nothing. Unexplained, by relay0.
   *   <li>d3: relay0 then relay1, but the sender's line names relay1's reply, not relay0's.
   *       Unexplained, by relay1.
   * </ul>
   */
  private static RunObservations duplicatesRun() {
    List<TierHop> hops =
        List.of(
            hop("d0", "relay0", "A0", T0 + 100, T0 + 9000L, "worker0"),
            hop("d0", "relay1", "B0", T0 + 300, T0 + 400L, "worker1"),
            hop("d1", "relay1", "B1", T0 + 100, T0 + 200L, "worker2"),
            hop("d2", "relay1", "B2", T0 + 100, T0 + 200L, "worker0"),
            hop("d2", "relay0", "A2", T0 + 300, T0 + 400L, "worker1"),
            hop("d3", "relay0", "A3", T0 + 100, T0 + 200L, "worker0"),
            hop("d3", "relay1", "B3", T0 + 300, T0 + 400L, "worker1"));
    List<SinkArrival> arrivals =
        List.of(
            arrival("d0", "worker1", "B0", T0 + 400),
            arrival("d0", "worker0", "A0", T0 + 9000),
            arrival("d1", "worker2", "B1", T0 + 200),
            arrival("d1", "worker2", "B1", T0 + 3000),
            arrival("d2", "worker0", "B2", T0 + 200),
            arrival("d2", "worker1", "A2", T0 + 400),
            arrival("d3", "worker0", "A3", T0 + 200),
            arrival("d3", "worker1", "B3", T0 + 400));
    TierObservations tiers =
        new TierObservations(
            REGIONS,
            EQUAL,
            Map.of(),
            hops,
            List.of(),
            Map.of(),
            List.of(),
            Map.of(
                "relay1",
                List.of(
                    attempt(
                        "B1",
                        T0 + 2000,
                        "deferred",
                        "worker2",
                        "conversation with worker2.int.example.com[127.0.1.12] timed out while"
                            + " sending end of data"))),
            Map.of());
    return RunObservations.builder()
        .accepted(
            List.of(
                accepted("d0", "S0", T0),
                accepted("d1", "S1", T0),
                accepted("d2", "S2", T0 + 60),
                accepted("d3", "S3", T0 + 60)))
        .arrivals(arrivals)
        .attempts(
            List.of(
                toRelay(
                    "S3",
                    T0 + 200,
                    "deferred",
                    "relay1",
                    LOST_REPLY_FROM_RELAY0
                        .replace("relay0", "relay1")
                        .replace("127.0.2.10", "127.0.2.11"))))
        .warnings(
            List.of(
                new RelayWarning(
                    T0 + 200,
                    "S0",
                    RelayWarning.MAY_BE_SENT_MORE_THAN_ONCE,
                    "sender postfix/smtp[9]: S0: " + LOST_REPLY_FROM_RELAY0)))
        .faults(
            List.of(new FaultEvent(T0 + 50, T0 + 5000, "relay-kill", "relay0", "", "relay0-down")))
        .tiers(tiers)
        .build();
  }

  private static TierHop hop(String id, String relay, String qid, long at, Long sent, String w) {
    return new TierHop(relay, mid(id), qid, at, sent, w);
  }

  @Test
  void shouldFollowEachExtraCopyToTheRelayThatHandedItOn() {
    VerdictResult r = new DuplicatesVerdict().evaluate(throughRunFolder(duplicatesRun()));

    assertThat(r)
        .failed()
        .hasFigure("duplicates", 4)
        .hasFigure("explained", 2)
        .hasFigure("unexplained", 2)
        .hasFigure("extra.relay0", 1)
        .hasFigure("unexplained.relay0", 1)
        .hasFigure("extra.relay1", 3)
        .hasFigure("unexplained.relay1", 1)
        .hasFigure("phase.before.extra", 2)
        .hasFigure("phase.before.unexplained", 0)
        .hasFigure("phase.during relay0-down.extra", 2)
        .hasFigure("phase.during relay0-down.unexplained", 2)
        .summaryContains(
            "2 unexplained",
            "d2, d3",
            "handed on by: relay0 1 (1 unexplained), relay1 3 (1 unexplained)",
            "by phase accepted in: before 2, during relay0-down 2 (2 unexplained)");
    Table copies = r.table("Extra copies through the tier");
    assertThat(copies.rows())
        .extracting(row -> row.get(0) + " | " + row.get(2) + " | " + row.get(5))
        .containsExactly(
            "d0 | sender → relay1 (B0) → worker1 | yes",
            "d1 | sender → relay1 (B1) → worker2 | yes",
            "d2 | sender → relay0 (A2) → worker1 | NO",
            "d3 | sender → relay1 (B3) → worker1 | NO");
    assertThat(copies.rows().get(0).get(6))
        .as("the sender's own line: it lost relay0's reply after the final dot")
        .contains("sender: ", "lost connection with relay0.relays.example.com");
    assertThat(copies.rows().get(1).get(6))
        .as("relay1's own line for its queue id")
        .startsWith("relay1: ")
        .contains("timed out while sending end of data");
    assertThat(copies.rows().get(3).get(6))
        .as("a lost reply from relay1 does not explain a re-send after relay0")
        .contains("no lost reply after the final dot from relay0");
    assertThat(r.table("Duplicated messages through the tier").rows().get(0).get(3))
        .as("every copy's path")
        .isEqualTo(
            "sender → relay1 (B0) → worker1 at "
                + io.relayharness.verdict.internal.Fmt.time(T0 + 400)
                + "; sender → relay0 (A0) → worker0 at "
                + io.relayharness.verdict.internal.Fmt.time(T0 + 9000));
  }

  @Test
  void shouldNotLetOneLostReplyExplainTwoResends() {
    // d0 enters the tier a third time (relay1 again at 600 ms, arriving at 700 ms), and the
    // sender's
    // one line names no relay, so either re-send could use it: it explains one of them only
    RunObservations base = duplicatesRun();
    List<TierHop> hops = new ArrayList<>(base.tiers().orElseThrow().hops());
    hops.add(hop("d0", "relay1", "B9", T0 + 600, T0 + 700L, "worker2"));
    List<SinkArrival> arrivals = new ArrayList<>(base.arrivals());
    arrivals.add(arrival("d0", "worker2", "B9", T0 + 700));
    TierObservations t = base.tiers().orElseThrow();
    RunObservations.Builder b =
        RunObservations.builder()
            .accepted(base.accepted())
            .arrivals(arrivals)
            .faults(base.faults())
            .tiers(
                new TierObservations(
                    t.regions(),
                    t.preferences(),
                    Map.of(),
                    hops,
                    t.held(),
                    t.senderConnectFailures(),
                    t.queues(),
                    t.failedAttempts(),
                    t.warnings()));
    RelayWarning anonymous =
        new RelayWarning(
            T0 + 200,
            "S0",
            RelayWarning.MAY_BE_SENT_MORE_THAN_ONCE,
            "sender postfix/smtp[9]: S0: lost connection while sending end of data -- message may"
                + " be sent more than once");
    assertThat(new DuplicatesVerdict().evaluate(b.warnings(List.of(anonymous)).build()))
        .failed()
        .hasFigure("duplicates", 5)
        .hasFigure("explained", 2)
        .hasFigure("unexplained", 3)
        .hasFigure("extra.relay1", 4);
    RelayWarning second =
        new RelayWarning(
            T0 + 500,
            "S0",
            RelayWarning.MAY_BE_SENT_MORE_THAN_ONCE,
            "sender postfix/smtp[9]: S0: " + LOST_REPLY_FROM_RELAY0.replace("relay0", "relay1"));
    assertThat(
            new DuplicatesVerdict()
                .evaluate(
                    RunObservations.builder()
                        .accepted(base.accepted())
                        .arrivals(arrivals)
                        .faults(base.faults())
                        .tiers(b.build().tiers().orElseThrow())
                        .warnings(List.of(anonymous, second))
                        .build()))
        .as("a second line, naming relay1's lost reply, explains the third entry")
        .hasFigure("explained", 3)
        .hasFigure("unexplained", 2);
  }

  @Test
  void shouldPassATierRunWhoseEveryCopyIsExplained() {
    RunObservations base = duplicatesRun();
    // only d0 and d1: both explained
    RunObservations obs =
        RunObservations.builder()
            .accepted(base.accepted().subList(0, 2))
            .arrivals(
                base.arrivals().stream()
                    .filter(a -> a.harnessId().equals("d0") || a.harnessId().equals("d1"))
                    .toList())
            .attempts(base.attempts())
            .warnings(base.warnings())
            .faults(base.faults())
            .tiers(base.tiers().orElseThrow())
            .build();
    assertThat(new DuplicatesVerdict().evaluate(obs))
        .passed()
        .hasFigure("explained", 2)
        .hasFigure("unexplained", 0);
    assertThat(new DuplicatesVerdict(new DuplicatesConfig(0, 1)).evaluate(obs))
        .as("maxTotal still bounds every copy, explained or not")
        .failed();
  }
}
