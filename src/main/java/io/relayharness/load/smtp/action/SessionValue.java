package io.relayharness.load.smtp.action;

import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.session.Session;
import io.gatling.javaapi.core.internal.Expressions;
import java.util.function.Function;
import scala.Function1;

/**
 * A value taken from a virtual user's session when the action runs: a Gatling EL string such as
 * {@code "#{mail}"}, a Java function of the session, or a constant. Immutable; thread-safe.
 */
@FunctionalInterface
public interface SessionValue<T> {

  /**
   * Returns the value for {@code session}.
   *
   * @throws IllegalArgumentException when it cannot be resolved (missing attribute, bad EL)
   */
  T resolve(Session session);

  /** Returns the value of a Gatling EL string; its raw session object when it is one attribute. */
  static SessionValue<Object> el(String el) {
    Function1<Session, Validation<Object>> expression = Expressions.toExpression(el, Object.class);
    return session -> {
      Validation<Object> v = expression.apply(session);
      if (v instanceof Success<Object> s) {
        return s.value();
      }
      throw new IllegalArgumentException(((Failure) (Object) v).message());
    };
  }

  /** Returns the value of a function of the Java API session. */
  static <T> SessionValue<T> of(Function<io.gatling.javaapi.core.Session, T> function) {
    return session -> function.apply(new io.gatling.javaapi.core.Session(session));
  }

  /** Returns a constant. */
  static <T> SessionValue<T> constant(T value) {
    return session -> value;
  }
}
