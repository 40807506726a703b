package io.relayharness.load.smtp.client;

/** How one mail transaction ended, as SMTP codes decide it. */
public enum TransactionOutcome {
  /** The server answered 2xx to the end of data. */
  ACCEPTED,
  /** The server answered 4xx or 5xx at some stage (greeting, EHLO, AUTH, MAIL, RCPT, DATA, end). */
  REJECTED,
  /** No reply decided it: refused, reset, closed, timed out, TLS failed. */
  FAILED
}
