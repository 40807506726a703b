package io.relayharness.load.smtp.client;

import io.relayharness.vocab.SmtpStage;

/**
 * Where the load client decided a transaction: the names {@link TransactionResult#stage()} carries.
 * The stages a sink can also act at take their names from {@link SmtpStage}, so the client and the
 * sink's fault API never spell one stage two ways. Immutable; thread-safe.
 */
public enum ClientStage {
  /** TCP connect. */
  CONNECT(SmtpStage.CONNECT.wireName()),
  /** The 220 greeting. */
  GREETING("greeting"),
  /** EHLO, or HELO when EHLO is refused. */
  EHLO("ehlo"),
  /** STARTTLS and the TLS handshake. */
  STARTTLS("starttls"),
  /** AUTH PLAIN or AUTH LOGIN. */
  AUTH("auth"),
  /** Waiting for a free connection in the client's queue. */
  QUEUE("queue"),
  /** MAIL FROM. */
  MAIL(SmtpStage.MAIL.wireName()),
  /** RCPT TO. */
  RCPT(SmtpStage.RCPT.wireName()),
  /** The DATA command, up to its 354. */
  DATA(SmtpStage.DATA.wireName()),
  /** The content, up to the reply to the final dot. */
  EOD(SmtpStage.EOD.wireName());

  private final String wireName;

  ClientStage(String wireName) {
    this.wireName = wireName;
  }

  /** The name in {@link TransactionResult#stage()} and the ledger ({@code rcpt}). */
  public String wireName() {
    return wireName;
  }
}
