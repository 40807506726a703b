package io.relayharness.load.smtp.action;

import io.gatling.commons.stats.Status;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import scala.Option;

/** Reports one SMTP response to Gatling's stats engine with its reply code. Stateless. */
final class SmtpReplyCodes {

  private SmtpReplyCodes() {}

  /** Logs a response; {@code code} 0 means no SMTP reply, {@code message} null means none. */
  static void log(
      StatsEngine stats,
      Session session,
      String requestName,
      long startMs,
      long endMs,
      Status status,
      int code,
      String message) {
    stats.logResponse(
        session.scenario(),
        session.groups(),
        requestName,
        startMs,
        endMs,
        status,
        code == 0 ? Option.empty() : Option.apply(Integer.toString(code)),
        message == null ? Option.empty() : Option.apply(message));
  }
}
