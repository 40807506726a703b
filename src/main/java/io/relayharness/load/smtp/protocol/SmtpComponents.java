package io.relayharness.load.smtp.protocol;

import io.gatling.commons.util.Clock;
import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.relayharness.load.LoadCounters;
import io.relayharness.load.internal.AcceptedMailLedger;
import io.relayharness.load.smtp.client.SmtpClient;
import java.time.Duration;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * What the send action needs at run time: the client, the ledger, the counters and Gatling's stats
 * engine. Thread-safe (each part is).
 */
public final class SmtpComponents implements ProtocolComponents {

  private final SmtpClient client;
  private final AcceptedMailLedger ledger;
  private final LoadCounters counters;
  private final boolean phaseTimings;
  private final StatsEngine statsEngine;
  private final Clock clock;

  SmtpComponents(
      SmtpClient client,
      AcceptedMailLedger ledger,
      LoadCounters counters,
      boolean phaseTimings,
      StatsEngine statsEngine,
      Clock clock) {
    this.client = client;
    this.ledger = ledger;
    this.counters = counters;
    this.phaseTimings = phaseTimings;
    this.statsEngine = statsEngine;
    this.clock = clock;
  }

  /** Returns the SMTP client. */
  public SmtpClient client() {
    return client;
  }

  /** Returns the ledger writer, or null when no ledger is kept. */
  public AcceptedMailLedger ledger() {
    return ledger;
  }

  /** Returns the live counters. */
  public LoadCounters counters() {
    return counters;
  }

  /** Returns whether per-phase timings are reported. */
  public boolean phaseTimings() {
    return phaseTimings;
  }

  /** Returns Gatling's stats engine. */
  public StatsEngine statsEngine() {
    return statsEngine;
  }

  /** Returns Gatling's clock. */
  public Clock clock() {
    return clock;
  }

  @Override
  public Function1<Session, Session> onStart() {
    return Session.Identity();
  }

  @Override
  public Function1<Session, BoxedUnit> onExit() {
    return ProtocolComponents.NoopOnExit();
  }

  void close(Duration timeout) {
    try {
      client.close(timeout);
    } finally {
      if (ledger != null) {
        ledger.close();
      }
    }
  }
}
