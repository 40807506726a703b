package io.relayharness.load.smtp.client;

/** When the client sends MAIL, RCPT and DATA in one batch (RFC 2920) instead of one at a time. */
public enum PipeliningMode {
  /** Never pipeline: one command, one reply. */
  OFF,
  /** Pipeline when the server's EHLO reply offers {@code PIPELINING} (the default). */
  AUTO,
  /** Always pipeline, even if the server does not offer it (for servers that tolerate it). */
  ON
}
