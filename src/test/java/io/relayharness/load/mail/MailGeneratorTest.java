package io.relayharness.load.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.ledger.BodyHash;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The journaled-mail generator: determinism, hashes, structure, sizes, wire safety. */
class MailGeneratorTest {

  private static final Session SESSION = Session.getInstance(new Properties());

  private static MailGenerator generator(long seed) {
    return new MailGenerator(
        MailGeneratorConfig.builder().seed(seed).size(20_000, 200_000).build());
  }

  @Test
  void shouldMakeTheSameBytesForTheSameSeed() {
    MailGenerator a = generator(42);
    MailGenerator b = generator(42);
    for (int i = 0; i < 50; i++) {
      assertThat(a.next().bytes()).as("message %d", i).isEqualTo(b.next().bytes());
    }
    assertThat(generator(43).generate(0).bytes())
        .as("another seed")
        .isNotEqualTo(generator(42).generate(0).bytes());
    assertThat(a.generate(7)).as("by index, whatever was drawn before").isEqualTo(b.generate(7));
  }

  @Test
  void shouldDeclareTheHashOfTheExactBodyBytes() throws Exception {
    MailGenerator g = generator(7);
    for (int i = 0; i < 100; i++) {
      GeneratedMail mail = g.generate(i);
      MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(mail.bytes()));

      assertThat(parsed.getHeader(BodyHash.HEADER, null)).isEqualTo(BodyHash.of(mail.bytes()));
      assertThat(mail.bodyHash()).isEqualTo(BodyHash.of(mail.bytes()));
      assertThat(parsed.getHeader(BodyHash.ID_HEADER, null))
          .isEqualTo(mail.id())
          .isEqualTo("m-" + i);
      assertThat(parsed.getMessageID()).isEqualTo(mail.messageId());
    }
  }

  @Test
  void shouldBeSafeOnTheWire() {
    MailGenerator g = generator(9);
    for (int i = 0; i < 100; i++) {
      byte[] bytes = g.generate(i).bytes();
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(text).as("ends in CRLF").endsWith("\r\n");
      assertThat(text.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\r", "\n");
      for (String line : text.split("\r\n")) {
        assertThat(line.length()).as("line length").isLessThanOrEqualTo(998);
      }
      long non7bit = text.chars().filter(c -> c > 127 || c == 0).count();
      assertThat(non7bit).as("bytes outside 7bit").isZero();
      assertThat(text).doesNotContain("Content-Transfer-Encoding: quoted-printable", "8bit");
    }
  }

  @Test
  void shouldMakeJournalReportsWithTheOriginalAttached() throws Exception {
    MailGenerator g =
        new MailGenerator(
            MailGeneratorConfig.builder().seed(3).journalFraction(1.0).recipients(2, 4).build());
    GeneratedMail mail = g.generate(0);
    MimeMessage report = new MimeMessage(SESSION, new ByteArrayInputStream(mail.bytes()));

    assertThat(report.getHeader("X-MS-Journal-Report")).isNotNull();
    assertThat(mail.from()).isEqualTo("journaling@corp.example.com");
    assertThat(mail.rcpts()).containsExactly("journal@archive.example.com");
    Multipart parts = (Multipart) report.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    String envelope = (String) parts.getBodyPart(0).getContent();
    assertThat(envelope)
        .contains("Sender: user")
        .contains("To: contact")
        .contains("Message-Id: <m-0.orig.");
    Part attached = parts.getBodyPart(1);
    assertThat(attached.isMimeType("message/rfc822")).as("second part type").isTrue();
    MimeMessage original = (MimeMessage) attached.getContent();
    assertThat(original.getMessageID()).startsWith("<m-0.orig.");
    assertThat(envelope).contains("Sender: " + original.getFrom()[0]);
  }

  @Test
  void shouldMakeBccCopiesWithTheOriginalSenderAsEnvelopeSender() throws Exception {
    MailGenerator g =
        new MailGenerator(
            MailGeneratorConfig.builder()
                .seed(3)
                .journalFraction(0.0)
                .archiveRecipients(List.of("a@archive.example.com", "b@archive.example.com"))
                .envelopeRecipients(2)
                .build());
    GeneratedMail mail = g.generate(1);
    MimeMessage copy = new MimeMessage(SESSION, new ByteArrayInputStream(mail.bytes()));

    assertThat(copy.getHeader("X-MS-Journal-Report")).isNull();
    assertThat(mail.from()).isEqualTo(copy.getFrom()[0].toString()).endsWith("@corp.example.com");
    assertThat(mail.rcpts())
        .containsExactlyInAnyOrder("a@archive.example.com", "b@archive.example.com");
  }

  @Test
  void shouldDrawSizesAroundTheMedianWithinTheCap() {
    MailGenerator g =
        new MailGenerator(
            MailGeneratorConfig.builder().seed(11).size(20_000, 60_000).sizeSigma(0.8).build());
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      sizes.add(g.generate(i).sizeBytes());
    }
    int[] sorted = sizes.stream().mapToInt(Integer::intValue).sorted().toArray();
    int median = sorted[sorted.length / 2];
    double tolerance = 0.15;
    assertThat((double) median)
        .as("median %d bytes, expected 20000 ± %.0f%%", median, tolerance * 100)
        .isBetween(20_000 * (1 - tolerance), 20_000 * (1 + tolerance));
    assertThat(sorted[sorted.length - 1])
        .as("largest vs cap 60000 (+ headers)")
        .isLessThanOrEqualTo(62_000);
    assertThat(Arrays.stream(sorted).filter(s -> s > 40_000).count())
        .as("a tail exists")
        .isPositive();
  }
}
