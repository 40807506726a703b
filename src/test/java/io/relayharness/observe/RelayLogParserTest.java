package io.relayharness.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayLogParserTest {

  private static final String SENT =
      "2026-11-22T10:01:02.123456789Z Nov 22 10:01:02 relay postfix/smtp[123]: 4Sx9Yq0m3Nz8RTcM:"
          + " to=<a@archive.example.com>, relay=worker1.int.example.com[127.0.1.11]:2525,"
          + " delay=0.12, delays=0.01/0/0.05/0.06, dsn=2.0.0, status=sent (250 Ok)";

  private static List<DeliveryAttempt> attemptsOf(String... lines) {
    RelayLogParser p = new RelayLogParser(2026, new RelayLogListener() {});
    for (String l : lines) {
      p.feed(l);
    }
    return p.attempts();
  }

  @Test
  void shouldReadASentAttemptWithTheEngineTimestamp() {
    List<DeliveryAttempt> attempts = attemptsOf(SENT);

    assertThat(attempts).hasSize(1);
    DeliveryAttempt a = attempts.get(0);
    assertThat(a.epochMs())
        .as("engine time, not the 1 s syslog time")
        .isEqualTo(Instant.parse("2026-11-22T10:01:02.123Z").toEpochMilli());
    assertThat(a.queueId()).isEqualTo("4Sx9Yq0m3Nz8RTcM");
    assertThat(a.recipient()).isEqualTo("a@archive.example.com");
    assertThat(a.relay()).isEqualTo("worker1.int.example.com[127.0.1.11]:2525");
    assertThat(a.worker()).isEqualTo("worker1");
    assertThat(a.delaySeconds()).isEqualTo(0.12);
    assertThat(a.delays()).isEqualTo("0.01/0/0.05/0.06");
    assertThat(a.dsn()).isEqualTo("2.0.0");
    assertThat(a.status()).isEqualTo("sent");
    assertThat(a.detail()).isEqualTo("250 Ok");
  }

  @Test
  void shouldReadAConnectFailureWithRelayNoneAndTheWorkerFromTheDetail() {
    DeliveryAttempt a =
        attemptsOf(
                "2026-11-22T10:01:05.5Z Nov 22 10:01:05 relay postfix/smtp[124]: 4Sx9Yq0m3Nz8RTcM:"
                    + " to=<a@archive.example.com>, relay=none, delay=3.2,"
                    + " delays=0.01/0/3.2/0, dsn=4.4.1, status=deferred (connect to"
                    + " worker0.int.example.com[127.0.1.10]:2525: Connection refused)")
            .get(0);

    assertThat(a.relay()).isEqualTo("none");
    assertThat(a.worker()).isEqualTo("worker0");
    assertThat(a.status()).isEqualTo("deferred");
    assertThat(a.deferred()).isTrue();
    assertThat(a.delaySeconds()).isEqualTo(3.2);
    assertThat(a.detail())
        .isEqualTo("connect to worker0.int.example.com[127.0.1.10]:2525: Connection refused");
    assertThat(a.epochMs()).isEqualTo(Instant.parse("2026-11-22T10:01:05.500Z").toEpochMilli());
  }

  @Test
  void shouldReadBouncedOrigToConnUseAndTheErrorAgent() {
    List<DeliveryAttempt> attempts =
        attemptsOf(
            "2026-11-22T10:02:00.000000001Z Nov 22 10:02:00 relay postfix/smtp[125]: 4SxA0b1c2D3fGhJk:"
                + " to=<b@archive.example.com>, orig_to=<b@alias.example.com>,"
                + " relay=127.0.1.12[127.0.1.12]:2525, conn_use=3, delay=0.2,"
                + " delays=0/0/0.1/0.1, dsn=5.7.1, status=bounced (host"
                + " 127.0.1.12[127.0.1.12] said: 554 5.7.1 Rejected (in reply to end of DATA"
                + " command))",
            "2026-11-22T10:02:01Z Nov 22 10:02:01 relay postfix/error[130]: 4SxA0b1c2D3fGhJm:"
                + " to=<c@archive.example.com>, relay=none, delay=12, delays=12/0/0/0,"
                + " dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to"
                + " worker2.int.example.com[127.0.1.12]:2525: Connection refused)");

    assertThat(attempts).hasSize(2);
    DeliveryAttempt bounced = attempts.get(0);
    assertThat(bounced.status()).isEqualTo("bounced");
    assertThat(bounced.recipient()).isEqualTo("b@archive.example.com");
    assertThat(bounced.worker()).as("by address 127.0.1.12").isEqualTo("worker2");
    assertThat(bounced.detail())
        .isEqualTo(
            "host 127.0.1.12[127.0.1.12] said: 554 5.7.1 Rejected (in reply to end of DATA"
                + " command)");
    DeliveryAttempt suspended = attempts.get(1);
    assertThat(suspended.worker())
        .as("a suspended delivery names the worker whose failure throttled its next hop")
        .isEqualTo("worker2");
    assertThat(suspended.delaySeconds()).isEqualTo(12.0);
  }

  @Test
  void shouldReadExpiryFromTheQueueManagerAndFromAStatusLine() {
    RelayLogParser p = new RelayLogParser(2026, new RelayLogListener() {});
    p.feed(
        "2026-11-22T10:00:00Z Nov 22 10:00:00 relay postfix/smtpd[99]: 4SxB00000000Abcd:"
            + " client=unknown[172.18.0.1]");
    p.feed(
        "2026-11-22T10:05:00.250Z Nov 22 10:05:00 relay postfix/qmgr[77]: 4SxB00000000Abcd:"
            + " from=<journal@load.example.com>, status=expired, returned to sender");
    p.feed(
        "2026-11-22T10:05:01Z Nov 22 10:05:01 relay postfix/smtp[78]: 4SxB00000000Abce:"
            + " to=<d@archive.example.com>, relay=none, delay=300, delays=300/0/0/0,"
            + " dsn=4.4.1, status=expired, returned to sender (connect to"
            + " worker1.int.example.com[127.0.1.11]:2525: Connection timed out)");

    List<DeliveryAttempt> attempts = p.attempts();
    assertThat(attempts).extracting(DeliveryAttempt::status).containsExactly("expired", "expired");
    assertThat(attempts.get(0).recipient()).as("whole-message expiry").isNull();
    assertThat(attempts.get(0).delaySeconds()).isEqualTo(300.25);
    assertThat(attempts.get(1).recipient()).isEqualTo("d@archive.example.com");
    assertThat(attempts.get(1).worker()).isEqualTo("worker1");
  }

  @Test
  void shouldCollectMessageIdClientSizeAndRemovalPerQueueId() {
    RelayLogParser p = new RelayLogParser(2026, new RelayLogListener() {});
    String qid = "4SxC1d2F3g4H5jKz";
    p.feed(
        "2026-11-22T10:00:00.100Z Nov 22 10:00:00 relay postfix/smtpd[99]: connect from unknown[172.18.0.1]");
    p.feed(
        "2026-11-22T10:00:00.110Z Nov 22 10:00:00 relay postfix/smtpd[99]: "
            + qid
            + ": client=unknown[172.18.0.1]");
    p.feed(
        "2026-11-22T10:00:00.120Z Nov 22 10:00:00 relay postfix/cleanup[100]: "
            + qid
            + ": message-id=<h-000042@load.example.com>");
    p.feed(
        "2026-11-22T10:00:00.130Z Nov 22 10:00:00 relay postfix/qmgr[77]: "
            + qid
            + ": from=<journal@load.example.com>, size=5123, nrcpt=2 (queue active)");
    p.feed(SENT.replace("4Sx9Yq0m3Nz8RTcM", qid));
    p.feed("2026-11-22T10:01:02.200Z Nov 22 10:01:02 relay postfix/qmgr[77]: " + qid + ": removed");

    RelayMessage m = p.messages().get(qid);
    assertThat(m.messageId()).isEqualTo("<h-000042@load.example.com>");
    assertThat(m.client()).isEqualTo("unknown[172.18.0.1]");
    assertThat(m.sender()).isEqualTo("journal@load.example.com");
    assertThat(m.sizeBytes()).isEqualTo(5123L);
    assertThat(m.recipientCount()).isEqualTo(2);
    assertThat(m.firstSeenEpochMs())
        .isEqualTo(Instant.parse("2026-11-22T10:00:00.110Z").toEpochMilli());
    assertThat(m.removedEpochMs())
        .isEqualTo(Instant.parse("2026-11-22T10:01:02.200Z").toEpochMilli());
    assertThat(m.lastLine()).contains("status=sent");
    assertThat(p.messageIdsByQueueId()).containsEntry(qid, "<h-000042@load.example.com>");
  }

  @Test
  void shouldRaiseWarningsForDuplicatesLoopsAndOtherWarnings() {
    RelayLogParser p = new RelayLogParser(2026, new RelayLogListener() {});
    p.feed(
        "2026-11-22T10:03:00Z Nov 22 10:03:00 relay postfix/smtp[140]: 4SxD0000000000Zz:"
            + " to=<e@archive.example.com>, relay=worker2.int.example.com[127.0.1.12]:2525,"
            + " delay=30, delays=0/0/0/30, dsn=4.4.2, status=deferred (conversation with"
            + " worker2.int.example.com[127.0.1.12] timed out while sending end of data --"
            + " message may be sent more than once)");
    p.feed(
        "2026-11-22T10:03:01Z Nov 22 10:03:01 relay postfix/smtp[141]: 4SxD0000000001Zz:"
            + " to=<f@archive.example.com>, relay=none, delay=0.01, delays=0/0/0/0,"
            + " dsn=5.4.6, status=bounced (mail for archive.example.com loops back to myself)");
    p.feed(
        "2026-11-22T10:03:02Z Nov 22 10:03:02 relay postfix/smtp[142]: warning: host"
            + " worker9.int.example.com[127.0.1.19]:2525 greeted me with my own hostname relay");

    assertThat(p.warnings())
        .extracting(RelayWarning::kind)
        .containsExactly("may-be-sent-more-than-once", "loops-back-to-myself", "other");
    assertThat(p.warnings().get(0).queueId()).isEqualTo("4SxD0000000000Zz");
    assertThat(p.warnings().get(2).queueId()).isNull();
    assertThat(p.attempts()).as("the status lines are attempts too").hasSize(2);
  }

  @Test
  void shouldFallBackToSyslogTimeAndIgnoreForeignLines() {
    RelayLogParser p = new RelayLogParser(2026, new RelayLogListener() {});
    assertThat(
            p.feed(
                "Nov  2 09:08:07 relay postfix/smtp[1]: 4SxE000000000001: to=<g@x>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (connect to worker0.int.example.com[127.0.1.10]:2525: Connection refused)"))
        .isTrue();
    assertThat(p.feed("2026-11-22T10:00:00Z dnsmasq[7]: started, version 2.89 cachesize 150"))
        .isFalse();
    assertThat(
            p.feed(
                "2026-11-22T10:00:00Z Nov 22 10:00:00 relay postfix/master[1]: daemon started -- version 3.7.11"))
        .isFalse();
    assertThat(p.feed("")).isFalse();

    assertThat(p.attempts().get(0).epochMs())
        .isEqualTo(Instant.parse("2026-11-02T09:08:07Z").toEpochMilli());
    assertThat(p.linesFed()).isEqualTo(4);
    assertThat(p.linesUsed()).isEqualTo(1);
  }

  @Test
  void shouldTellTheListenerAndServeIncrementalReaders() {
    List<DeliveryAttempt> seen = new java.util.ArrayList<>();
    RelayLogParser p =
        new RelayLogParser(
            2026,
            new RelayLogListener() {
              @Override
              public void onAttempt(DeliveryAttempt attempt) {
                seen.add(attempt);
              }
            });
    p.feed(SENT);
    p.feed(SENT.replace("4Sx9Yq0m3Nz8RTcM", "4Sx9Yq0m3Nz8RTcN"));

    assertThat(seen).hasSize(2);
    assertThat(p.attemptsFrom(1))
        .extracting(DeliveryAttempt::queueId)
        .containsExactly("4Sx9Yq0m3Nz8RTcN");
    assertThat(p.attemptsFrom(5)).isEmpty();
  }

  @Test
  void shouldNameWorkersByHostOrAddress() {
    assertThat(RelayLogParser.workerOf("worker0.int.example.com[127.0.1.10]:2525"))
        .isEqualTo("worker0");
    assertThat(RelayLogParser.workerOf("127.0.1.11[127.0.1.11]:2525")).isEqualTo("worker1");
    assertThat(RelayLogParser.workerOf("mx.other.example[10.0.0.1]:25")).isNull();
    assertThat(RelayLogParser.workerOf("none")).isNull();
  }

  @Test
  void shouldReadAHundredThousandLinesQuickly() {
    RelayLogParser p = new RelayLogParser(2026, new RelayLogListener() {});
    long start = System.nanoTime();
    for (int i = 0; i < 20_000; i++) {
      p.feed(SENT.replace("4Sx9Yq0m3Nz8RTcM", String.format("4Sx9Yq0m%08d", i)));
    }
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertThat(p.attempts()).hasSize(20_000);
    assertThat(ms)
        .as("100k lines should parse in well under 10 s, took %d ms", ms)
        .isLessThan(10_000);
  }
}
