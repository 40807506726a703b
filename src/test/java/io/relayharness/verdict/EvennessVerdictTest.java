package io.relayharness.verdict;

import static io.relayharness.observe.Fixtures.T0;
import static io.relayharness.observe.Fixtures.arrival;
import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.RunObservations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvennessVerdictTest {

  /** Arrivals split as {@code counts[i]} messages to worker i. */
  private static RunObservations split(int... counts) {
    List<SinkArrival> arrivals = new ArrayList<>();
    int n = 0;
    for (int w = 0; w < counts.length; w++) {
      for (int i = 0; i < counts[w]; i++, n++) {
        arrivals.add(arrival("h" + n, "worker" + w, "Q" + n, T0 + n));
      }
    }
    return RunObservations.builder().arrivals(arrivals).build();
  }

  @Test
  void shouldPassAnEvenSplit() {
    assertThat(new EvennessVerdict().evaluate(split(100, 100, 100)))
        .passed()
        .hasFigure("pValue", 1.0)
        .hasFigure("maxRelativeDeviation", 0.0);
  }

  @Test
  void shouldFailTheConnectionCacheSkewWithTheCounts() {
    VerdictResult result = new EvennessVerdict().evaluate(split(40, 193, 67));

    assertThat(result)
        .failed()
        .summaryContains(
            "worker0=40 worker1=193 worker2=67 of 300", "expected 100/100/100", "p=", "93.0%");
    org.assertj.core.api.Assertions.assertThat(result.figure("pValue"))
        .as("chi2 = 133.38 with 2 df: p = exp(-66.69)")
        .isCloseTo(Math.exp(-66.69), org.assertj.core.data.Percentage.withPercentage(1e-6));
  }

  @Test
  void shouldHonourUnequalWeights() {
    EvennessConfig oneToTwo =
        new EvennessConfig(Map.of("worker0", 1.0, "worker1", 2.0), 0.001, 0.25);

    assertThat(new EvennessVerdict(oneToTwo).evaluate(split(100, 200))).passed();
    assertThat(new EvennessVerdict(oneToTwo).evaluate(split(150, 150)))
        .failed()
        .summaryContains("expected 100/200");
  }

  @Test
  void shouldFailWhenAWeightZeroWorkerGetsMail() {
    EvennessConfig drained =
        new EvennessConfig(Map.of("worker0", 1.0, "worker1", 1.0, "worker2", 0.0), 0.001, 0.25);

    assertThat(new EvennessVerdict(drained).evaluate(split(100, 100, 0))).passed();
    assertThat(new EvennessVerdict(drained).evaluate(split(100, 99, 1)))
        .failed()
        .summaryContains("weight-0 workers got mail: worker2=1");
  }

  @Test
  void shouldCountOnlyFirstArrivals() {
    List<SinkArrival> arrivals = new ArrayList<>(split(10, 10, 10).arrivals());
    for (int i = 0; i < 10; i++) {
      arrivals.add(arrival("h" + i, "worker1", "Q" + i, T0 + 10_000 + i));
    }

    assertThat(new EvennessVerdict().evaluate(RunObservations.builder().arrivals(arrivals).build()))
        .passed()
        .hasFigure("observed.worker1", 10);
  }
}
