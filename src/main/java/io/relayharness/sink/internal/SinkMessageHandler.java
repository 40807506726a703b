package io.relayharness.sink.internal;

import io.relayharness.ledger.SinkArrival;
import io.relayharness.vocab.SmtpStage;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.MessageHandlerFactory;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

/**
 * One mail transaction (MAIL → RCPT* → DATA → end of data): applies the faults of each stage, reads
 * the content as a stream, and before the 250 appends a {@link SinkArrival} to the durable ledger.
 * Outcomes are SMTP codes carried by {@link RejectException}. Not thread-safe: SubEtha gives each
 * transaction its own handler, used by one session thread.
 */
public final class SinkMessageHandler implements MessageHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SinkMessageHandler.class);

  private final SinkContext context;
  private final MessageContext session;
  private String mailFrom = "";
  private final List<String> rcptTo = new ArrayList<>();
  private FaultDecision rcptDecision;

  private SinkMessageHandler(SinkContext context, MessageContext session) {
    this.context = context;
    this.session = session;
  }

  /** Returns the factory SubEtha calls at each MAIL FROM. */
  public static MessageHandlerFactory factory(SinkContext context) {
    return session -> new SinkMessageHandler(context, session);
  }

  @Override
  public void from(String from) throws RejectException {
    FaultDecision decision = context.faults().decide(SmtpStage.MAIL);
    decision.sleepDelay(context.counters());
    if (decision.replies()) {
      throw reject(SmtpStage.MAIL, decision);
    }
    mailFrom = from == null ? "" : from;
  }

  @Override
  public void recipient(String recipient) throws RejectException {
    if (rcptDecision == null) {
      rcptDecision = context.faults().decide(SmtpStage.RCPT);
      rcptDecision.sleepDelay(context.counters());
    }
    if (rcptDecision.replies()) {
      throw reject(SmtpStage.RCPT, rcptDecision);
    }
    rcptTo.add(recipient);
  }

  @Override
  public String data(InputStream content) throws RejectException, IOException {
    MessageScan scan = MessageScan.read(content, context.maxMessageBytes());
    long arrivalEpochMs = context.clockEpochMs().getAsLong();
    if (scan.overLimit()) {
      context.counters().rejected(SmtpStage.EOD, 552);
      throw new RejectException(
          552, "5.3.4 Message size exceeds fixed limit of " + context.maxMessageBytes());
    }
    FaultDecision decision = context.faults().decide(SmtpStage.EOD);
    decision.sleepDelay(context.counters());
    if (decision.replies()) {
      throw reject(SmtpStage.EOD, decision);
    }
    HeaderFields h = scan.headers();
    SinkArrival arrival =
        new SinkArrival(
            context.worker(),
            session.getSessionId(),
            h.messageId(),
            h.harnessId(),
            h.relayQueueId(),
            mailFrom,
            rcptTo,
            scan.sizeBytes(),
            scan.bodyHash(),
            h.declaredBodyHash(),
            arrivalEpochMs);
    try {
      context.ledger().append(arrival);
    } catch (IOException | RuntimeException e) {
      LOG.error("ledger append failed; answering 451", e);
      context.counters().rejected(SmtpStage.EOD, 451);
      throw new RejectException(451, "4.3.0 sink ledger unavailable, try again later");
    }
    if (decision.dropsBefore250()) {
      dropConnection(arrival);
    }
    context.counters().accepted(scan.sizeBytes());
    return "2.0.0 Ok: queued as " + session.getSessionId();
  }

  /** Records the arrival as unanswered, then closes the connection with no reply at all. */
  private void dropConnection(SinkArrival arrival) throws DropConnectionException {
    try {
      context.droppedLedger().append(arrival);
    } catch (IOException | RuntimeException e) {
      LOG.error("dropped ledger append failed", e);
    }
    context.counters().countDropped();
    if (session instanceof Session s) {
      Socket socket = s.getSocket();
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("closing a dropped session", e);
      }
    }
    // SubEtha ends the session; its 421 goes nowhere, the socket is closed already
    throw new DropConnectionException(421, "4.3.0 connection dropped before 250");
  }

  private RejectException reject(SmtpStage stage, FaultDecision decision) {
    int code = decision.outcome().code();
    context.counters().rejected(stage, code);
    return new RejectException(code, decision.outcome().text());
  }

  @Override
  public void done() {}
}
