package io.relayharness.load.smtp.client;

/**
 * A user name and password for {@code AUTH}. Immutable; thread-safe.
 *
 * @param mechanism how they are sent
 */
public record SmtpCredentials(String username, String password, AuthMechanism mechanism) {

  public SmtpCredentials {
    if (username == null || password == null || mechanism == null) {
      throw new IllegalArgumentException("credentials need a username, a password and a mechanism");
    }
  }

  @Override
  public String toString() {
    return "SmtpCredentials[" + username + ", ***, " + mechanism + "]";
  }
}
