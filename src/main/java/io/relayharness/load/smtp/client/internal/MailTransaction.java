package io.relayharness.load.smtp.client.internal;

import io.netty.buffer.ByteBuf;
import io.relayharness.load.smtp.client.ClientStage;
import io.relayharness.load.smtp.client.PhaseTimings;
import io.relayharness.load.smtp.client.QueueIds;
import io.relayharness.load.smtp.client.SmtpClientConfig;
import io.relayharness.load.smtp.client.SmtpReply;
import io.relayharness.load.smtp.client.SmtpTransaction;
import io.relayharness.load.smtp.client.TransactionOutcome;
import io.relayharness.load.smtp.client.TransactionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one message on a ready connection: MAIL, RCPT for each recipient, DATA, the content; all
 * three commands in one write when pipelining, one at a time otherwise. Decides the transaction
 * exactly once and tells the connection what follows: idle again, RSET after a refusal, or close
 * after a 421.
 *
 * <pre>
 *  MAIL → RCPT… → DATA → CONTENT → (accepted) idle
 *  any refusal → RSET;  354 after a refused envelope (pipelined) → DISCARD "." → RSET;  421 → close
 * </pre>
 *
 * <p>Not thread-safe: every method runs on the connection's event loop.
 */
final class MailTransaction {

  private enum Step {
    MAIL(ClientStage.MAIL),
    RCPT(ClientStage.RCPT),
    DATA(ClientStage.DATA),
    CONTENT(ClientStage.EOD),
    DISCARD(null);

    final ClientStage stage;

    Step(ClientStage stage) {
      this.stage = stage;
    }
  }

  /** Set-up durations to report with this transaction, or -1 each on a reused connection. */
  record SetupTimings(long connectMicros, long setupMicros) {
    static final SetupTimings REUSED = new SetupTimings(-1, -1);
  }

  private final SmtpConnection conn;
  private final SmtpClientConfig config;
  private final SmtpTransaction tx;
  private final boolean pipelined;
  private final SetupTimings setup;
  private Step step = Step.MAIL;
  private boolean decided;
  private SmtpReply mailRefusal;
  private int rcptIndex;
  private final List<String> accepted;
  private SmtpReply firstRefusal;
  private final long beginNanos = System.nanoTime();
  private long envelopeDoneNanos;
  private long dataAcceptedNanos;

  MailTransaction(
      SmtpConnection conn,
      SmtpClientConfig config,
      SmtpTransaction tx,
      boolean pipelined,
      SetupTimings setup) {
    this.conn = conn;
    this.config = config;
    this.tx = tx;
    this.pipelined = pipelined;
    this.setup = setup;
    this.accepted = new ArrayList<>(tx.rcpts().size());
  }

  /** Sends MAIL FROM, and with pipelining every RCPT TO and DATA in the same write. */
  void start() {
    conn.expectWithin(config.commandTimeoutMs());
    ByteBuf out = conn.channel().alloc().buffer(pipelined ? 64 + 48 * tx.rcpts().size() : 64);
    SmtpConnection.line(out, "MAIL FROM:<" + tx.from() + ">");
    if (pipelined) {
      for (String rcpt : tx.rcpts()) {
        SmtpConnection.line(out, "RCPT TO:<" + rcpt + ">");
      }
      SmtpConnection.line(out, "DATA");
    }
    conn.write(out);
  }

  /**
   * Returns the stage in progress ({@code rcpt}), or {@code discard} while ending a refused DATA.
   */
  String stage() {
    return step.stage == null ? "discard" : step.stage.wireName();
  }

  /** Returns how long the reply in progress may take: the data timeout after the content. */
  long timeoutMs() {
    return step == Step.CONTENT ? config.dataTimeoutMs() : config.commandTimeoutMs();
  }

  /** Takes the server's reply to the step in progress. */
  void onReply(SmtpReply reply) {
    if (step == Step.DISCARD) {
      conn.rset();
      return;
    }
    if (reply.code() == 421) {
      decide(TransactionOutcome.REJECTED, stage(), reply.code(), reply.asText(), null);
      conn.closeNow();
      return;
    }
    switch (step) {
      case MAIL -> onMail(reply);
      case RCPT -> onRcpt(reply);
      case DATA -> onData(reply);
      case CONTENT -> onContent(reply);
      default -> conn.closeNow();
    }
  }

