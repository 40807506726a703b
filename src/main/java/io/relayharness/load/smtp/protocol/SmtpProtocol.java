package io.relayharness.load.smtp.protocol;

import io.gatling.core.CoreComponents;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import io.gatling.netty.util.Transports;
import io.relayharness.load.LoadCounters;
import io.relayharness.load.internal.AcceptedMailLedger;
import io.relayharness.load.smtp.client.SmtpClient;
import io.relayharness.load.smtp.client.SmtpClientConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The SMTP protocol of one simulation: the client settings, the ledger file, the live counters and
 * whether to report per-phase timings. Its runtime (client, ledger writer) is made once, when
 * Gatling first asks for the components, and released by {@link #close(Duration)}. Thread-safe.
 */
public final class SmtpProtocol implements Protocol {

  /** How Gatling finds this protocol and its components. */
  public static final ProtocolKey<SmtpProtocol, SmtpComponents> KEY = new SmtpProtocolKey();

  private final SmtpClientConfig clientConfig;
  private final Path ledgerFile;
  private final LoadCounters counters;
  private final boolean phaseTimings;
  private SmtpComponents components;

  /**
   * @param ledgerFile where {@code AcceptedMail} lines go, or null for no ledger
   * @param counters live counts to update
   * @param phaseTimings whether to report connect, EHLO, envelope, DATA and end-of-data timings as
   *     extra requests
   */
  public SmtpProtocol(
      SmtpClientConfig clientConfig, Path ledgerFile, LoadCounters counters, boolean phaseTimings) {
    this.clientConfig = clientConfig;
    this.ledgerFile = ledgerFile;
    this.counters = counters;
    this.phaseTimings = phaseTimings;
  }

  /** Returns the client settings. */
  public SmtpClientConfig clientConfig() {
    return clientConfig;
  }

  /** Returns the live counters. */
  public LoadCounters counters() {
    return counters;
  }

  /** Returns the ledger file, or null. */
  public Path ledgerFile() {
    return ledgerFile;
  }

  /** Returns the runtime of this protocol, making it on first use. */
  synchronized SmtpComponents components(CoreComponents core) {
    if (components == null) {
      boolean nativeTransport = core.configuration().netty().useNativeTransport();
      boolean ioUring = core.configuration().netty().useIoUring();
      SmtpClient client =
          new SmtpClient(
              clientConfig, Transports.newSocketChannelFactory(nativeTransport, ioUring));
      AcceptedMailLedger ledger = ledgerFile == null ? null : AcceptedMailLedger.open(ledgerFile);
      components =
          new SmtpComponents(
              client, ledger, counters, phaseTimings, core.statsEngine(), core.clock());
    }
    return components;
  }

  /**
   * Sends QUIT on every connection (waiting up to {@code timeout}) and writes the rest of the
   * ledger. Call once the simulation's users are done, e.g. from {@code Simulation.after()}.
   */
  public synchronized void close(Duration timeout) {
    if (components != null) {
      components.close(timeout);
    }
  }
}
