package io.relayharness.load.smtp.client;

import java.util.List;

/**
 * What happened to one mail transaction. Immutable; thread-safe.
 *
 * @param outcome accepted, rejected or failed
 * @param replyCode the SMTP code that decided it, 0 when no reply did
 * @param replyText the deciding reply as one line ({@code 451 4.3.0 ...}), or the error
 * @param stage where it was decided: a {@link ClientStage#wireName()} ({@code rcpt})
 * @param acceptedRcpts the recipients the server accepted (a subset when some were refused)
 * @param firstRefusal the first refused reply (e.g. one RCPT) even when the message was accepted
 *     for other recipients, or null
 * @param queueId the id from {@code 250 ... queued as QID}, or null
 * @param timings per-phase durations
 */
public record TransactionResult(
    TransactionOutcome outcome,
    int replyCode,
    String replyText,
    String stage,
    List<String> acceptedRcpts,
    SmtpReply firstRefusal,
    String queueId,
    PhaseTimings timings) {

  public TransactionResult {
    acceptedRcpts = List.copyOf(acceptedRcpts);
  }

  /** Returns whether the message was accepted for every recipient without any refusal. */
  public boolean isClean() {
    return outcome == TransactionOutcome.ACCEPTED && firstRefusal == null;
  }
}
