package io.relayharness.scenario.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.RelayHealthVerdict;
import io.relayharness.verdict.VerdictResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every relay of a tier is judged: a tier relay's broken daemon fails relayHealth, by name. */
class TierRelayHealthTest {

  private static final String TS = "2026-11-26T07:10:00.000000000Z ";

  @Test
  void shouldNameTheTierRelayWhoseQueueManagerDied() {
    String log =
        String.join(
            "\n",
            TS + "Nov 26 07:10:00 relay1 postfix/master[1]: daemon started",
            TS
                + "Nov 26 07:10:01 relay1 postfix/qmgr[77]: fatal: parameter"
                + " minimal_backoff_time: bad time value or unit: banana");

    List<RelayWarning> warnings = DockerScenarioEngine.tierRelayWarnings("relay1", log);
    VerdictResult r =
        new RelayHealthVerdict().evaluate(RunObservations.builder().warnings(warnings).build());

    assertThat(warnings).hasSize(1);
    assertThat(r.passed()).as("a tier relay's fatal line fails the run").isFalse();
    assertThat(r.summary())
        .as("the relay is named, then its own line")
        .contains("relay1: Nov 26 07:10:01 relay1 postfix/qmgr[77]: fatal: parameter");
  }

  @Test
  void shouldKeepOnlyTheLinesThatSayTheRelayIsBroken() {
    String log =
        String.join(
            "\n",
            TS + "Nov 26 07:10:00 relay2 postfix/master[1]: daemon started",
            TS + "Nov 26 07:10:01 relay2 postfix/smtpd[40]: warning: hostname x does not resolve");

    assertThat(DockerScenarioEngine.tierRelayWarnings("relay2", log))
        .as("an ordinary warning is not a broken relay")
        .isEmpty();
  }
}
