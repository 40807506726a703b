package io.relayharness.load.smtp.client;

/** Whether a connection upgrades to TLS with {@code STARTTLS} before sending mail. */
public enum StartTlsMode {
  /** Stay in plain text. */
  OFF,
  /** Use STARTTLS when the server offers it, plain text otherwise. */
  OPPORTUNISTIC,
  /** Use STARTTLS; a server that does not offer it fails the connection. */
  REQUIRED
}
