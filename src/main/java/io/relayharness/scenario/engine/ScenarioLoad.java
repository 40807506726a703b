package io.relayharness.scenario.engine;

import io.relayharness.load.LoadRunSpec;
import io.relayharness.load.mail.MailGeneratorConfig;
import io.relayharness.load.profile.LoadProfile;
import io.relayharness.load.smtp.client.AuthMechanism;
import io.relayharness.load.smtp.client.PipeliningMode;
import io.relayharness.load.smtp.client.SmtpClientConfig;
import io.relayharness.load.smtp.client.SmtpCredentials;
import io.relayharness.load.smtp.client.StartTlsMode;
import io.relayharness.load.smtp.client.TlsTrust;
import io.relayharness.scenario.ClientSpec;
import io.relayharness.scenario.LoadStep;
import io.relayharness.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a scenario's client, load and mail sections into the injector's {@link LoadRunSpec}: the
 * open-model profile (warm-up, then the steps), the SMTP client options, and the generator with the
 * scenario's recipient pool (known {@code r<i>@} and, for a share, unknown {@code unknown-<i>@}
 * recipients). Stateless; thread-safe.
 */
final class ScenarioLoad {

  /** Gatling's console output (its summary every 5 s, report messages), in the run folder. */
  static final String CONSOLE_LOG = "gatling-console.log";

  private ScenarioLoad() {}

  static LoadRunSpec build(Scenario s, String host, int port, String idPrefix, Path folder) {
    LoadProfile.Builder profile = LoadProfile.builder();
    if (s.load().warmUpSeconds() > 0 && s.load().warmUpRatePerSec() > 0) {
      profile.warmUp(s.load().warmUpRatePerSec(), s.load().warmUpSeconds());
    }
    for (LoadStep step : s.load().steps()) {
      if (step instanceof LoadStep.Constant c) {
        profile.constant(c.ratePerSec(), c.seconds());
      } else if (step instanceof LoadStep.Ramp r) {
        profile.ramp(r.fromRatePerSec(), r.toRatePerSec(), r.seconds());
      } else if (step instanceof LoadStep.Spike p) {
        profile.spike(p.ratePerSec(), p.seconds());
      }
    }
    MailGeneratorConfig mail =
        MailGeneratorConfig.builder()
            .seed(s.mail().seed())
            .idPrefix(idPrefix)
            .size(s.mail().sizeMedianBytes(), s.mail().sizeCapBytes())
            .journalFraction(journalFraction(s))
            .attachmentProbability(s.mail().attachmentShare())
            .archiveRecipients(recipients(s))
            .envelopeRecipients(s.load().recipients())
            .senderDomain(s.load().fromDomain())
            .senderPool(s.load().senderPool())
            .build();
    return LoadRunSpec.builder()
        .smtp(client(s.client(), host, port))
        .profile(profile.build())
        .mail(mail)
        .ledgerFile(folder.resolve("accepted.jsonl"))
        .resultsFolder(folder.resolve("gatling"))
        .description(s.name())
        .consoleLog(folder.resolve(CONSOLE_LOG))
        .build();
  }

  private static double journalFraction(Scenario s) {
    double total = s.mail().journalShare() + s.mail().bccShare();
    return total <= 0 ? 0 : s.mail().journalShare() / total;
  }

  /** Known recipients r0..r(n-1), plus unknown ones in the share the scenario asks for. */
  static List<String> recipients(Scenario s) {
    String domain = s.load().toDomain();
    int known = s.load().recipientPool();
    double share = s.load().unknownRecipientShare();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < known; i++) {
      out.add("r" + i + "@" + domain);
    }
    int unknown = share <= 0 ? 0 : (int) Math.round(known * share / (1 - Math.min(share, 0.99)));
    for (int i = 0; i < unknown; i++) {
      out.add("unknown-" + i + "@" + domain);
    }
    java.util.Collections.shuffle(out, new java.util.Random(s.mail().seed()));
    return out;
  }

  private static SmtpClientConfig client(ClientSpec c, String host, int port) {
    int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
    SmtpClientConfig.Builder config =
        SmtpClientConfig.builder()
            .target(host, port)
            .heloName(c.helo())
            .maxConnectionsPerEventLoop(Math.max(1, (c.maxConnections() + loops - 1) / loops))
            .pipelining(c.pipelining() ? PipeliningMode.AUTO : PipeliningMode.OFF)
            .tlsTrust(TlsTrust.trustAll())
            .startTls(
                switch (c.starttls()) {
                  case OFF -> StartTlsMode.OFF;
                  case OPPORTUNISTIC -> StartTlsMode.OPPORTUNISTIC;
                  case REQUIRED -> StartTlsMode.REQUIRED;
                });
    if (c.authUser() != null) {
      config.credentials(new SmtpCredentials(c.authUser(), c.authPassword(), AuthMechanism.PLAIN));
    }
    return config.build();
  }
}
