package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line overrides are applied to the file's tree, then validated like the file. */
class ScenarioOverridesTest {

  private static final String FILE = "scenarios/x.yaml";
  private static final String BASE =
      """
      description: a test scenario
      load:
        steps:
          - constant: {rate: 100, seconds: 10}
          - ramp: {from: 100, to: 50, seconds: 30}
      timeline:
        - {at: 10s, for: 5s, name: down, action: proxy-down, target: worker1}
      expect:
        loss:
      """;

  @TempDir Path project;

  private Scenario load(Overrides overrides) throws ScenarioException {
    return new ScenarioLoader(project).parse("x", FILE, BASE, overrides);
  }

  private List<String> errors(Overrides overrides) {
    return catchThrowableOfType(ScenarioException.class, () -> load(overrides)).errors();
  }

  private static Overrides sets(String... sets) {
    return new Overrides(List.of(sets), null, null);
  }

  @Test
  void shouldSetAValueByKeyPath() throws ScenarioException {
    Scenario s =
        load(sets("load.steps[0].constant.rate=200", "relay.overrides.queue_run_delay=5s"));
    assertThat(s.load().steps().get(0)).isEqualTo(new LoadStep.Constant(200, 10));
    assertThat(s.relay().overrides()).containsEntry("queue_run_delay", "5s");
    assertThat(s.effectiveYaml()).contains("rate: 200").contains("queue_run_delay: 5s");
  }

  @Test
  void shouldReadSetValuesAsYaml() throws ScenarioException {
    Scenario s =
        load(sets("client.pipelining=false", "relay.overrides.smtp_connection_cache_on_demand=no"));
    assertThat(s.client().pipelining()).isFalse();
    assertThat(s.relay().overrides()).containsEntry("smtp_connection_cache_on_demand", "no");
  }

  @Test
  void shouldValidateWhatASetProduces() {
    assertThat(errors(sets("load.steps[0].constant.rate=-3")))
        .containsExactly(
            FILE + ": load.steps[0].constant.rate: -3 is out of bounds (allowed: 0 to 5000)");
    assertThat(errors(sets("load.warmup.rate=3")))
        .containsExactly(FILE + ": load.warmup: unknown key (did you mean 'warmUp'?)");
  }

  @Test
  void shouldCheckARelayOverrideGivenWithSet() {
    assertThat(errors(sets("relay.overrides.minimal_backoff_time=banana")))
        .as("errors of --set relay.overrides.minimal_backoff_time=banana")
        .containsExactly(
            FILE
                + ": relay.overrides.minimal_backoff_time: 'banana' is not a Postfix time value"
                + " (e.g. 5s, 10m, 1h)");
    assertThat(errors(sets("relay.overrides.qmgr_message_active_limit=0")))
        .as("errors of --set relay.overrides.qmgr_message_active_limit=0")
        .containsExactly(
            FILE + ": relay.overrides.qmgr_message_active_limit: '0' is below the minimum 1");
  }

  @Test
  void shouldRefuseASetOutsideAList() {
    assertThat(errors(sets("load.steps[5].constant.rate=1")))
        .containsExactly(
            FILE
                + ": --set load.steps[5].constant.rate: index 5 is out of range (load.steps has 2"
                + " entries)");
    assertThat(errors(sets("load.steps")))
        .containsExactly(FILE + ": --set load.steps: expected key.path=value");
  }

  @Test
  void shouldScaleRatesSoThePeakBecomesTheGivenRate() throws ScenarioException {
    Scenario s = load(new Overrides(List.of(), 50.0, null));
    assertThat(s.load().steps())
        .containsExactly(new LoadStep.Constant(50, 10), new LoadStep.Ramp(50, 25, 30));
    assertThat(s.load().warmUpRatePerSec()).as("warm-up untouched").isEqualTo(20.0);
  }

  @Test
  void shouldStretchStepsToTheGivenDuration() throws ScenarioException {
    Scenario s = load(new Overrides(List.of(), null, "1m20s"));
    assertThat(s.load().steps())
        .containsExactly(new LoadStep.Constant(100, 20), new LoadStep.Ramp(100, 50, 60));
    assertThat(s.load().stepsSeconds()).isEqualTo(80);
  }

  @Test
  void shouldRefuseADurationThatCutsTheTimeline() {
    assertThat(errors(new Overrides(List.of(), null, "12s")))
        .containsExactly(
            FILE
                + ": timeline[0].for: 5s makes the window end at 15s, past the end of the load (12s,"
                + " the sum of load.steps)");
    assertThat(errors(new Overrides(List.of(), null, "1.5s")))
        .containsExactly(
            FILE + ": --duration: '1.5s' is not a whole number of seconds above 0 (e.g. 30s, 2m)");
  }

  @Test
  void shouldApplySetsBeforeRateAndDuration() throws ScenarioException {
    Scenario s = load(new Overrides(List.of("load.steps[0].constant.rate=400"), 200.0, "40s"));
    assertThat(s.load().steps())
        .containsExactly(new LoadStep.Constant(200, 10), new LoadStep.Ramp(50, 25, 30));
  }
}
