package io.relayharness.sink.internal;

import io.relayharness.vocab.SmtpStage;
import java.io.IOException;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.server.Session;

/**
 * DATA with {@code data}-stage faults: a delay before the 354, or a reply instead of it. Otherwise
 * it hands over to SubEtha's own DATA, and ends the transaction whatever the reply to the end of
 * data was. Thread-safe (stateless; the delegate is).
 */
public final class FaultingDataCommand extends BaseCommand {

  private final Command delegate;
  private final SinkContext context;

  public FaultingDataCommand(Command delegate, SinkContext context) {
    super("DATA", "Following text is collected as the message.");
    this.delegate = delegate;
    this.context = context;
  }

  @Override
  public void execute(String commandString, Session session)
      throws IOException, DropConnectionException {
    if (session.isMailTransactionInProgress() && session.getRecipientCount() > 0) {
      FaultDecision decision = context.faults().decide(SmtpStage.DATA);
      decision.sleepDelay(context.counters());
      if (decision.replies()) {
        context.counters().rejected(SmtpStage.DATA, decision.outcome().code());
        session.sendResponse(decision.outcome().code() + " " + decision.outcome().text());
        return;
      }
    }
    delegate.execute(commandString, session);
    if (session.isMailTransactionInProgress()) {
      // SubEtha keeps the transaction after a 4xx/5xx to the end of data; RFC 5321 ends it
      session.resetMailTransaction();
    }
  }
}
