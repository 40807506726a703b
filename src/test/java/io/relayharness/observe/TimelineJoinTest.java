package io.relayharness.observe;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.observe.Fixtures.attempt;
import static io.relayharness.observe.Fixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.ledger.AcceptedMail;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineJoinTest {

  @Test
  void shouldJoinByQueueIdFromThe250AndByHarnessId() {
    List<MessageTimeline> t =
        TimelineJoin.join(
            List.of(accepted("h1", "Q1", T0)),
            List.of(arrival("h1", "worker2", "Q1", T0 + 150)),
            List.of(
                attempt("Q1", T0 + 50, "deferred", null, "connect to ..."),
                attempt("Q1", T0 + 140, "sent", "worker2", "250 Ok"),
                attempt("Q9", T0 + 10, "sent", "worker0", "250 Ok")),
            Map.of());

    assertThat(t).hasSize(1);
    MessageTimeline m = t.get(0);
    assertThat(m.queueId()).isEqualTo("Q1");
    assertThat(m.attempts())
        .extracting(DeliveryAttempt::status)
        .containsExactly("deferred", "sent");
    assertThat(m.arrivals()).extracting(MessageTimeline.Arrival::worker).containsExactly("worker2");
    assertThat(m.endToEndMs()).isEqualTo(150L);
    assertThat(m.outcome()).isEqualTo(AcceptedMail.Outcome.ACCEPTED);
  }

  @Test
  void shouldFindTheQueueIdThroughTheMessageIdWhenThe250HadNone() {
    AcceptedMail noQid = accepted("h2", null, T0);
    List<MessageTimeline> t =
        TimelineJoin.join(
            List.of(noQid),
            List.of(),
            List.of(attempt("Q2", T0 + 30, "deferred", null, "x")),
            Map.of("Q2", "<h2@load.example.com>"));

    assertThat(t.get(0).queueId()).isEqualTo("Q2");
    assertThat(t.get(0).attempts()).hasSize(1);
    assertThat(t.get(0).endToEndMs()).as("nothing arrived").isNull();
  }

  @Test
  void shouldMatchArrivalsWithoutHarnessIdByMessageId() {
    var copy = arrival("h3", "worker0", "Q3", T0 + 70);
    var anonymous =
        new io.relayharness.ledger.SinkArrival(
            copy.worker(),
            copy.sessionId(),
            "h3@load.example.com",
            null,
            "Q3",
            copy.mailFrom(),
            copy.rcptTo(),
            copy.sizeBytes(),
            copy.bodyHash(),
            null,
            copy.arrivalEpochMs());

    List<MessageTimeline> t =
        TimelineJoin.join(
            List.of(accepted("h3", "Q3", T0)), List.of(anonymous), List.of(), Map.of());

    assertThat(t.get(0).arrivals()).hasSize(1);
  }

  @Test
  void shouldCountACopyStampedBeforeTheInjectorReadThe250AsDeliveredInZeroMs() {
    List<MessageTimeline> t =
        TimelineJoin.join(
            List.of(accepted("h3", "Q3", T0), rejected("h4", 554, T0)),
            List.of(arrival("h3", "worker0", "Q3", T0 - 3)),
            List.of(),
            Map.of());

    assertThat(t.get(0).endToEndMs()).as("3 ms before the accept, clamped").isZero();
    assertThat(t.get(0).delivered()).isTrue();
    assertThat(t.get(1).notDelivered())
        .as("refused mail was never the relay's to deliver")
        .isFalse();
  }
}
