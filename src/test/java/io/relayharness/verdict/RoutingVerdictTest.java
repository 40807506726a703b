package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.accepted;
import static io.relayharness.observe.Fixtures.attempt;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.RunObservations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing per phase: who got the mail before, during and after a fault window. */
class RoutingVerdictTest {

  private static final VerdictContext CONTEXT =
      new VerdictContext(
          List.of("worker0", "worker1", "worker2"), Map.of(), List.of("worker1-down"));

  /** Load from T0 to T0+30 s; worker1 down from T0+10 s to T0+20 s. */
  private static RunObservations run(String duringWorkers, String outsideWorkers, int deferred) {
    List<DeliveryAttempt> attempts = new ArrayList<>();
    int q = 0;
    for (long t = T0; t < T0 + 30_000; t += 100) {
      boolean during = t >= T0 + 10_000 && t < T0 + 20_000;
      String workers = during ? duringWorkers : outsideWorkers;
      String w = "worker" + workers.charAt(q % workers.length());
      attempts.add(attempt("Q" + q++, t, DeliveryAttempt.SENT, w, "250 Ok"));
    }
    for (int i = 0; i < deferred; i++) {
      attempts.add(
          attempt("D" + i, T0 + 12_000 + i * 100, DeliveryAttempt.DEFERRED, "worker1", "refused"));
    }
    return RunObservations.builder()
        .run(T0, T0 + 30_000L)
        .accepted(List.of(accepted("h0", "Q0", T0)))
        .attempts(attempts)
        .faults(
            List.of(
                new FaultEvent(
                    T0 + 10_000, T0 + 20_000L, "proxy-down", "worker1", "", "worker1-down")))
        .build();
  }

  private static Verdict verdict(String yamlLikePhases) {
    Map<String, Object> phases =
        Map.of(
            "worker1-down",
            Map.of(
                "delivered",
                Map.of("worker1", "none", "worker0", "0.5 ± 0.1", "worker2", "0.5 ± 0.1"),
                "deferred",
                yamlLikePhases),
            "after",
            Map.of("worker1", ">= 0.2"));
    return RoutingConfig.SPEC.create(
        RoutingConfig.SPEC.validate(Map.of("phases", phases), CONTEXT));
  }

  @Test
  void shouldPassWhenTheDeadWorkerGetsNothingAndTheOthersShare() {
    assertThat(verdict("none").evaluate(run("02", "012", 0)))
        .passed()
        .hasFigure("worker1-down.delivered.worker1", 0)
        .hasFigure("worker1-down.delivered", 61);
  }

  @Test
  void shouldFailWhenTheDeadWorkerStillGetsMailInTheWindow() {
    assertThat(verdict("none").evaluate(run("012", "012", 0)))
        .failed()
        .summaryContains("phase worker1-down: worker1 delivered", "expected none");
  }

  @Test
  void shouldFailOnDeferralsWhereThePhaseSaysNone() {
    assertThat(verdict("none").evaluate(run("02", "012", 3)))
        .failed()
        .summaryContains("phase worker1-down: * deferred 3 of 3");
  }

  @Test
  void shouldFailWhenTheDeadWorkerNeverComesBack() {
    assertThat(verdict("none").evaluate(run("02", "02", 0)))
        .failed()
        .summaryContains("phase after: worker1 delivered 0 of");
  }

  @Test
  void shouldFailAnUnevenSplitBeyondItsTolerance() {
    assertThat(verdict("none").evaluate(run("0002", "012", 0)))
        .failed()
        .summaryContains("worker0 delivered 46 of 61 (75.4%), expected 0.5 ± 0.1");
  }

  @Test
  void shouldNotProveAnythingWithoutDeliveries() {
    RunObservations empty =
        RunObservations.builder()
            .run(T0, T0 + 30_000L)
            .faults(
                List.of(
                    new FaultEvent(
                        T0 + 10_000, T0 + 20_000L, "proxy-down", "worker1", "", "worker1-down")))
            .build();
    assertThat(verdict("none").evaluate(empty))
        .failed()
        .summaryContains("0 delivered", "need at least 20 to judge it");
  }

  @Test
  void shouldRequireADeferralWhereThePhaseNamesWhoIsDeferred() {
    Map<String, Object> onlyWorker1 = Map.of("worker1", "all");
    assertThat(verdict2(onlyWorker1).evaluate(run("02", "012", 0)))
        .failed()
        .summaryContains("0 deferred", "need at least 1");
    assertThat(verdict2(onlyWorker1).evaluate(run("02", "012", 4))).passed();
  }

  private static Verdict verdict2(Map<String, Object> deferred) {
    Map<String, Object> phases =
        Map.of(
            "worker1-down", Map.of("delivered", Map.of("worker1", "none"), "deferred", deferred));
    return RoutingConfig.SPEC.create(
        RoutingConfig.SPEC.validate(Map.of("phases", phases), CONTEXT));
  }
}
