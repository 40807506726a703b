package io.relayharness.load.mail;

/** The shapes of archive mail the generator makes. */
public enum MailKind {
  /**
   * An envelope journal report (Exchange style): a report whose first part names the original
   * sender and recipients, with the original message attached as {@code message/rfc822}.
   */
  JOURNAL_REPORT,
  /** A plain BCC copy: the original message as is, sent to the archive address. */
  BCC_COPY
}
