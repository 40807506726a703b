package io.relayharness.scenario;

/**
 * How the load injector speaks SMTP to the relay. Immutable; thread-safe.
 *
 * @param starttls STARTTLS use
 * @param authUser the AUTH user, or null for no AUTH
 * @param authPassword the AUTH password, or null for no AUTH
 * @param pipelining whether to pipeline when the relay offers PIPELINING
 * @param maxConnections the cap on open connections to the relay
 * @param helo the EHLO name
 */
public record ClientSpec(
    StartTls starttls,
    String authUser,
    String authPassword,
    boolean pipelining,
    int maxConnections,
    String helo) {

  /** STARTTLS use by the injector. */
  public enum StartTls {
    /** Never. */
    OFF,
    /** When the relay offers it. */
    OPPORTUNISTIC,
    /** Always; a relay that does not offer it fails the transaction. */
    REQUIRED;

    /** Returns the value for a word of the scenario file ({@code off}, ...). */
    public static StartTls of(String word) {
      return valueOf(word.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Returns whether the injector authenticates. */
  public boolean authenticates() {
    return authUser != null;
  }
}