  /** Decides the transaction as FAILED with {@code reason} unless already decided. */
  void abort(String reason) {
    if (step != Step.DISCARD) {
      decide(TransactionOutcome.FAILED, stage(), 0, reason, null);
    }
  }

  private void onMail(SmtpReply reply) {
    if (!reply.isPositive()) {
      mailRefusal = reply;
      if (!pipelined) {
        refuse(ClientStage.MAIL, reply);
        return;
      }
    }
    step = Step.RCPT;
    if (!pipelined) {
      conn.sendCommand("RCPT TO:<" + tx.rcpts().get(0) + ">");
    }
  }

  private void onRcpt(SmtpReply reply) {
    if (reply.isPositive()) {
      accepted.add(tx.rcpts().get(rcptIndex));
    } else if (firstRefusal == null) {
      firstRefusal = reply;
    }
    rcptIndex++;
    if (rcptIndex < tx.rcpts().size()) {
      if (!pipelined) {
        conn.sendCommand("RCPT TO:<" + tx.rcpts().get(rcptIndex) + ">");
      }
      return;
    }
    envelopeDoneNanos = System.nanoTime();
    step = Step.DATA;
    if (!pipelined) {
      if (accepted.isEmpty()) {
        refuse(ClientStage.RCPT, firstRefusal);
      } else {
        conn.sendCommand("DATA");
      }
    }
  }

  private void onData(SmtpReply reply) {
    boolean envelopeOk = mailRefusal == null && !accepted.isEmpty();
    if (reply.code() == 354 && envelopeOk) {
      dataAcceptedNanos = System.nanoTime();
      step = Step.CONTENT;
      conn.expectWithin(config.dataTimeoutMs());
      conn.write(MailContent.encode(tx.content()));
    } else if (reply.code() == 354) {
      // The server opened DATA with no valid envelope: end it empty, report the refusal.
      SmtpReply refusal = mailRefusal != null ? mailRefusal : firstRefusal;
      ClientStage stage = mailRefusal != null ? ClientStage.MAIL : ClientStage.RCPT;
      decide(TransactionOutcome.REJECTED, stage.wireName(), refusal.code(), refusal.asText(), null);
      step = Step.DISCARD;
      conn.sendCommand(".");
    } else if (mailRefusal != null) {
      refuse(ClientStage.MAIL, mailRefusal);
    } else if (accepted.isEmpty()) {
      refuse(ClientStage.RCPT, firstRefusal);
    } else {
      refuse(ClientStage.DATA, reply);
    }
  }

  private void onContent(SmtpReply reply) {
    if (reply.isPositive()) {
      String text = reply.asText();
      TransactionResult result =
          result(
              TransactionOutcome.ACCEPTED,
              ClientStage.EOD.wireName(),
              reply.code(),
              text,
              QueueIds.parse(text));
      decided = true;
      conn.messageSent();
      tx.complete(result);
    } else {
      refuse(ClientStage.EOD, reply);
    }
  }

  private void refuse(ClientStage stage, SmtpReply reply) {
    decide(TransactionOutcome.REJECTED, stage.wireName(), reply.code(), reply.asText(), null);
    conn.rset();
  }

  private void decide(
      TransactionOutcome outcome, String stage, int code, String text, String queueId) {
    if (decided) {
      return;
    }
    decided = true;
    tx.complete(result(outcome, stage, code, text, queueId));
  }

  private TransactionResult result(
      TransactionOutcome outcome, String stage, int code, String text, String queueId) {
    long now = System.nanoTime();
    PhaseTimings timings =
        new PhaseTimings(
            micros(beginNanos - tx.startNanos()),
            setup.connectMicros(),
            setup.setupMicros(),
            envelopeDoneNanos == 0 ? -1 : micros(envelopeDoneNanos - beginNanos),
            dataAcceptedNanos == 0 ? -1 : micros(dataAcceptedNanos - envelopeDoneNanos),
            dataAcceptedNanos == 0 ? -1 : micros(now - dataAcceptedNanos));
    return new TransactionResult(
        outcome,
        code,
        text,
        stage,
        outcome == TransactionOutcome.ACCEPTED ? accepted : List.of(),
        outcome == TransactionOutcome.ACCEPTED ? firstRefusal : null,
        queueId,
        timings);
  }

  private static long micros(long nanos) {
    return nanos / 1000;
  }
}
