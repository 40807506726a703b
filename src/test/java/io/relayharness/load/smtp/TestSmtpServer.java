package io.relayharness.load.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * An in-process SubEtha SMTP server on loopback for tests. Recipients choose the server's answer:
 * {@code rcpt-451@x} is refused at RCPT with 451, {@code eod-554@x} at the end of data with 554;
 * anything else is accepted with {@code 250 2.0.0 Ok: queued as Q<n>}. Counts messages and
 * concurrent connections. Thread-safe.
 */
public final class TestSmtpServer implements AutoCloseable {

  private static final Pattern RCPT_CODE = Pattern.compile("^rcpt-(\\d{3})@");
  private static final Pattern EOD_CODE = Pattern.compile("^eod-(\\d{3})@");

  /** One accepted message. */
  public record Received(String from, List<String> rcpts, byte[] bytes) {}

  private final SMTPServer server;
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private final AtomicLong queueIds = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger maxConnections = new AtomicInteger();
  private final AtomicLong sessions = new AtomicLong();

  private TestSmtpServer(Builder b) {
    SMTPServer.Builder sb =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .hostName("test-sink.example.com")
            .backlog(1000)
            .maxConnections(10_000)
            .messageHandlerFactory(this::newHandler)
            .sessionHandler(new CountingSessions());
    if (b.tls) {
      sb.enableTLS().startTlsSocketFactory(serverSslContext());
      if (b.requireTls) {
        sb.requireTLS();
      }
    }
    if (b.username != null) {
      String user = b.username;
      String password = b.password;
      sb.authenticationHandlerFactory(
          new EasyAuthenticationHandlerFactory(
              (u, p, ctx) -> {
                if (!user.equals(u) || !password.equals(p)) {
                  throw new LoginFailedException("bad credentials");
                }
              }));
      sb.requireAuth();
    }
    server = sb.build();
    server.start();
  }

  /** Starts a plain server that accepts everything (except the coded recipients). */
  public static TestSmtpServer start() {
    return builder().start();
  }

  /** Returns a builder for TLS and AUTH options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.getPortAllocated();
  }

  /** Returns the messages accepted so far. */
  public List<Received> received() {
    return new ArrayList<>(received);
  }

  /** Returns how many messages were accepted. */
  public int receivedCount() {
    return received.size();
  }

  /** Returns the most connections open at once. */
  public int maxConcurrentConnections() {
    return maxConnections.get();
  }

  /** Returns the connections open now. */
  public int openConnections() {
    return connections.get();
  }

  /** Returns how many sessions (connections) the server accepted in total. */
  public long sessions() {
    return sessions.get();
  }

  @Override
  public void close() {
    server.stop();
  }

  private MessageHandler newHandler(MessageContext ctx) {
    return new MessageHandler() {
      private String from;
      private final List<String> rcpts = new ArrayList<>();

      @Override
      public void from(String address) {
        from = address;
      }

      @Override
      public void recipient(String address) throws RejectException {
        Matcher m = RCPT_CODE.matcher(address);
        if (m.find()) {
          int code = Integer.parseInt(m.group(1));
          throw new RejectException(code, enhanced(code) + " refused by test server: " + address);
        }
        rcpts.add(address);
      }

      @Override
      public String data(InputStream data) throws RejectException, IOException {
        byte[] bytes = data.readAllBytes();
        for (String rcpt : rcpts) {
          Matcher m = EOD_CODE.matcher(rcpt);
          if (m.find()) {
            int code = Integer.parseInt(m.group(1));
            throw new RejectException(code, enhanced(code) + " content refused by test server");
          }
        }
        received.add(new Received(from, List.copyOf(rcpts), bytes));
        return "2.0.0 Ok: queued as Q" + queueIds.incrementAndGet();
      }

      @Override
      public void done() {}
    };
  }

  private static String enhanced(int code) {
    return code / 100 + ".3.0";
  }

  private static SSLContext serverSslContext() {
    try (InputStream in = TestSmtpServer.class.getResourceAsStream("/tls/test-server.p12")) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, "changeit".toCharArray());
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, "changeit".toCharArray());
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (Exception e) {
      throw new IllegalStateException("cannot load test TLS key", e);
    }
  }

  private final class CountingSessions implements SessionHandler {
    @Override
    public SessionAcceptance accept(Session session) {
      sessions.incrementAndGet();
      int now = connections.incrementAndGet();
      maxConnections.accumulateAndGet(now, Math::max);
      return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session session) {
      connections.decrementAndGet();
    }
  }

  /** Options of a test server. Not thread-safe. */
  public static final class Builder {
    private boolean tls;
    private boolean requireTls;
    private String username;
    private String password;

    /** Offers STARTTLS with the test certificate; {@code required} refuses mail without it. */
    public Builder startTls(boolean required) {
      this.tls = true;
      this.requireTls = required;
      return this;
    }

    /** Requires AUTH (PLAIN or LOGIN) with these credentials. */
    public Builder requireAuth(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    /** Starts the server. */
    public TestSmtpServer start() {
      return new TestSmtpServer(this);
    }
  }
}
