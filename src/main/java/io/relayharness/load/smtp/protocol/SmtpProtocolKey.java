package io.relayharness.load.smtp.protocol;

import io.gatling.core.CoreComponents;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import scala.Function1;

/** Tells Gatling how to make {@link SmtpComponents} from a {@link SmtpProtocol}. Stateless. */
final class SmtpProtocolKey implements ProtocolKey<SmtpProtocol, SmtpComponents> {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Protocol> protocolClass() {
    return (Class) SmtpProtocol.class;
  }

  @Override
  public SmtpProtocol defaultProtocolValue(GatlingConfiguration configuration) {
    throw new IllegalStateException(
        "no SMTP protocol configured: add .protocols(SmtpDsl.smtp()...) to the setUp");
  }

  @Override
  public Function1<SmtpProtocol, SmtpComponents> newComponents(CoreComponents core) {
    return protocol -> protocol.components(core);
  }
}
