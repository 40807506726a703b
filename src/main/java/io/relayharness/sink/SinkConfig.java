package io.relayharness.sink;

import io.relayharness.vocab.SinkDefaults;
import java.nio.file.Path;

/**
 * The settings of one sink worker. Each has a default and bounds, checked by {@link #validated()},
 * which names the bad key:
 *
 * <pre>
 * key                  default                      bounds
 * name                 (required)                   [A-Za-z0-9._-]+
 * hostname             name + ".int.example.com"    non-blank; the 220 greeting and EHLO name
 * bind                 0.0.0.0                      an address of this host
 * smtpPort             2525                         0..65535 (0: any free port)
 * httpPort             8025                         0..65535 (0: any free port)
 * ledger               /data/ledger.jsonl           a file path
 * droppedLedger        dropped.jsonl beside ledger  a file path
 * maxConnections       1000                         1..100000 concurrent SMTP sessions
 * backlog              1024                         1..65535 pending connections
 * groupCommitMs        1                            0..1000 (0: one fsync per message)
 * maxMessageBytes      52428800 (50 MiB)            1..2147483647
 * connectionTimeoutMs  300000                       1000..3600000 idle time before 421
 * </pre>
 *
 * Immutable; thread-safe.
 */
public record SinkConfig(
    String name,
    String hostname,
    String bind,
    int smtpPort,
    int httpPort,
    Path ledger,
    Path droppedLedger,
    int maxConnections,
    int backlog,
    long groupCommitMs,
    long maxMessageBytes,
    int connectionTimeoutMs) {

  /** Returns the defaults for worker {@code name}. */
  public static SinkConfig defaults(String name) {
    return new SinkConfig(
        name,
        null,
        SinkDefaults.BIND,
        SinkDefaults.SMTP_PORT,
        SinkDefaults.HTTP_PORT,
        Path.of(SinkDefaults.LEDGER_PATH),
        null,
        SinkDefaults.MAX_CONNECTIONS,
        SinkDefaults.BACKLOG,
        SinkDefaults.GROUP_COMMIT_MS,
        SinkDefaults.MAX_MESSAGE_BYTES,
        SinkDefaults.CONNECTION_TIMEOUT_MS);
  }

  /** Returns the greeting hostname, defaulted from the name. */
  public String effectiveHostname() {
    return hostname == null || hostname.isBlank() ? name + SinkDefaults.HOSTNAME_SUFFIX : hostname;
  }

  /** Returns the dropped ledger's path, defaulted to {@code dropped.jsonl} beside the ledger. */
  public Path effectiveDroppedLedger() {
    return droppedLedger != null
        ? droppedLedger
        : ledger.resolveSibling(SinkDefaults.DROPPED_LEDGER_FILE);
  }

  /** Returns a copy listening on {@code bind} with the given ports. */
  public SinkConfig withListen(String bind, int smtpPort, int httpPort) {
    return new SinkConfig(
        name,
        hostname,
        bind,
        smtpPort,
        httpPort,
        ledger,
        droppedLedger,
        maxConnections,
        backlog,
        groupCommitMs,
        maxMessageBytes,
        connectionTimeoutMs);
  }

  /** Returns a copy writing its ledger (and, beside it, its dropped ledger) at {@code file}. */
  public SinkConfig withLedger(Path file) {
    return new SinkConfig(
        name,
        hostname,
        bind,
        smtpPort,
        httpPort,
        file,
        null,
        maxConnections,
        backlog,
        groupCommitMs,
        maxMessageBytes,
        connectionTimeoutMs);
  }

  /** Returns a copy with the given group commit window (0: fsync per message). */
  public SinkConfig withGroupCommitMs(long ms) {
    return new SinkConfig(
        name,
        hostname,
        bind,
        smtpPort,
        httpPort,
        ledger,
        droppedLedger,
        maxConnections,
        backlog,
        ms,
        maxMessageBytes,
        connectionTimeoutMs);
  }

  /** Returns a copy with the given content size limit. */
  public SinkConfig withMaxMessageBytes(long bytes) {
    return new SinkConfig(
        name,
        hostname,
        bind,
        smtpPort,
        httpPort,
        ledger,
        droppedLedger,
        maxConnections,
        backlog,
        groupCommitMs,
        bytes,
        connectionTimeoutMs);
  }

  /** Returns this config, or throws naming the first bad key and its value. */
  public SinkConfig validated() {
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw bad("name", name, "[A-Za-z0-9._-]+");
    }
    if (bind == null || bind.isBlank()) {
      throw bad("bind", bind, "an address");
    }
    check("smtpPort", smtpPort, 0, 65535);
    check("httpPort", httpPort, 0, 65535);
    if (ledger == null) {
      throw bad("ledger", null, "a file path");
    }
    check("maxConnections", maxConnections, 1, 100_000);
    check("backlog", backlog, 1, 65535);
    check("groupCommitMs", groupCommitMs, 0, 1000);
    check("maxMessageBytes", maxMessageBytes, 1, Integer.MAX_VALUE);
    check("connectionTimeoutMs", connectionTimeoutMs, 1000, 3_600_000);
    return this;
  }

  private static void check(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw bad(key, value, min + ".." + max);
    }
  }

  private static IllegalArgumentException bad(String key, Object value, String expected) {
    return new IllegalArgumentException(
        "sink config: bad " + key + " = " + value + " (expected " + expected + ")");
  }
}
