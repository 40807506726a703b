package io.relayharness.topology;

import io.relayharness.ledger.BodyHash;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends simple test messages to the relay with Jakarta Mail over a few reused connections, each
 * with an {@code X-Harness-Id} and body hash, and remembers the hash it sent per id. Thread-safe.
 */
final class TestMail {

  private final String host;
  private final int port;
  final Map<String, String> sentHashById = new ConcurrentHashMap<>();

  TestMail(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /**
   * Sends {@code count} messages with ids {@code prefix-0..}, over {@code connections} sessions.
   */
  List<String> send(String prefix, int count, int connections) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    List<Future<?>> jobs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int lane = c;
      jobs.add(
          pool.submit(
              () -> {
                Session session = Session.getInstance(props());
                try (Transport transport = session.getTransport("smtp")) {
                  transport.connect(host, port, null, null);
                  for (int i = lane; i < count; i += connections) {
                    MimeMessage m = message(session, prefix + "-" + i);
                    transport.sendMessage(m, m.getAllRecipients());
                  }
                }
                return null;
              }));
    }
    for (Future<?> job : jobs) {
      job.get();
    }
    pool.shutdown();
    for (int i = 0; i < count; i++) {
      ids.add(prefix + "-" + i);
    }
    return ids;
  }

  private MimeMessage message(Session session, String id) throws MessagingException {
    // Chosen bytes, so the hash the sink computes can be checked against the one sent.
    String body =
        "Journal copy " + id + "\r\n" + "x".repeat(200 + id.hashCode() % 100 + 100) + "\r\n";
    String hash = BodyHash.of(("\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
    String raw =
        "From: sender@corp.example.com\r\n"
            + "To: journal@archive.example.com\r\n"
            + "Subject: test "
            + id
            + "\r\n"
            + "Message-ID: <"
            + id
            + "@harness.example.com>\r\n"
            + BodyHash.ID_HEADER
            + ": "
            + id
            + "\r\n"
            + BodyHash.HEADER
            + ": "
            + hash
            + "\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n"
            + "\r\n"
            + body;
    MimeMessage m =
        new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress("journal@archive.example.com"));
    sentHashById.put(id, hash);
    return m;
  }

  private static Properties props() {
    Properties p = new Properties();
    p.put("mail.smtp.connectiontimeout", "5000");
    p.put("mail.smtp.timeout", "20000");
    p.put("mail.smtp.from", "sender@corp.example.com");
    p.put("mail.smtp.localhost", "injector.corp.example.com");
    return p;
  }
}
