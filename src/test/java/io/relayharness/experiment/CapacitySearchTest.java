package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.observe.QueueSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The knee search against a fake relay: it delivers at most {@code capacity} msg/s, so its queue
 * grows by (rate − capacity) a second above that, and the real {@link CapacityCriteria} judge its
 * queue samples.
 */
class CapacitySearchTest {

  private static final CapacityCriteria CRITERIA =
      new CapacityCriteria(2000, 5000, 0.001, CapacityCriteria.DEFAULT_QUEUE_GROWTH_SHARE);

  /** A relay that delivers {@code capacity} msg/s at most, sampled every 500 ms for 20 s. */
  private static CapacitySearch.Probe fakeRelay(double capacity, Random noise, List<Double> rates) {
    return (rate, repeat) -> {
      rates.add(rate);
      List<QueueSample> q = new ArrayList<>();
      long t0 = 1_000_000;
      double depth = 5;
      for (int i = 0; i <= 46; i++) {
        long t = t0 + i * 500L;
        if (t >= t0 + 3000) {
          depth += Math.max(0, rate - capacity) * 0.5;
        }
        int jitter = noise == null ? 0 : noise.nextInt(7) - 3;
        int total = (int) Math.max(0, Math.round(depth) + jitter);
        q.add(new QueueSample(t, 0, total, 0, 0, total, 0));
      }
      double e2e = rate > capacity ? 8000 : 40;
      CapacityCriteria.Judgement j =
          CRITERIA.judge(new CapacityCriteria.Figures(rate, t0 + 3000, t0 + 23_000, q, 50, e2e, 0));
      return new CapacitySearch.Outcome(
          rate, repeat, j.sustained(), j.reasons(), j.queueSlopePerSec(), null);
    };
  }

  @ParameterizedTest
  @ValueSource(doubles = {37, 120, 337, 512, 999})
  void shouldBracketTheKneeWithinTheResolution(double capacity) throws Exception {
    List<Double> rates = new ArrayList<>();
    CapacitySearch search = new CapacitySearch(25, 1600, 2, 0.1, 1, 20);
    CapacitySearch.Result r =
        search.run(fakeRelay(capacity, new Random(7), rates), CapacitySearch.Listener.NONE);
    assertThat(r.kneePerSec()).as("a knee is found for capacity %s", capacity).isNotNull();
    assertThat(r.highPerSec()).as("an unsustained rate was seen").isNotNull();
    assertThat(r.lowPerSec())
        .as("the knee %s is at most the true capacity %s", r.lowPerSec(), capacity)
        .isLessThanOrEqualTo(capacity);
    assertThat(r.highPerSec())
        .as("the interval's upper end %s is above the capacity %s", r.highPerSec(), capacity)
        .isGreaterThan(capacity);
    assertThat(r.highPerSec() / r.lowPerSec())
        .as("interval [%s, %s] within the resolution", r.lowPerSec(), r.highPerSec())
        .isLessThanOrEqualTo(1.1 + 1e-9);
    assertThat(rates.size()).as("rates tried: %s", rates).isLessThanOrEqualTo(14);
  }

  @Test
  void shouldReportAtLeastTheTopRateWhenEverythingIsSustained() throws Exception {
    CapacitySearch.Result r =
        new CapacitySearch(50, 300, 2, 0.1, 1, 12)
            .run(fakeRelay(10_000, null, new ArrayList<>()), CapacitySearch.Listener.NONE);
    assertThat(r.kneePerSec()).isEqualTo(300.0);
    assertThat(r.highPerSec()).as("no unsustained rate seen").isNull();
    assertThat(r.probes())
        .extracting(CapacitySearch.Outcome::ratePerSec)
        .containsExactly(50.0, 100.0, 200.0, 300.0);
    assertThat(r.describe()).contains("at least 300");
  }

  @Test
  void shouldReportNoKneeWhenTheFirstRateFails() throws Exception {
    CapacitySearch.Result r =
        new CapacitySearch(50, 300, 2, 0.1, 1, 12)
            .run(fakeRelay(20, null, new ArrayList<>()), CapacitySearch.Listener.NONE);
    assertThat(r.kneePerSec()).isNull();
    assertThat(r.highPerSec()).isEqualTo(50.0);
    assertThat(r.describe()).contains("below 50");
  }

  @Test
  void shouldJudgeEachRateByTheMajorityOfItsRuns() throws Exception {
    List<Double> rates = new ArrayList<>();
    CapacitySearch.Probe clean = fakeRelay(400, null, rates);
    CapacitySearch.Probe flaky =
        (rate, repeat) -> {
          CapacitySearch.Outcome o = clean.run(rate, repeat);
          // the first run at 100 msg/s is spoiled by a noisy neighbour
          if (rate == 100 && repeat == 1) {
            return new CapacitySearch.Outcome(
                rate, repeat, false, List.of("noise"), o.queueSlopePerSec(), null);
          }
          // and one run at 800 msg/s, above the capacity, looks fine by luck
          if (rate == 800 && repeat == 2) {
            return new CapacitySearch.Outcome(rate, repeat, true, List.of(), 0, null);
          }
          return o;
        };
    CapacitySearch.Result r =
        new CapacitySearch(50, 1600, 2, 0.1, 3, 12).run(flaky, CapacitySearch.Listener.NONE);
    assertThat(r.lowPerSec()).isLessThanOrEqualTo(400).isGreaterThan(400 / 1.1);
    assertThat(r.probes().size() % 3).as("three runs per rate").isZero();
  }
}
