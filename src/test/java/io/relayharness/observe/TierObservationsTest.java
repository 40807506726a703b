package io.relayharness.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Following messages through the relays of a tier by their own logs. */
class TierObservationsTest {

  static String relayLog(String host, String qid, String mid, boolean sent) {
    String log =
        "2026-11-22T10:00:00.100Z Nov 22 10:00:00 "
            + host
            + " postfix/smtpd[9]: "
            + qid
            + ": client=localhost[127.0.0.1]\n"
            + "2026-11-22T10:00:00.200Z Nov 22 10:00:00 "
            + host
            + " postfix/cleanup[10]: "
            + qid
            + ": message-id=<"
            + mid
            + ">\n";
    if (sent) {
      log +=
          "2026-11-22T10:00:01Z Nov 22 10:00:01 "
              + host
              + " postfix/smtp[11]: "
              + qid
              + ": to=<r1@archive.example.com>, relay=worker2.int.example.com[127.0.1.12]:2525,"
              + " delay=0.9, delays=0.1/0/0.4/0.4, dsn=2.0.0, status=sent (250 Ok)\n";
    }
    return log;
  }

  @Test
  void shouldFollowEachMessageAndNameWhatADeadRelayHeldOrLost() {
    String relay0 =
        relayLog("relay0", "4SxA0000000001Aa", "m1@h", true)
            + relayLog("relay0", "4SxA0000000002Bb", "m2@h", false)
            + relayLog("relay0", "4SxA0000000003Cc", "m3@h", false)
            + "2026-11-22T10:00:09.500Z relay: the disk was lost: 2 queued message(s) gone\n"
            + "2026-11-22T10:00:09.500Z relay: disk lost: 4SxA0000000002Bb 4SxA0000000003Cc\n";
    String relay1 =
        relayLog("relay1", "4SxB0000000001Aa", "m4@h", false)
            + "2026-11-22T10:00:08Z relay: the queue holds 1 message(s) at start\n"
            + "2026-11-22T10:00:08Z relay: queued at start: 4SxB0000000001Aa\n";
    String sender =
        "2026-11-22T10:00:03Z Nov 22 10:00:03 sender postfix/smtp[5]: connect to"
            + " relay1.relays.example.com[127.0.2.11]:25: Connection refused\n"
            + "2026-11-22T10:00:04Z Nov 22 10:00:04 sender postfix/smtp[5]: connect to"
            + " relay1.relays.example.com[127.0.2.11]:25: Connection refused\n"
            + "2026-11-22T10:00:05Z Nov 22 10:00:05 sender postfix/smtp[6]: 4SxC0000000001Aa:"
            + " lost connection with relay0.relays.example.com[127.0.2.10] while receiving the"
            + " initial server greeting\n"
            + "2026-11-22T10:00:06Z Nov 22 10:00:06 sender postfix/smtp[6]: 4SxC0000000001Aa:"
            + " to=<r1@archive.example.com>, relay=relay0.relays.example.com[127.0.2.10]:25,"
            + " delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n";

    TierObservations t =
        TierObservations.fromLogs(
            Map.of("relay0", "eu", "relay1", "us"),
            Map.of("relay0", 10, "relay1", 20),
            Map.of(),
            Map.of("relay0", relay0, "relay1", relay1),
            sender,
            List.of());

    assertThat(t.receivedByRelay()).containsEntry("relay0", 3L).containsEntry("relay1", 1L);
    assertThat(t.deliveredByRelayAndWorker().get("relay0")).containsEntry("worker2", 1L);
    assertThat(t.held())
        .extracting(HeldMail::relay, HeldMail::queueId, HeldMail::messageId, HeldMail::diskLost)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("relay0", "4SxA0000000002Bb", "<m2@h>", true),
            org.assertj.core.groups.Tuple.tuple("relay0", "4SxA0000000003Cc", "<m3@h>", true),
            org.assertj.core.groups.Tuple.tuple("relay1", "4SxB0000000001Aa", "<m4@h>", false));
    assertThat(t.held().get(0).epochMs())
        .isEqualTo(java.time.Instant.parse("2026-11-22T10:00:09.500Z").toEpochMilli());
    assertThat(t.senderConnectFailures())
        .containsExactly(Map.entry("relay0", 1), Map.entry("relay1", 2));
    assertThat(t.primaryRelays()).containsExactly("relay0");
    assertThat(t.relaysOf("us")).containsExactly("relay1");
    assertThat(t.relaysOf("relay0,relay1")).containsExactly("relay0", "relay1");
  }

  @Test
  void shouldNameTheMailAPausedRelayHeldAtTheThawTimeTheLineCarries() {
    long thaw = java.time.Instant.parse("2026-11-22T10:00:07.250Z").toEpochMilli();
    String relay1 =
        relayLog("relay1", "4SxB0000000001Aa", "m4@h", false)
            + relayLog("relay1", "4SxB0000000002Bb", "m5@h", false)
            + "2026-11-22T10:00:07.400Z relay: held while paused, thawed at "
            + thaw
            + ": 4SxB0000000001Aa 4SxB0000000002Bb\n";
    TierObservations t =
        TierObservations.fromLogs(
            Map.of("relay0", "eu", "relay1", "us"),
            Map.of("relay0", 10, "relay1", 10),
            Map.of(),
            Map.of("relay0", "", "relay1", relay1),
            "",
            List.of());

    assertThat(t.held())
        .extracting(HeldMail::relay, HeldMail::queueId, HeldMail::messageId, HeldMail::diskLost)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("relay1", "4SxB0000000001Aa", "<m4@h>", false),
            org.assertj.core.groups.Tuple.tuple("relay1", "4SxB0000000002Bb", "<m5@h>", false));
    assertThat(t.held())
        .as("held since the thaw, not since the log line written a moment later")
        .allSatisfy(h -> assertThat(h.epochMs()).isEqualTo(thaw));
  }
}
