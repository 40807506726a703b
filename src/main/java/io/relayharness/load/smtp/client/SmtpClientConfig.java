package io.relayharness.load.smtp.client;

/**
 * Settings of the SMTP client. Immutable; thread-safe.
 *
 * <pre>
 * setting                     default            bounds
 * host                        127.0.0.1          non-blank
 * port                        25                 1..65535
 * heloName                    loadgen.example.com non-blank (sent with EHLO, HELO as fallback)
 * maxConnectionsPerEventLoop  4                  1..10000
 * pipelining                  AUTO               OFF, AUTO, ON
 * startTls                    OFF                OFF, OPPORTUNISTIC, REQUIRED
 * tlsTrust                    trust all          trust all or a truststore
 * credentials                 none               AUTH PLAIN or LOGIN
 * connectTimeoutMs            5000               1..600000
 * commandTimeoutMs            10000              1..600000 (greeting, EHLO, MAIL, RCPT, DATA, RSET)
 * dataTimeoutMs               30000              1..600000 (reply to the end of data)
 * queueTimeoutMs              60000              1..3600000 (wait for a free connection)
 * maxMessagesPerConnection    0                  0 (no limit)..; then QUIT and reconnect
 * </pre>
 */
public record SmtpClientConfig(
    String host,
    int port,
    String heloName,
    int maxConnectionsPerEventLoop,
    PipeliningMode pipelining,
    StartTlsMode startTls,
    TlsTrust tlsTrust,
    SmtpCredentials credentials,
    long connectTimeoutMs,
    long commandTimeoutMs,
    long dataTimeoutMs,
    long queueTimeoutMs,
    int maxMessagesPerConnection) {

  public SmtpClientConfig {
    requireText("host", host);
    requireText("heloName", heloName);
    requireRange("port", port, 1, 65535);
    requireRange("maxConnectionsPerEventLoop", maxConnectionsPerEventLoop, 1, 10_000);
    requireRange("connectTimeoutMs", connectTimeoutMs, 1, 600_000);
    requireRange("commandTimeoutMs", commandTimeoutMs, 1, 600_000);
    requireRange("dataTimeoutMs", dataTimeoutMs, 1, 600_000);
    requireRange("queueTimeoutMs", queueTimeoutMs, 1, 3_600_000);
    requireRange("maxMessagesPerConnection", maxMessagesPerConnection, 0, Integer.MAX_VALUE);
    if (pipelining == null || startTls == null || tlsTrust == null) {
      throw new IllegalArgumentException("pipelining, startTls and tlsTrust must be set");
    }
  }

  /** Returns the defaults listed in the class comment. */
  public static SmtpClientConfig defaults() {
    return new SmtpClientConfig(
        "127.0.0.1",
        25,
        "loadgen.example.com",
        4,
        PipeliningMode.AUTO,
        StartTlsMode.OFF,
        TlsTrust.trustAll(),
        null,
        5_000,
        10_000,
        30_000,
        60_000,
        0);
  }

  /** Returns a copy aimed at {@code host:port}. */
  public SmtpClientConfig withTarget(String host, int port) {
    return new SmtpClientConfig(
        host,
        port,
        heloName,
        maxConnectionsPerEventLoop,
        pipelining,
        startTls,
        tlsTrust,
        credentials,
        connectTimeoutMs,
        commandTimeoutMs,
        dataTimeoutMs,
        queueTimeoutMs,
        maxMessagesPerConnection);
  }

  /** Returns a copy that introduces itself as {@code name} in EHLO. */
  public SmtpClientConfig withHeloName(String name) {
    return new SmtpClientConfig(
        host,
        port,
        name,
        maxConnectionsPerEventLoop,
        pipelining,
        startTls,
        tlsTrust,
        credentials,
        connectTimeoutMs,
        commandTimeoutMs,
        dataTimeoutMs,
        queueTimeoutMs,
        maxMessagesPerConnection);
  }

  /** Returns a copy with another connection cap per event loop. */
  public SmtpClientConfig withMaxConnectionsPerEventLoop(int cap) {
    return new SmtpClientConfig(
        host,
        port,
        heloName,
        cap,
        pipelining,
        startTls,
        tlsTrust,
        credentials,
        connectTimeoutMs,
        commandTimeoutMs,
        dataTimeoutMs,
        queueTimeoutMs,
        maxMessagesPerConnection);
  }

  /** Returns a copy with another pipelining mode. */
  public SmtpClientConfig withPipelining(PipeliningMode mode) {
    return new SmtpClientConfig(
        host,
        port,
        heloName,
        maxConnectionsPerEventLoop,
        mode,
        startTls,
        tlsTrust,
        credentials,
        connectTimeoutMs,
        commandTimeoutMs,
        dataTimeoutMs,
        queueTimeoutMs,
        maxMessagesPerConnection);
  }

  /** Returns a copy with another STARTTLS mode and certificate trust. */
  public SmtpClientConfig withStartTls(StartTlsMode mode, TlsTrust trust) {
    return new SmtpClientConfig(
        host,
        port,
        heloName,
        maxConnectionsPerEventLoop,
        pipelining,
        mode,
        trust,
        credentials,
        connectTimeoutMs,
        commandTimeoutMs,
        dataTimeoutMs,
        queueTimeoutMs,
        maxMessagesPerConnection);
  }

  /** Returns a copy that authenticates with {@code auth} (null: no AUTH). */
  public SmtpClientConfig withCredentials(SmtpCredentials auth) {
    return new SmtpClientConfig(
        host,
        port,
        heloName,
        maxConnectionsPerEventLoop,
        pipelining,
        startTls,
        tlsTrust,
        auth,
        connectTimeoutMs,
        commandTimeoutMs,
        dataTimeoutMs,
        queueTimeoutMs,
        maxMessagesPerConnection);
  }

  /** Returns a copy with other connect, command and end-of-data timeouts. */
  public SmtpClientConfig withTimeouts(long connectMs, long commandMs, long dataMs) {
    return new SmtpClientConfig(
        host,
        port,
        heloName,
        maxConnectionsPerEventLoop,
        pipelining,
        startTls,
        tlsTrust,
        credentials,
        connectMs,
        commandMs,
        dataMs,
        queueTimeoutMs,
        maxMessagesPerConnection);
  }

  /** Returns a copy with another bound on the wait for a free connection. */
  public SmtpClientConfig withQueueTimeoutMs(long timeoutMs) {
    return new SmtpClientConfig(
        host,
        port,
        heloName,
        maxConnectionsPerEventLoop,
        pipelining,
        startTls,
        tlsTrust,
        credentials,
        connectTimeoutMs,
        commandTimeoutMs,
        dataTimeoutMs,
        timeoutMs,
        maxMessagesPerConnection);
  }

  /** Returns a copy that closes a connection after {@code count} messages (0: never). */
  public SmtpClientConfig withMaxMessagesPerConnection(int count) {
    return new SmtpClientConfig(
        host,
        port,
        heloName,
        maxConnectionsPerEventLoop,
        pipelining,
        startTls,
        tlsTrust,
        credentials,
        connectTimeoutMs,
        commandTimeoutMs,
        dataTimeoutMs,
        queueTimeoutMs,
        count);
  }

  private static void requireText(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be blank, was '" + value + "'");
    }
  }

  private static void requireRange(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          key + " must be in " + min + ".." + max + ", was " + value);
    }
  }
}
