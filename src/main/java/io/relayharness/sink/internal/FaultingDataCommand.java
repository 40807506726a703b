package io.relayharness.sink.internal;

import io.relayharness.vocab.SmtpStage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.internal.io.ReceivedHeaderStream;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.util.SMTPResponseHelper;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * DATA, in place of SubEtha's own: {@code data}-stage faults (a delay before the 354, or a reply
 * instead of it), then the content handed to the message handler as a {@link SmtpDataInputStream}
 * (read in bulk; SubEtha's reads it a byte per call, which was most of the sink's CPU), then the
 * handler's reply. The transaction ends whatever the reply to the end of data was (RFC 5321;
 * SubEtha keeps it after a 4xx/5xx). Replies and order otherwise as SubEtha's DATA. Thread-safe
 * (stateless).
 */
public final class FaultingDataCommand extends BaseCommand {

  private final SinkContext context;

  public FaultingDataCommand(SinkContext context) {
    super("DATA", "Following text is collected as the message.\nEnd data with <CR><LF>.<CR><LF>");
    this.context = context;
  }

  @Override
  public void execute(String commandString, Session session)
      throws IOException, DropConnectionException {
    if (!session.isMailTransactionInProgress()) {
      session.sendResponse("503 5.5.1 Error: need MAIL command");
      return;
    }
    if (session.getRecipientCount() == 0) {
      session.sendResponse("503 Error: need RCPT command");
      return;
    }
    FaultDecision decision = context.faults().decide(SmtpStage.DATA);
    decision.sleepDelay(context.counters());
    if (decision.replies()) {
      context.counters().rejected(SmtpStage.DATA, decision.outcome().code());
      session.sendResponse(decision.outcome().code() + " " + decision.outcome().text());
      return;
    }
    session.sendResponse("354 End data with <CR><LF>.<CR><LF>");
    SmtpDataInputStream content = new SmtpDataInputStream(session.getRawInput());
    String reply;
    try {
      reply = session.getMessageHandler().data(withReceivedHeader(content, session));
    } catch (RejectException e) {
      drain(content);
      session.sendResponse(e.getErrorResponse());
      session.resetMailTransaction();
      return;
    }
    drain(content);
    session.sendResponse(reply == null ? "250 Ok" : SMTPResponseHelper.buildResponse("250", reply));
    session.resetMailTransaction();
  }

  /** Adds SubEtha's Received header when the server asks for one (the sink's does not). */
  private static InputStream withReceivedHeader(InputStream content, Session session) {
    SMTPServer server = session.getServer();
    if (server.getDisableReceivedHeaders()) {
      return content;
    }
    return new ReceivedHeaderStream(
        content,
        session.getHelo(),
        session.getRemoteAddress().getAddress(),
        server.getHostName(),
        Optional.of(server.getSoftwareName()),
        session.getSessionId(),
        session.getSingleRecipient());
  }

  /** Reads what the handler left, up to the end of data, so the next command lines up. */
  private static void drain(InputStream content) throws IOException {
    byte[] skip = SessionScratch.get().chunk();
    while (content.read(skip) != -1) {
      // discard
    }
  }
}
