package io.relayharness.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayharness.observe.RunObservations;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictsTest {

  @Test
  void shouldBuildEveryKeyOfTheContractWithItsDefaults() {
    Map<String, Map<String, Object>> expect = new LinkedHashMap<>();
    for (String key :
        List.of(
            "loss",
            "duplicates",
            "integrity",
            "evenness",
            "queueing",
            "retryTiming",
            "slo",
            "delivery",
            "rejected")) {
      expect.put(key, null);
    }

    List<Verdict> verdicts = Verdicts.fromExpectations(expect);

    assertThat(verdicts).extracting(Verdict::name).containsExactlyElementsOf(expect.keySet());
    assertThat(Verdicts.spec("slo").validate(null).values())
        .containsEntry("minAcceptedRate", 100.0)
        .containsEntry("maxP95Ms", 2000.0)
        .containsEntry("maxP99Ms", null)
        .containsEntry("maxErrorRate", 0.001);
    assertThat(Verdicts.spec("duplicates").validate(Map.of()).values())
        .containsEntry("maxUnexplained", 0)
        .containsEntry("maxTotal", null);
    assertThat(Verdicts.spec("evenness").validate(null).weights("weights"))
        .containsOnlyKeys("worker0", "worker1", "worker2");
  }

  @Test
  void shouldTakeParametersAsYamlGivesThem() {
    Map<String, Object> queueing =
        new HashMap<>(Map.of("during", "all-down", "minPeak", 1, "maxDrainSeconds", 60));
    Map<String, Object> evenness =
        Map.of("weights", Map.of("worker0", 1, "worker1", 2, "worker2", 0), "minPValue", 0.01);

    List<Verdict> verdicts =
        Verdicts.fromExpectations(Map.of("queueing", queueing, "evenness", evenness));

    assertThat(verdicts).hasSize(2);
    assertThat(Verdicts.spec("queueing").validate(queueing).number("maxDrainSeconds"))
        .isEqualTo(60.0);
  }

  @Test
  void shouldNameUnknownKeysParametersAndBadValues() {
    assertThatThrownBy(() -> Verdicts.fromExpectations(Map.of("losss", Map.of())))
        .hasMessageContaining("expect: unknown key 'losss'")
        .hasMessageContaining("known: relayHealth, accounting, loss, duplicates");
    assertThatThrownBy(() -> Verdicts.fromExpectations(Map.of("loss", Map.of("maxLosts", 0))))
        .hasMessage("expect.loss: unknown parameter 'maxLosts' (known: maxLost, allowNoData)");
    assertThatThrownBy(() -> Verdicts.fromExpectations(Map.of("loss", Map.of("maxLost", -1))))
        .hasMessage("expect.loss.maxLost: must be >= 0, was -1");
    assertThatThrownBy(
            () -> Verdicts.fromExpectations(Map.of("retryTiming", Map.of("toleranceMs", 2.5))))
        .hasMessageContaining("expect.retryTiming.toleranceMs: expected a whole number, was '2.5'");
    assertThatThrownBy(() -> Verdicts.fromExpectations(Map.of("slo", Map.of("maxErrorRate", 2))))
        .hasMessageContaining("expect.slo.maxErrorRate: must be <= 1, was 2");
    Map<String, Object> nullLoss = new HashMap<>();
    nullLoss.put("maxLost", null);
    assertThatThrownBy(() -> Verdicts.validate(Map.of("loss", nullLoss)))
        .hasMessage("expect.loss.maxLost: must not be null");
    assertThatThrownBy(
            () ->
                Verdicts.fromExpectations(
                    Map.of("evenness", Map.of("weights", Map.of("worker0", -1)))))
        .hasMessageContaining("expect.evenness.weights.worker0: weight must be a number >= 0");
    assertThatThrownBy(
            () ->
                Verdicts.fromExpectations(
                    Map.of("rejected", Map.of("codes", java.util.List.of(450, 650)))))
        .hasMessageContaining("expect.rejected.codes: 650 is not an SMTP reply code (200..599)");
  }

  @Test
  void shouldTurnACrashingVerdictIntoAFailedResult() {
    Verdict broken =
        new Verdict() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public VerdictResult evaluate(RunObservations observations) {
            throw new IllegalStateException("boom");
          }
        };

    List<VerdictResult> results =
        Verdicts.evaluateAll(
            List.of(broken, new LossVerdict(new LossConfig(0, true))),
            RunObservations.builder().build());

    assertThat(results).extracting(VerdictResult::passed).containsExactly(false, true);
    assertThat(results.get(0).summary()).contains("boom");
    assertThat(Verdicts.allPassed(results)).isFalse();
  }
}
