package io.relayharness.relay;

/**
 * Where each relay of a relay tier lives inside the run's shared network namespace: relay {@code k}
 * ({@code relay<k>}) listens on its own address {@code 127.0.3.1<k>:25}, and the fault proxy serves
 * its inbound link on {@code 127.0.2.1<k>:25}, the address its DNS name resolves to. So the sending
 * MTA reaches every relay through the proxy, and a fault on the link cuts or slows it. Every
 * Postfix of a tier binds explicit addresses: two on {@code *:25} in one namespace would answer
 * each other's connections. Stateless; thread-safe.
 */
public final class RelayAddresses {

  /** The most relays one topology can have. */
  public static final int MAX_RELAYS = 4;

  /** The SMTP port of every relay, and of the proxy in front of it. */
  public static final int PORT = 25;

  /** The domain the relays' host names live in. */
  public static final String RELAY_DOMAIN = "relays.example.com";

  /** The domain the sending MTA looks up MX records for (the archive domain of the load). */
  public static final String ARCHIVE_DOMAIN = "archive.example.com";

  /** The sending MTA's host name. */
  public static final String SENDER_HOST = "sender.example.com";

  private RelayAddresses() {}

  /** The name of relay {@code index}: {@code relay0}, {@code relay1}, ... */
  public static String name(int index) {
    check(index);
    return "relay" + index;
  }

  /** The index of a relay name, failing with the valid names when it is not one. */
  public static int indexOf(String relay) {
    if (relay != null && relay.matches("relay\\d")) {
      int index = Integer.parseInt(relay.substring(5));
      if (index < MAX_RELAYS) {
        return index;
      }
    }
    throw new IllegalArgumentException(
        "not a relay name: '" + relay + "' (expected relay0 .. relay" + (MAX_RELAYS - 1) + ")");
  }

  /** The relay's own listening address, e.g. {@code 127.0.3.10}. */
  public static String own(int index) {
    check(index);
    return "127.0.3." + (10 + index);
  }

  /** The fault proxy's address for the relay's inbound link, e.g. {@code 127.0.2.10}. */
  public static String inbound(int index) {
    check(index);
    return "127.0.2." + (10 + index);
  }

  /**
   * The two addresses the holder serves relay {@code index}'s own view of the DNS zone on (a relay
   * with its own worker pool), e.g. {@code 127.0.4.10} and {@code 127.0.5.10}: two, so that a zone
   * reload, which restarts one dnsmasq after the other, never leaves the relay without DNS.
   */
  public static java.util.List<String> dnsView(int index) {
    check(index);
    return java.util.List.of("127.0.4." + (10 + index), "127.0.5." + (10 + index));
  }

  /** The relay's host name, e.g. {@code relay0.relays.example.com} (its myhostname and MX host). */
  public static String hostName(int index) {
    return name(index) + "." + RELAY_DOMAIN;
  }

  private static void check(int index) {
    if (index < 0 || index >= MAX_RELAYS) {
      throw new IllegalArgumentException(
          "relay index must be 0.." + (MAX_RELAYS - 1) + ", was " + index);
    }
  }
}
