package io.relayharness.sink;

import io.relayharness.ledger.JsonLines;
import io.relayharness.ledger.SinkArrival;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts in-process sinks on loopback with free ports, and reads their ledgers. Thread-safe. */
final class TestSinks {

  static {
    // the test JVM has logback's default (DEBUG) config: keep SubEtha's per-command lines out
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.subethamail"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.relayharness"))
        .setLevel(ch.qos.logback.classic.Level.INFO);
  }

  private TestSinks() {}

  /** Starts worker0 on 127.0.0.1 (any free ports), its ledger in {@code dir}, defaults else. */
  static SinkServer start(Path dir) throws IOException {
    return SinkServer.start(config(dir));
  }

  /** As {@link #start(Path)}, with the given ledger sync and group-commit wait. */
  static SinkServer start(Path dir, LedgerSync sync, long groupCommitMs) throws IOException {
    return SinkServer.start(
        config(dir).toBuilder().ledgerSync(sync).groupCommitMs(groupCommitMs).build());
  }

  /** Returns worker0's test config: loopback, free ports, ledger in {@code dir}. */
  static SinkConfig config(Path dir) {
    return SinkConfig.builder()
        .name("worker0")
        .listen("127.0.0.1", 0, 0)
        .ledger(dir.resolve("ledger.jsonl"))
        .build();
  }

  /** Reads every record of a ledger file (empty when it does not exist). */
  static List<SinkArrival> records(Path ledger) {
    return Files.exists(ledger) ? JsonLines.read(ledger, SinkArrival.class) : List.of();
  }

  /** A small message with the harness's headers and a Postfix-style top Received header. */
  static String message(String harnessId, String queueId, String rawBody) {
    String body = rawBody.endsWith("\r\n") ? rawBody : rawBody + "\r\n";
    String declared =
        io.relayharness.ledger.BodyHash.of(
            ("X: y\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "Received: from client.example.com (client.example.com [10.0.0.5])\r\n"
        + "\tby relay.example.com (Postfix) with ESMTP id "
        + queueId
        + "\r\n\tfor <archive@archive.example.com>; Sun, 22 Nov 2026 10:00:00 +0000 (UTC)\r\n"
        + "Received: from injector (injector [10.0.0.9]) by client.example.com (Postfix) with"
        + " ESMTP id OLDER1 for <x@y>\r\n"
        + "Message-ID: <"
        + harnessId
        + "@load.example.com>\r\n"
        + "X-Harness-Id: "
        + harnessId
        + "\r\n"
        + "X-Harness-Body-Hash: "
        + declared
        + "\r\n"
        + "Subject: test "
        + harnessId
        + "\r\n"
        + "\r\n"
        + body;
  }
}
