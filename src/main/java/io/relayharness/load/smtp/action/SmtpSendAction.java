package io.relayharness.load.smtp.action;

import com.typesafe.scalalogging.Logger;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.AcceptedMail.Outcome;
import io.relayharness.ledger.BodyHash;
import io.relayharness.load.internal.RawMessage;
import io.relayharness.load.mail.GeneratedMail;
import io.relayharness.load.smtp.client.PhaseTimings;
import io.relayharness.load.smtp.client.SmtpTransaction;
import io.relayharness.load.smtp.client.TransactionResult;
import io.relayharness.load.smtp.protocol.SmtpComponents;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one message per execution and reports it: one Gatling response per transaction (OK or KO,
 * response code = SMTP reply code, message = the reply, e.g. {@code 451 4.3.0 ...}), one {@link
 * AcceptedMail} ledger line, the live counters; then passes the user on. Thread-safe: state per
 * execution lives in the closure; results arrive on the user's event loop.
 */
public final class SmtpSendAction implements Action {

  private static final Logger LOGGER = Logger.apply(SmtpSendAction.class);

  private final String requestName;
  private final SessionValue<Object> from;
  private final SessionValue<Object> rcpts;
  private final SessionValue<Object> message;
  private final SmtpComponents components;
  private final StatsEngine stats;
  private final Action next;

  /**
   * @param from the envelope sender, or null to take it from a {@link GeneratedMail} message
   * @param rcpts a String, a list of them, or null to take them from a {@link GeneratedMail}
   * @param message a {@link GeneratedMail}, {@code byte[]} or String
   */
  public SmtpSendAction(
      String requestName,
      SessionValue<Object> from,
      SessionValue<Object> rcpts,
      SessionValue<Object> message,
      SmtpComponents components,
      Action next) {
    this.requestName = requestName;
    this.from = from;
    this.rcpts = rcpts;
    this.message = message;
    this.components = components;
    this.stats = components.statsEngine();
    this.next = next;
  }

  @Override
  public String name() {
    return "smtp-send:" + requestName;
  }

  @Override
  public Logger logger() {
    return LOGGER;
  }

