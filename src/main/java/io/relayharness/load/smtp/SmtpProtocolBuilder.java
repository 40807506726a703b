package io.relayharness.load.smtp;

import io.gatling.javaapi.core.ProtocolBuilder;
import io.relayharness.load.LoadCounters;
import io.relayharness.load.smtp.client.AuthMechanism;
import io.relayharness.load.smtp.client.PipeliningMode;
import io.relayharness.load.smtp.client.SmtpClientConfig;
import io.relayharness.load.smtp.client.SmtpCredentials;
import io.relayharness.load.smtp.client.StartTlsMode;
import io.relayharness.load.smtp.client.TlsTrust;
import io.relayharness.load.smtp.protocol.SmtpProtocol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * {@code smtp().host(..).port(..)...}: the settings of the SMTP protocol (defaults and bounds in
 * {@link SmtpClientConfig}), the ledger file, live counters and per-phase timings. Each method
 * returns a new builder; {@link #protocol()} returns the same protocol for one builder, so {@code
 * builder.protocol().close(..)} in {@code Simulation.after()} closes what the run used. Immutable
 * apart from that cached protocol; thread-safe.
 */
public final class SmtpProtocolBuilder implements ProtocolBuilder {

  private final SmtpClientConfig config;
  private final Path ledger;
  private final LoadCounters counters;
  private final boolean phaseTimings;
  private SmtpProtocol built;

  SmtpProtocolBuilder() {
    this(SmtpClientConfig.defaults());
  }

  SmtpProtocolBuilder(SmtpClientConfig config) {
    this(config, null, new LoadCounters(), false);
  }

  private SmtpProtocolBuilder(
      SmtpClientConfig config, Path ledger, LoadCounters counters, boolean phaseTimings) {
    this.config = config;
    this.ledger = ledger;
    this.counters = counters;
    this.phaseTimings = phaseTimings;
  }

  private SmtpProtocolBuilder with(UnaryOperator<SmtpClientConfig.Builder> change) {
    return new SmtpProtocolBuilder(
        change.apply(config.toBuilder()).build(), ledger, counters, phaseTimings);
  }

  /** Sets the server host name or address. */
  public SmtpProtocolBuilder host(String host) {
    return with(b -> b.host(host));
  }

  /** Sets the server port. */
  public SmtpProtocolBuilder port(int port) {
    return with(b -> b.port(port));
  }

  /** Sets the name sent with EHLO (and HELO). */
  public SmtpProtocolBuilder heloName(String name) {
    return with(b -> b.heloName(name));
  }

  /** Caps the connections each Gatling event loop opens (total = cap × event loops). */
  public SmtpProtocolBuilder maxConnectionsPerEventLoop(int cap) {
    return with(b -> b.maxConnectionsPerEventLoop(cap));
  }

  /** {@code true}: pipeline when the server offers PIPELINING; {@code false}: never. */
  public SmtpProtocolBuilder pipelining(boolean enabled) {
    return pipelining(enabled ? PipeliningMode.AUTO : PipeliningMode.OFF);
  }

  /** Sets the pipelining mode ({@link PipeliningMode#ON} forces it). */
  public SmtpProtocolBuilder pipelining(PipeliningMode mode) {
    return with(b -> b.pipelining(mode));
  }

  /** Sets the STARTTLS mode, keeping the trust setting. */
  public SmtpProtocolBuilder startTls(StartTlsMode mode) {
    return with(b -> b.startTls(mode));
  }

  /** Trusts any server certificate after STARTTLS (the default). */
  public SmtpProtocolBuilder trustAll() {
    return with(b -> b.tlsTrust(TlsTrust.trustAll()));
  }

  /** Trusts only the certificates in a PKCS12 truststore. */
  public SmtpProtocolBuilder truststore(Path file, String password) {
    return with(b -> b.tlsTrust(TlsTrust.truststore(file, password)));
  }

  /** Authenticates with {@code AUTH PLAIN}. */
  public SmtpProtocolBuilder authPlain(String username, String password) {
    return auth(AuthMechanism.PLAIN, username, password);
  }

  /** Authenticates with {@code AUTH LOGIN}. */
  public SmtpProtocolBuilder authLogin(String username, String password) {
    return auth(AuthMechanism.LOGIN, username, password);
  }

  /** Authenticates with the given mechanism. */
  public SmtpProtocolBuilder auth(AuthMechanism mechanism, String username, String password) {
    return with(b -> b.credentials(new SmtpCredentials(username, password, mechanism)));
  }

  /** Bounds the TCP connect. */
  public SmtpProtocolBuilder connectTimeout(Duration timeout) {
    return with(b -> b.connectTimeoutMs(timeout.toMillis()));
  }

  /** Bounds the wait for each reply except the one to the end of data. */
  public SmtpProtocolBuilder commandTimeout(Duration timeout) {
    return with(b -> b.commandTimeoutMs(timeout.toMillis()));
  }

  /** Bounds the wait for the reply to the end of data. */
  public SmtpProtocolBuilder dataTimeout(Duration timeout) {
    return with(b -> b.dataTimeoutMs(timeout.toMillis()));
  }

  /** Bounds the wait for a free connection. */
  public SmtpProtocolBuilder queueTimeout(Duration timeout) {
    return with(b -> b.queueTimeoutMs(timeout.toMillis()));
  }

  /** Closes (QUIT) a connection after this many messages; 0 keeps it. */
  public SmtpProtocolBuilder maxMessagesPerConnection(int count) {
    return with(b -> b.maxMessagesPerConnection(count));
  }

  /** Writes an {@code AcceptedMail} JSON line per transaction to {@code file}. */
  public SmtpProtocolBuilder ledger(Path file) {
    return new SmtpProtocolBuilder(config, file, counters, phaseTimings);
  }

  /** Updates {@code live} as transactions complete (for progress output). */
  public SmtpProtocolBuilder counters(LoadCounters live) {
    return new SmtpProtocolBuilder(config, ledger, live, phaseTimings);
  }

  /** Also reports connect, EHLO, envelope, DATA and end-of-data times as separate requests. */
  public SmtpProtocolBuilder phaseTimings(boolean enabled) {
    return new SmtpProtocolBuilder(config, ledger, counters, enabled);
  }

  /** Returns the client settings this builder holds. */
  public SmtpClientConfig clientConfig() {
    return config;
  }

  @Override
  public synchronized SmtpProtocol protocol() {
    if (built == null) {
      built = new SmtpProtocol(config, ledger, counters, phaseTimings);
    }
    return built;
  }
}
