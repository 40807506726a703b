package io.relayharness.sink.internal;

import io.relayharness.vocab.SmtpStage;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * Admits each new connection: counts it, tracks it as open, and applies {@code connect} faults (a
 * delay before the greeting, or a 421/554 instead of it). Thread-safe.
 */
public final class SinkSessionHandler implements SessionHandler {

  private final SinkContext context;

  public SinkSessionHandler(SinkContext context) {
    this.context = context;
  }

  @Override
  public SessionAcceptance accept(Session session) {
    context.counters().sessionStarted();
    context.openSessions().put(session, Boolean.TRUE);
    FaultDecision decision = context.faults().decide(SmtpStage.CONNECT);
    decision.sleepDelay(context.counters());
    if (decision.replies()) {
      context.counters().rejected(SmtpStage.CONNECT, decision.outcome().code());
      return SessionAcceptance.failure(decision.outcome().code(), decision.outcome().text());
    }
    return SessionAcceptance.success();
  }

  @Override
  public void onSessionEnd(Session session) {
    context.openSessions().remove(session);
  }
}