  @Override
  public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
    // The logger is a constant of this class.
  }

  @Override
  public void execute(Session session) {
    Envelope envelope;
    try {
      envelope = resolve(session);
    } catch (RuntimeException e) {
      stats.logRequestCrash(
          session.scenario(), session.groups(), requestName, String.valueOf(e.getMessage()));
      next.$bang(session.markAsFailed());
      return;
    }
    components.counters().sent();
    SmtpTransaction tx =
        new SmtpTransaction(
            envelope.from,
            envelope.rcpts,
            envelope.content,
            result -> onResult(session, envelope, result));
    components.client().send(session.eventLoop(), tx);
  }

  private void onResult(Session session, Envelope envelope, TransactionResult result) {
    long end = components.clock().nowMillis();
    long start = Math.min(envelope.startEpochMs, end);
    Outcome outcome = Outcome.valueOf(result.outcome().name());
    boolean ok = result.isClean();
    Status status = ok ? OK$.MODULE$ : KO$.MODULE$;
    String text =
        ok
            ? null
            : result.firstRefusal() != null
                ? "partly refused: " + result.firstRefusal()
                : result.replyText();
    SmtpReplyCodes.log(stats, session, requestName, start, end, status, codeOf(result), text);
    if (components.phaseTimings()) {
      logPhases(session, result.timings(), end, status);
    }
    components.counters().decided(outcome, end - start, ok);
    if (components.ledger() != null) {
      List<String> rcptTo = outcome == Outcome.ACCEPTED ? result.acceptedRcpts() : envelope.rcpts;
      components
          .ledger()
          .append(
              new AcceptedMail(
                  envelope.harnessId,
                  envelope.messageId,
                  envelope.from,
                  rcptTo,
                  envelope.sizeBytes,
                  envelope.bodyHash,
                  outcome,
                  result.replyCode(),
                  result.replyText(),
                  result.queueId(),
                  start,
                  end));
    }
    Session after = session.logGroupRequestTimings(start, end);
    next.$bang(ok ? after : after.markAsFailed());
  }

  private static int codeOf(TransactionResult result) {
    return result.firstRefusal() != null ? result.firstRefusal().code() : result.replyCode();
  }

  private void logPhases(Session session, PhaseTimings t, long end, Status status) {
    long eod = ms(t.endOfDataMicros());
    long data = ms(t.dataMicros());
    long envelope = ms(t.envelopeMicros());
    long ehlo = ms(t.ehloMicros());
    long connect = ms(t.connectMicros());
    long cursor = end;
    cursor = phase(session, "eod", t.endOfDataMicros(), eod, cursor, status);
    cursor = phase(session, "data", t.dataMicros(), data, cursor, status);
    cursor = phase(session, "envelope", t.envelopeMicros(), envelope, cursor, status);
    if (t.connectMicros() >= 0) {
      long setupEnd = end - Math.max(0, eod) - Math.max(0, data) - Math.max(0, envelope);
      cursor = phase(session, "ehlo", t.ehloMicros(), ehlo, setupEnd, status);
      phase(session, "connect", t.connectMicros(), connect, cursor, status);
    }
  }

  private long phase(
      Session session, String phase, long micros, long ms, long endMs, Status status) {
    if (micros < 0) {
      return endMs;
    }
    SmtpReplyCodes.log(
        stats, session, requestName + " " + phase, endMs - ms, endMs, status, 0, null);
    return endMs - ms;
  }

  private static long ms(long micros) {
    return micros < 0 ? -1 : micros / 1000;
  }

  private Envelope resolve(Session session) {
    Object value = message.resolve(session);
    Envelope e = new Envelope();
    e.startEpochMs = components.clock().nowMillis();
    if (value instanceof GeneratedMail mail) {
      e.content = mail.content();
      e.harnessId = mail.id();
      e.messageId = mail.messageId();
      e.bodyHash = mail.bodyHash();
      e.sizeBytes = mail.sizeBytes();
      e.from = mail.from();
      e.rcpts = mail.rcpts();
    } else {
      byte[] bytes;
      if (value instanceof byte[] b) {
        bytes = b;
      } else if (value instanceof CharSequence s) {
        bytes = s.toString().getBytes(StandardCharsets.UTF_8);
      } else {
        throw new IllegalArgumentException(
            "message must be a GeneratedMail, byte[] or String, was "
                + (value == null ? "null" : value.getClass().getName()));
      }
      e.content = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
      e.harnessId = RawMessage.header(bytes, BodyHash.ID_HEADER);
      e.messageId = RawMessage.header(bytes, "Message-ID");
      e.bodyHash = BodyHash.of(bytes);
      e.sizeBytes = bytes.length;
    }
    if (from != null) {
      e.from = String.valueOf(from.resolve(session));
    }
    if (rcpts != null) {
      e.rcpts = toList(rcpts.resolve(session));
    }
    if (e.from == null) {
      throw new IllegalArgumentException(
          "no envelope sender: set .from(...) or send a GeneratedMail");
    }
    if (e.rcpts == null || e.rcpts.isEmpty()) {
      throw new IllegalArgumentException(
          "no envelope recipient: set .to(...) or send a GeneratedMail");
    }
    return e;
  }

  private static List<String> toList(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof Iterable<?> many) {
      many.forEach(v -> out.add(String.valueOf(v)));
    } else if (value instanceof scala.collection.Iterable<?> many) {
      many.foreach(v -> out.add(String.valueOf(v)));
    } else if (value instanceof String[] many) {
      out.addAll(List.of(many));
    } else if (value != null) {
      for (String part : String.valueOf(value).split("[,\\s]+")) {
        if (!part.isBlank()) {
          out.add(part);
        }
      }
    }
    return out;
  }

  /** The resolved envelope and identity of one message. Not thread-safe; one per execution. */
  private static final class Envelope {
    String from;
    List<String> rcpts;
    ByteBuffer content;
    String harnessId;
    String messageId;
    String bodyHash;
    long sizeBytes;
    long startEpochMs;
  }
}
