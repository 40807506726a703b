package io.relayharness.load.smtp.client;

/** The SASL mechanism used to authenticate with {@code AUTH}. */
public enum AuthMechanism {
  /** {@code AUTH PLAIN}: one round trip with the base64 of NUL user NUL password. */
  PLAIN,
  /** {@code AUTH LOGIN}: user and password in two base64 challenges. */
  LOGIN
}
