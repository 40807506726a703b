package io.relayharness.load.mail.internal;

import jakarta.mail.internet.MimeMultipart;

/**
 * A multipart whose boundary is the one given, not a random one. Not thread-safe (like any {@link
 * MimeMultipart}).
 */
public final class FixedMultipart extends MimeMultipart {

  public FixedMultipart(String subtype, String boundary) {
    super(subtype);
    this.contentType = "multipart/" + subtype + "; boundary=\"" + boundary + "\"";
  }
}
