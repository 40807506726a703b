package io.relayharness.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.ledger.BodyHash;
import io.relayharness.ledger.SinkArrival;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole MIME message sent by Jakarta Mail arrives with its body hash intact. */
class SinkJakartaMailTest {

  @TempDir Path dir;

  @Test
  void shouldRecordAJakartaMailMessageWithMatchingBodyHash() throws Exception {
    try (SinkServer sink = TestSinks.start(dir)) {
      Properties props = new Properties();
      props.put("mail.smtp.host", "127.0.0.1");
      props.put("mail.smtp.port", String.valueOf(sink.smtpPort()));
      // not mail.smtp.allow8bitmime: it re-encodes quoted-printable parts to 8bit while sending,
      // so the body that arrives is not the body that was hashed
      props.put("mail.smtp.timeout", "10000");
      Session session = Session.getInstance(props);

      MimeMessage message = new FixedIdMessage(session, "<jm-1@load.example.com>");
      message.setFrom(new InternetAddress("journal@load.example.com"));
      message.setRecipients(Message.RecipientType.TO, "archive@archive.example.com");
      message.addRecipients(Message.RecipientType.BCC, "bcc@archive.example.com");
      message.setSubject("Grüße from the journal");
      MimeMultipart parts = new MimeMultipart();
      MimeBodyPart text = new MimeBodyPart();
      text.setText("Hallo Welt, schöne Grüße.\n.leading dot line\n", "UTF-8");
      MimeBodyPart attachment = new MimeBodyPart();
      attachment.setContent(new byte[4096], "application/octet-stream");
      attachment.setFileName("report.bin");
      parts.addBodyPart(text);
      parts.addBodyPart(attachment);
      message.setContent(parts);
      message.setHeader(BodyHash.ID_HEADER, "jm-1");
      message.saveChanges();
      ByteArrayOutputStream sent = new ByteArrayOutputStream();
      message.writeTo(sent);
      String declared = BodyHash.of(sent.toByteArray());
      message.setHeader(BodyHash.HEADER, declared);

      Transport.send(message);

      List<SinkArrival> records = TestSinks.records(sink.ledgerFile());
      assertThat(records).hasSize(1);
      SinkArrival a = records.get(0);
      assertThat(a.messageId()).isEqualTo("<jm-1@load.example.com>");
      assertThat(a.harnessId()).isEqualTo("jm-1");
      assertThat(a.mailFrom()).isEqualTo("journal@load.example.com");
      assertThat(a.rcptTo())
          .containsExactlyInAnyOrder("archive@archive.example.com", "bcc@archive.example.com");
      assertThat(a.relayQueueId()).as("no Received header: no queue id").isNull();
      assertThat(a.bodyHash()).as("hash of what arrived").isEqualTo(declared);
      assertThat(a.declaredBodyHash()).isEqualTo(declared);
    }
  }

  /** Keeps the Message-ID the test chose (saveChanges would make a new one). */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws jakarta.mail.MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
