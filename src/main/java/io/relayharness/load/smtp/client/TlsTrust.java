package io.relayharness.load.smtp.client;

import java.nio.file.Path;

/**
 * Which server certificates the client accepts after STARTTLS. Immutable; thread-safe.
 *
 * @param truststore a key store file holding the trusted certificates, or null to trust any
 *     certificate (test relays use self-signed ones)
 * @param password the truststore password, or null
 * @param type the key store type ({@code PKCS12} or {@code JKS})
 */
public record TlsTrust(Path truststore, String password, String type) {

  /** Trusts any certificate: the connection is encrypted but the server is not authenticated. */
  public static TlsTrust trustAll() {
    return new TlsTrust(null, null, null);
  }

  /** Trusts the certificates in a PKCS12 truststore. */
  public static TlsTrust truststore(Path file, String password) {
    return new TlsTrust(file, password, "PKCS12");
  }

  /** Returns whether every certificate is trusted. */
  public boolean trustsAll() {
    return truststore == null;
  }
}
