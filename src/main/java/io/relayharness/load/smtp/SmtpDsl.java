package io.relayharness.load.smtp;

import io.relayharness.load.mail.GeneratedMail;
import io.relayharness.load.mail.MailGenerator;
import io.relayharness.load.smtp.client.SmtpClientConfig;
import java.util.Iterator;
import java.util.Map;

/**
 * The SMTP protocol for Gatling's Java DSL.
 *
 * <pre>{@code
 * SmtpProtocolBuilder protocol = smtp().host("127.0.0.1").port(2525).maxConnectionsPerEventLoop(4);
 * ScenarioBuilder scn = scenario("mail")
 *     .feed(mailFeeder(generator))
 *     .exec(smtp("send").send().message("#{mail}"));
 * }</pre>
 *
 * Stateless; thread-safe.
 */
public final class SmtpDsl {

  /** The session attribute {@link #mailFeeder} fills with a {@link GeneratedMail}. */
  public static final String MAIL_ATTRIBUTE = "mail";

  private SmtpDsl() {}

  /** Starts an SMTP protocol definition with the client defaults. */
  public static SmtpProtocolBuilder smtp() {
    return new SmtpProtocolBuilder();
  }

  /** Starts an SMTP protocol definition from ready client settings. */
  public static SmtpProtocolBuilder smtp(SmtpClientConfig config) {
    return new SmtpProtocolBuilder(config);
  }

  /** Starts an SMTP request named {@code requestName} (the name in Gatling's report). */
  public static SmtpRequest smtp(String requestName) {
    return new SmtpRequest(requestName);
  }

  /**
   * Returns an endless feeder of generated mail under the attribute {@value #MAIL_ATTRIBUTE}, for
   * {@code .feed(...)} and {@code .message("#{mail}")}.
   */
  public static Iterator<Map<String, Object>> mailFeeder(MailGenerator generator) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Map<String, Object> next() {
        return Map.of(MAIL_ATTRIBUTE, generator.next());
      }
    };
  }
}
