package io.relayharness.load.internal;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.relayharness.load.smtp.SmtpDsl.mailFeeder;
import static io.relayharness.load.smtp.SmtpDsl.smtp;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.relayharness.load.LoadCounters;
import io.relayharness.load.LoadRunSpec;
import io.relayharness.load.mail.MailGenerator;
import io.relayharness.load.smtp.SmtpProtocolBuilder;

/**
 * The simulation {@link io.relayharness.load.LoadRunner} runs: one generated message per user,
 * users arriving as the profile says. Reads its parameters from {@link RunContext}. Public with a
 * no-argument constructor because Gatling instantiates it by name.
 */
public final class SmtpLoadSimulation extends Simulation {

  private final SmtpProtocolBuilder protocol;

  public SmtpLoadSimulation() {
    RunContext context = RunContext.current();
    LoadRunSpec spec = context.spec();
    SmtpProtocolBuilder p =
        smtp(spec.smtp()).counters(context.counters()).phaseTimings(spec.phaseTimings());
    if (spec.ledgerFile() != null) {
      p = p.ledger(spec.ledgerFile());
    }
    protocol = p;

    LoadCounters counters = context.counters();
    ScenarioBuilder mail =
        scenario("smtp-load")
            .stopLoadGeneratorIf(
                session -> counters.stopReason(), session -> counters.stopReason() != null)
            .feed(mailFeeder(new MailGenerator(spec.mail())))
            .exec(smtp("send").send().message("#{mail}"));
    setUp(mail.injectOpen(spec.profile().toGatling())).protocols(protocol);
  }

  @Override
  public void after() {
    protocol.protocol().close(RunContext.current().spec().closeTimeout());
  }
}
