package io.relayharness.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.AcceptedMail.Outcome;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.RunFolder;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.DeliveryVerdict;
import io.relayharness.verdict.VerdictResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end latency figures of the reports: the same computation as the delivery verdict's. */
class LatencyStatsTest {

  private static final long ACCEPT = 1_795_000_000_000L;

  @TempDir Path dir;

  @Test
  void shouldCountAMessageDeliveredBeforeTheInjectorReadTheRelaysReplyAsDelivered() {
    // Regression: a latency a few ms below zero (the sink stamps the arrival before the injector
    // reads the relay's 250) was reported as "not delivered".
    RunObservations obs = write();

    LatencyStats stats = LatencyStats.of(ReportedRun.load(dir));

    assertThat(stats.count()).as("accepted messages with a latency").isEqualTo(2);
    assertThat(stats.notDelivered()).as("accepted messages that never arrived").isEqualTo(1);
    assertThat(stats.percentileMs(1)).as("the early one counts as 0 ms").isEqualTo(0.0);
    assertThat(obs.timelines().get(0).endToEndMs()).as("clamped where it is joined").isZero();
  }

  @Test
  void shouldShowTheFiguresTheDeliveryVerdictJudged() {
    RunObservations obs = write();
    VerdictResult verdict = new DeliveryVerdict().evaluate(obs);

    LatencyStats stats = LatencyStats.of(ReportedRun.load(dir));

    assertThat((double) stats.count())
        .as("delivered: the rejected message counts in neither")
        .isEqualTo(verdict.figure("delivered"));
    assertThat((double) stats.notDelivered()).isEqualTo(verdict.figure("undelivered"));
    assertThat(stats.percentileMs(50)).isEqualTo(verdict.figure("endToEndP50Ms"));
    assertThat(stats.percentileMs(100)).isEqualTo(verdict.figure("endToEndMaxMs"));
  }

  /** a arrives 2 ms before its accept, b after 40 ms, c never; d was rejected. */
  private RunObservations write() {
    RunObservations obs =
        RunObservations.builder()
            .run(ACCEPT - 1_000, ACCEPT + 10_000)
            .accepted(
                List.of(
                    mail("a", Outcome.ACCEPTED),
                    mail("b", Outcome.ACCEPTED),
                    mail("c", Outcome.ACCEPTED),
                    mail("d", Outcome.REJECTED)))
            .arrivals(List.of(arrival("a", ACCEPT - 2), arrival("b", ACCEPT + 40)))
            .build();
    RunFolder.open(dir).writeObservations(obs);
    return obs;
  }

  private static AcceptedMail mail(String id, Outcome outcome) {
    return new AcceptedMail(
        id,
        "<" + id + "@load.example.com>",
        "load@load.example.com",
        List.of("user@archive.example.com"),
        100,
        "sha-" + id,
        outcome,
        outcome == Outcome.ACCEPTED ? 250 : 554,
        "",
        null,
        ACCEPT - 5,
        ACCEPT);
  }

  private static SinkArrival arrival(String id, long epochMs) {
    return new SinkArrival(
        "worker0",
        "s1",
        "<" + id + "@load.example.com>",
        id,
        null,
        "load@load.example.com",
        List.of("user@archive.example.com"),
        100,
        "sha-" + id,
        "sha-" + id,
        epochMs);
  }
}
