package io.relayharness.load.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose {@code Message-ID} is the one given, not a random one from {@code
 * saveChanges()}. Not thread-safe (like any {@link MimeMessage}).
 */
public final class FixedMimeMessage extends MimeMessage {

  private final String messageId;

  public FixedMimeMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
