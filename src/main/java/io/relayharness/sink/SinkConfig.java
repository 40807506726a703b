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
 * ledgerSync           group                        group | per-message (see LedgerSync)
 * groupCommitMs        0                            0..1000 extra wait of each group-commit fsync
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
    LedgerSync ledgerSync,
    long groupCommitMs,
    long maxMessageBytes,
    int connectionTimeoutMs) {

  /** Returns the defaults for worker {@code name}. */
  public static SinkConfig defaults(String name) {
    return builder().name(name).build();
  }

  /** Returns a builder holding the defaults of {@link SinkDefaults} (name still to set). */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this config's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.hostname = hostname;
    b.bind = bind;
    b.smtpPort = smtpPort;
    b.httpPort = httpPort;
    b.ledger = ledger;
    b.droppedLedger = droppedLedger;
    b.maxConnections = maxConnections;
    b.backlog = backlog;
    b.ledgerSync = ledgerSync;
    b.groupCommitMs = groupCommitMs;
    b.maxMessageBytes = maxMessageBytes;
    b.connectionTimeoutMs = connectionTimeoutMs;
    return b;
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
    if (ledgerSync == null) {
      throw bad("ledgerSync", null, "group or per-message");
    }
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

  /** Builds a {@link SinkConfig}; starts from {@link SinkDefaults}. Not thread-safe. */
  public static final class Builder {
    private String name;
    private String hostname;
    private String bind = SinkDefaults.BIND;
    private int smtpPort = SinkDefaults.SMTP_PORT;
    private int httpPort = SinkDefaults.HTTP_PORT;
    private Path ledger = Path.of(SinkDefaults.LEDGER_PATH);
    private Path droppedLedger;
    private int maxConnections = SinkDefaults.MAX_CONNECTIONS;
    private int backlog = SinkDefaults.BACKLOG;
    private LedgerSync ledgerSync = LedgerSync.GROUP;
    private long groupCommitMs = SinkDefaults.GROUP_COMMIT_MS;
    private long maxMessageBytes = SinkDefaults.MAX_MESSAGE_BYTES;
    private int connectionTimeoutMs = SinkDefaults.CONNECTION_TIMEOUT_MS;

    private Builder() {}

    /** The worker name, e.g. {@code worker0} (required). */
    public Builder name(String value) {
      name = value;
      return this;
    }

    /** The greeting and EHLO name (null: name + {@link SinkDefaults#HOSTNAME_SUFFIX}). */
    public Builder hostname(String value) {
      hostname = value;
      return this;
    }

    /** Listens on {@code bindAddress} with the given ports (0: any free port). */
    public Builder listen(String bindAddress, int smtp, int http) {
      bind = bindAddress;
      smtpPort = smtp;
      httpPort = http;
      return this;
    }

    /** Writes the ledger at {@code file}, and the dropped ledger beside it. */
    public Builder ledger(Path file) {
      ledger = file;
      droppedLedger = null;
      return this;
    }

    /** Writes the dropped ledger at {@code file} (null: beside the ledger). */
    public Builder droppedLedger(Path file) {
      droppedLedger = file;
      return this;
    }

    /** Concurrent SMTP sessions. */
    public Builder maxConnections(int value) {
      maxConnections = value;
      return this;
    }

    /** Pending-connection backlog. */
    public Builder backlog(int value) {
      backlog = value;
      return this;
    }

    /** Group commit (shared fsyncs) or one fsync per message. */
    public Builder ledgerSync(LedgerSync value) {
      ledgerSync = value;
      return this;
    }

    /** With group commit, a fixed wait before each fsync for more records (0: none). */
    public Builder groupCommitMs(long value) {
      groupCommitMs = value;
      return this;
    }

    /** Larger content is refused with 552. */
    public Builder maxMessageBytes(long value) {
      maxMessageBytes = value;
      return this;
    }

    /** Idle time before a session is closed. */
    public Builder connectionTimeoutMs(int value) {
      connectionTimeoutMs = value;
      return this;
    }

    /** Returns the config (not yet {@link SinkConfig#validated() validated}). */
    public SinkConfig build() {
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
          ledgerSync,
          groupCommitMs,
          maxMessageBytes,
          connectionTimeoutMs);
    }
  }
}
