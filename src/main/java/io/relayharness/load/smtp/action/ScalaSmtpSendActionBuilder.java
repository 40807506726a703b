package io.relayharness.load.smtp.action;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;
import io.relayharness.load.smtp.protocol.SmtpComponents;
import io.relayharness.load.smtp.protocol.SmtpProtocol;

/** Gatling's side of {@code smtp(name).send()}: builds the action with the protocol's runtime. */
public final class ScalaSmtpSendActionBuilder implements ActionBuilder {

  private final String requestName;
  private final SessionValue<Object> from;
  private final SessionValue<Object> rcpts;
  private final SessionValue<Object> message;

  public ScalaSmtpSendActionBuilder(
      String requestName,
      SessionValue<Object> from,
      SessionValue<Object> rcpts,
      SessionValue<Object> message) {
    this.requestName = requestName;
    this.from = from;
    this.rcpts = rcpts;
    this.message = message;
  }

  @Override
  public Action build(ScenarioContext ctx, Action next) {
    SmtpComponents components = ctx.protocolComponentsRegistry().components(SmtpProtocol.KEY);
    return new SmtpSendAction(requestName, from, rcpts, message, components, next);
  }
}
