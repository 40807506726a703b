package io.relayharness.load.mail;

import io.relayharness.ledger.BodyHash;
import io.relayharness.load.mail.internal.FixedMimeMessage;
import io.relayharness.load.mail.internal.FixedMultipart;
import io.relayharness.load.mail.internal.SizeDistribution;
import io.relayharness.load.mail.internal.TextFiller;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes archive mail: Exchange-style envelope journal reports and plain BCC copies, with log-normal
 * sizes, optional base64 attachments and several recipients. Message {@code i} is a pure function
 * of (settings, {@code i}): same seed, same bytes, whatever the thread. Every message is
 * 7bit/base64 with CRLF line ends and lines of at most 998 characters (so a relay has no reason to
 * rewrite the body), ends in CRLF, and carries {@code X-Harness-Id} and {@code X-Harness-Body-Hash}
 * (the {@link BodyHash} of exactly the bytes after the header block).
 *
 * <p>Thread-safe: {@link #next()} takes indexes from an atomic counter.
 */
public final class MailGenerator {

  private static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HELLO = "Hello,\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] REGARDS = "\r\nRegards\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final String TEXT_PLAIN = "text/plain; charset=us-ascii";
  private static final Session SESSION;

  static {
    // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader (a jar scan) on every
    // part and write; naming it in this property turns that into one reflective call.
    if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
      System.setProperty(
          STREAM_PROVIDER_PROPERTY, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
    SESSION = Session.getInstance(new Properties());
  }

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final String[] SUBJECT_WORDS = {
    "Quarterly",
    "report",
    "Invoice",
    "Meeting",
    "notes",
    "Contract",
    "renewal",
    "Budget",
    "approval",
    "Project",
    "status",
    "Audit",
    "request",
    "Delivery",
    "schedule",
    "Legal",
    "hold"
  };

  private final MailGeneratorConfig config;
  private final SizeDistribution sizes;
  private final AtomicLong nextIndex = new AtomicLong();

  public MailGenerator(MailGeneratorConfig config) {
    this.config = config;
    this.sizes =
        new SizeDistribution(
            config.medianSizeBytes(), 1000, config.maxSizeBytes(), config.sizeSigma());
  }

  /** Returns the settings. */
  public MailGeneratorConfig config() {
    return config;
  }

  /** Returns the next message (index 0, 1, 2, ... across all callers). */
  public GeneratedMail next() {
    return generate(nextIndex.getAndIncrement());
  }

  /** Returns message number {@code index}; the same index always gives the same bytes. */
  public GeneratedMail generate(long index) {
    SplittableRandom random = new SplittableRandom(mix(config.seed(), index));
    Plan plan = plan(index, random);
    try {
      FixedMimeMessage original = original(plan, random);
      MimeMessage outer = original;
      if (plan.kind == MailKind.JOURNAL_REPORT) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream(plan.targetBytes + 1024);
        original.writeTo(inner);
        outer = journalReport(plan, inner.toByteArray(), original.getMessageID());
      }
      outer.setHeader(BodyHash.ID_HEADER, plan.id);
      outer.saveChanges();
      ByteArrayOutputStream raw = new ByteArrayOutputStream(plan.targetBytes + 2048);
      outer.writeTo(raw);
      byte[] rawBytes = raw.toByteArray();
      String bodyHash = BodyHash.of(rawBytes);
      byte[] bytes = withHashHeader(rawBytes, bodyHash);
      String envelopeFrom =
          plan.kind == MailKind.JOURNAL_REPORT ? config.journalSender() : plan.sender;
      return new GeneratedMail(
          plan.id,
          outer.getMessageID(),
          envelopeFrom,
          plan.envelopeRcpts,
          bytes,
          bodyHash); // the hash header goes into the header block: the body is unchanged
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("cannot generate message " + index, e);
    }
  }

  /** Returns the kind message {@code index} has. */
  public MailKind kindOf(long index) {
    return plan(index, new SplittableRandom(mix(config.seed(), index))).kind;
  }

  // ---- the random choices of one message, in a fixed order ----

  private Plan plan(long index, SplittableRandom random) {
    Plan p = new Plan();
    p.kind =
        random.nextDouble() < config.journalFraction()
            ? MailKind.JOURNAL_REPORT
            : MailKind.BCC_COPY;
    p.targetBytes = sizes.sample(random);
    p.attachment = random.nextDouble() < config.attachmentProbability();
    int count =
        config.minRecipients()
            + random.nextInt(config.maxRecipients() - config.minRecipients() + 1);
    p.sender = "user" + random.nextInt(config.senderPool()) + "@" + config.senderDomain();
    for (int i = 0; i < count; i++) {
      p.recipients.add(
          "contact" + random.nextInt(10_000) + "@partner" + random.nextInt(50) + ".example.net");
    }
    List<String> archive = config.archiveRecipients();
    int first = random.nextInt(archive.size());
    for (int i = 0; i < config.envelopeRecipients(); i++) {
      p.envelopeRcpts.add(archive.get((first + i) % archive.size()));
    }
    p.tag = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    p.id = config.idPrefix() + "-" + index;
    p.date = DATE.format(Instant.ofEpochMilli(config.baseEpochMs() + index * 1000));
    p.subject =
        SUBJECT_WORDS[random.nextInt(SUBJECT_WORDS.length)]
            + " "
            + SUBJECT_WORDS[random.nextInt(SUBJECT_WORDS.length)]
            + " "
            + (index % 10_000);
    return p;
  }

  // ---- MIME ----

  private FixedMimeMessage original(Plan p, SplittableRandom random) throws MessagingException {
    String messageId = "<" + p.id + ".orig." + p.tag + "@" + config.senderDomain() + ">";
    FixedMimeMessage m = new FixedMimeMessage(SESSION, messageId);
    m.setHeader("Date", p.date);
    m.setFrom(new InternetAddress(p.sender));
    int toCount = (p.recipients.size() + 1) / 2;
    m.setRecipients(Message.RecipientType.TO, addresses(p.recipients.subList(0, toCount)));
    if (toCount < p.recipients.size()) {
      m.setRecipients(
          Message.RecipientType.CC, addresses(p.recipients.subList(toCount, p.recipients.size())));
    }
    m.setSubject(p.subject, "us-ascii");
    int overhead = p.kind == MailKind.JOURNAL_REPORT ? 1300 + 60 * p.recipients.size() : 600;
    int budget = Math.max(200, p.targetBytes - overhead - (p.attachment ? 250 : 0));
    if (p.attachment) {
      int textBytes = budget * 2 / 5;
      int attachmentRawBytes = (budget - textBytes) * 3 / 4 * 76 / 78;
      byte[] blob = new byte[Math.max(1, attachmentRawBytes)];
      random.nextBytes(blob);
      FixedMultipart mixed = new FixedMultipart("mixed", "=_part_" + p.tag);
      mixed.addBodyPart(rawPart(TEXT_PLAIN, "7bit", text(textBytes, random), null));
      String name = "attachment-" + p.id + ".bin";
      mixed.addBodyPart(
          rawPart(
              "application/octet-stream; name=\"" + name + "\"",
              "base64",
              base64(blob),
              "attachment; filename=\"" + name + "\""));
      m.setContent(mixed);
    } else {
      m.setRawContent(text(budget, random), TEXT_PLAIN, "7bit");
    }
    m.saveChanges();
    return m;
  }

  private MimeMessage journalReport(Plan p, byte[] original, String originalId)
      throws MessagingException {
    String host = config.journalSender().substring(config.journalSender().indexOf('@') + 1);
    FixedMimeMessage report =
        new FixedMimeMessage(SESSION, "<" + p.id + ".journal." + p.tag + "@" + host + ">");
    report.setHeader("Date", p.date);
    report.setFrom(new InternetAddress(config.journalSender()));
    report.setRecipients(Message.RecipientType.TO, addresses(p.envelopeRcpts));
    report.setSubject(p.subject, "us-ascii");
    report.setHeader("X-MS-Journal-Report", "");
    StringBuilder envelope = new StringBuilder(256);
    envelope.append("Sender: ").append(p.sender).append("\r\n");
    envelope.append("Subject: ").append(p.subject).append("\r\n");
    envelope.append("Message-Id: ").append(originalId).append("\r\n");
    for (String rcpt : p.recipients) {
      envelope.append("To: ").append(rcpt).append("\r\n");
    }
    FixedMultipart mixed = new FixedMultipart("mixed", "=_journal_" + p.tag);
    mixed.addBodyPart(
        rawPart(TEXT_PLAIN, "7bit", envelope.toString().getBytes(StandardCharsets.US_ASCII), null));
    mixed.addBodyPart(rawPart("message/rfc822", "7bit", original, null));
    report.setContent(mixed);
    return report;
  }

  /** Returns a body part whose content is {@code bytes}, already encoded, written as is. */
  private static MimeBodyPart rawPart(
      String contentType, String encoding, byte[] bytes, String disposition)
      throws MessagingException {
    InternetHeaders headers = new InternetHeaders();
    headers.addHeader("Content-Type", contentType);
    headers.addHeader("Content-Transfer-Encoding", encoding);
    if (disposition != null) {
      headers.addHeader("Content-Disposition", disposition);
    }
    return new MimeBodyPart(headers, bytes);
  }

  private static byte[] base64(byte[] blob) {
    byte[] encoded = Base64.getMimeEncoder(76, CRLF).encode(blob);
    byte[] out = Arrays.copyOf(encoded, encoded.length + 2);
    out[encoded.length] = '\r';
    out[encoded.length + 1] = '\n';
    return out;
  }

  private static byte[] text(int bytes, SplittableRandom random) {
    int fillBytes = Math.max(0, bytes - 30);
    byte[] out =
        new byte[HELLO.length + fillBytes + TextFiller.MAX_OVERSHOOT_BYTES + REGARDS.length];
    System.arraycopy(HELLO, 0, out, 0, HELLO.length);
    int end = TextFiller.fill(out, HELLO.length, fillBytes, random);
    System.arraycopy(REGARDS, 0, out, end, REGARDS.length);
    return Arrays.copyOf(out, end + REGARDS.length);
  }

  private static InternetAddress[] addresses(List<String> list) throws MessagingException {
    InternetAddress[] out = new InternetAddress[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new InternetAddress(list.get(i));
    }
    return out;
  }

  /** Inserts {@code X-Harness-Body-Hash} as the last header; the body is unchanged. */
  private static byte[] withHashHeader(byte[] raw, String bodyHash) {
    int bodyStart = BodyHash.bodyStart(raw, 0, raw.length);
    if (bodyStart < 4 || raw[bodyStart - 2] != '\r') {
      throw new IllegalStateException("generated message has no CRLF header end");
    }
    byte[] header =
        (BodyHash.HEADER + ": " + bodyHash + "\r\n").getBytes(StandardCharsets.US_ASCII);
    int headerEnd = bodyStart - 2; // keep the last header's CRLF, drop the blank line for now
    byte[] out = new byte[raw.length + header.length];
    System.arraycopy(raw, 0, out, 0, headerEnd);
    System.arraycopy(header, 0, out, headerEnd, header.length);
    System.arraycopy(raw, headerEnd, out, headerEnd + header.length, raw.length - headerEnd);
    return out;
  }

  private static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The random choices for one message. Not thread-safe; one per call. */
  private static final class Plan {
    MailKind kind;
    int targetBytes;
    boolean attachment;
    String sender;
    final List<String> recipients = new ArrayList<>();
    final List<String> envelopeRcpts = new ArrayList<>();
    String tag;
    String id;
    String date;
    String subject;
  }
}
