package io.relayharness.load.smtp;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import io.relayharness.load.mail.GeneratedMail;
import io.relayharness.load.smtp.action.ScalaSmtpSendActionBuilder;
import io.relayharness.load.smtp.action.SessionValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code smtp(name).send().from(..).to(..).message(..)}. Values are Gatling EL strings ({@code
 * "#{mail}"}), functions of the session, or constants. The message is a {@link GeneratedMail}
 * (whose envelope is used unless {@code from}/{@code to} override it), a {@code byte[]} or a
 * String. Immutable; thread-safe.
 */
public final class SmtpSendActionBuilder implements ActionBuilder {

  private final String requestName;
  private final SessionValue<Object> from;
  private final SessionValue<Object> rcpts;
  private final SessionValue<Object> message;

  SmtpSendActionBuilder(
      String requestName,
      SessionValue<Object> from,
      SessionValue<Object> rcpts,
      SessionValue<Object> message) {
    this.requestName = requestName;
    this.from = from;
    this.rcpts = rcpts;
    this.message = message;
  }

  /** Sets the envelope sender from an EL string (a plain address is a constant). */
  public SmtpSendActionBuilder from(String el) {
    return new SmtpSendActionBuilder(requestName, SessionValue.el(el), rcpts, message);
  }

  /** Sets the envelope sender from a function of the session. */
  public SmtpSendActionBuilder from(Function<Session, String> function) {
    return new SmtpSendActionBuilder(requestName, SessionValue.of(function::apply), rcpts, message);
  }

  /**
   * Sets the envelope recipients from an EL string resolving to an address, a list of them, or a
   * comma-separated list.
   */
  public SmtpSendActionBuilder to(String el) {
    return new SmtpSendActionBuilder(requestName, from, SessionValue.el(el), message);
  }

  /** Sets several constant envelope recipients. */
  public SmtpSendActionBuilder to(String first, String... more) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(List.of(more));
    return to(all);
  }

  /** Sets constant envelope recipients. */
  public SmtpSendActionBuilder to(List<String> addresses) {
    Object value = List.copyOf(addresses);
    return new SmtpSendActionBuilder(requestName, from, SessionValue.constant(value), message);
  }

  /** Sets the envelope recipients from a function of the session. */
  public SmtpSendActionBuilder toEach(Function<Session, List<String>> function) {
    return new SmtpSendActionBuilder(requestName, from, SessionValue.of(function::apply), message);
  }

  /** Sets the message from an EL string, e.g. {@code "#{mail}"} filled by a feeder. */
  public SmtpSendActionBuilder message(String el) {
    return new SmtpSendActionBuilder(requestName, from, rcpts, SessionValue.el(el));
  }

  /** Sets the message from a function of the session (GeneratedMail, byte[] or String). */
  public SmtpSendActionBuilder message(Function<Session, Object> function) {
    return new SmtpSendActionBuilder(requestName, from, rcpts, SessionValue.of(function));
  }

  /** Sends the same generated message every time (e.g. benchmarks). */
  public SmtpSendActionBuilder message(GeneratedMail mail) {
    return new SmtpSendActionBuilder(requestName, from, rcpts, SessionValue.constant(mail));
  }

  /** Sends the same bytes every time. */
  public SmtpSendActionBuilder message(byte[] bytes) {
    Object copy = bytes.clone();
    return new SmtpSendActionBuilder(requestName, from, rcpts, SessionValue.constant(copy));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    if (message == null) {
      throw new IllegalStateException("smtp(\"" + requestName + "\").send() needs .message(...)");
    }
    return new ScalaSmtpSendActionBuilder(requestName, from, rcpts, message);
  }
}
