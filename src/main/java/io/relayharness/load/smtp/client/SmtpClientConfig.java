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
    return builder().build();
  }

  /** Returns a builder holding the defaults listed in the class comment. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this config's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.heloName = heloName;
    b.maxConnectionsPerEventLoop = maxConnectionsPerEventLoop;
    b.pipelining = pipelining;
    b.startTls = startTls;
    b.tlsTrust = tlsTrust;
    b.credentials = credentials;
    b.connectTimeoutMs = connectTimeoutMs;
    b.commandTimeoutMs = commandTimeoutMs;
    b.dataTimeoutMs = dataTimeoutMs;
    b.queueTimeoutMs = queueTimeoutMs;
    b.maxMessagesPerConnection = maxMessagesPerConnection;
    return b;
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

  /** Builds a {@link SmtpClientConfig}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 25;
    private String heloName = "loadgen.example.com";
    private int maxConnectionsPerEventLoop = 4;
    private PipeliningMode pipelining = PipeliningMode.AUTO;
    private StartTlsMode startTls = StartTlsMode.OFF;
    private TlsTrust tlsTrust = TlsTrust.trustAll();
    private SmtpCredentials credentials;
    private long connectTimeoutMs = 5_000;
    private long commandTimeoutMs = 10_000;
    private long dataTimeoutMs = 30_000;
    private long queueTimeoutMs = 60_000;
    private int maxMessagesPerConnection;

    private Builder() {}

    /** Aims at {@code host:port}. */
    public Builder target(String host, int port) {
      return host(host).port(port);
    }

    /** The server host name or address. */
    public Builder host(String value) {
      host = value;
      return this;
    }

    /** The server port. */
    public Builder port(int value) {
      port = value;
      return this;
    }

    /** The name sent with EHLO (and HELO). */
    public Builder heloName(String value) {
      heloName = value;
      return this;
    }

    /** The connections each event loop may open. */
    public Builder maxConnectionsPerEventLoop(int value) {
      maxConnectionsPerEventLoop = value;
      return this;
    }

    /** The pipelining mode. */
    public Builder pipelining(PipeliningMode value) {
      pipelining = value;
      return this;
    }

    /** The STARTTLS mode. */
    public Builder startTls(StartTlsMode value) {
      startTls = value;
      return this;
    }

    /** The certificate trust after STARTTLS. */
    public Builder tlsTrust(TlsTrust value) {
      tlsTrust = value;
      return this;
    }

    /** The AUTH credentials (null: no AUTH). */
    public Builder credentials(SmtpCredentials value) {
      credentials = value;
      return this;
    }

    /** Bounds the TCP connect. */
    public Builder connectTimeoutMs(long value) {
      connectTimeoutMs = value;
      return this;
    }

    /** Bounds the wait for each reply except the one to the end of data. */
    public Builder commandTimeoutMs(long value) {
      commandTimeoutMs = value;
      return this;
    }

    /** Bounds the wait for the reply to the end of data. */
    public Builder dataTimeoutMs(long value) {
      dataTimeoutMs = value;
      return this;
    }

    /** Bounds the wait for a free connection. */
    public Builder queueTimeoutMs(long value) {
      queueTimeoutMs = value;
      return this;
    }

    /** Closes a connection after this many messages (0: never). */
    public Builder maxMessagesPerConnection(int value) {
      maxMessagesPerConnection = value;
      return this;
    }

    /** Returns the config; throws naming the first setting out of bounds. */
    public SmtpClientConfig build() {
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
  }
}
