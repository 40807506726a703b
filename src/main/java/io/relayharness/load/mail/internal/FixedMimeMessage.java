package io.relayharness.load.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose {@code Message-ID} is the one given, not a random one from {@code
 * saveChanges()}, and whose body can be given as ready bytes (written as is, in bulk). Not
 * thread-safe (like any {@link MimeMessage}).
 */
public final class FixedMimeMessage extends MimeMessage {

  private final String messageId;

  public FixedMimeMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  /** Sets the body to {@code bytes}, already in {@code encoding}, of type {@code contentType}. */
  public void setRawContent(byte[] bytes, String contentType, String encoding)
      throws MessagingException {
    this.content = bytes;
    this.dh = null;
    setHeader("Content-Type", contentType);
    setHeader("Content-Transfer-Encoding", encoding);
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
