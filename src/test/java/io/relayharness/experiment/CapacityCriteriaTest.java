package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.observe.QueueSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a run counts as sustained. */
class CapacityCriteriaTest {

  private static final CapacityCriteria C = new CapacityCriteria(2000, 5000, 0.001, 0.05);

  private static List<QueueSample> queue(long from, int n, double start, double perSec) {
    List<QueueSample> q = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int total = (int) Math.round(start + perSec * i);
      q.add(new QueueSample(from + i * 1000L, 0, total, 0, 0, total, 0));
    }
    return q;
  }

  @Test
  void shouldMeasureTheSlopeInMessagesPerSecond() {
    assertThat(CapacityCriteria.slope(queue(0, 10, 3, 4))).isCloseTo(4.0, within());
    assertThat(CapacityCriteria.slope(queue(0, 10, 30, 0))).isCloseTo(0.0, within());
  }

  @Test
  void shouldHoldAFlatQueueEvenWhenDeep() {
    CapacityCriteria.Judgement j =
        C.judge(new CapacityCriteria.Figures(200, 0, 20_000, queue(0, 21, 150, 0), 40, 900, 0));
    assertThat(j.sustained()).as("reasons: %s", j.reasons()).isTrue();
  }

  @Test
  void shouldFailAQueueGrowingFasterThanFivePercentOfTheRate() {
    // 200 msg/s offered: 10 msg/s of growth is allowed, 12 is not
    assertThat(
            C.judge(new CapacityCriteria.Figures(200, 0, 20_000, queue(0, 21, 0, 9), 40, 900, 0))
                .sustained())
        .isTrue();
    CapacityCriteria.Judgement j =
        C.judge(new CapacityCriteria.Figures(200, 0, 20_000, queue(0, 21, 0, 12), 40, 900, 0));
    assertThat(j.sustained()).isFalse();
    assertThat(j.reasons()).singleElement().asString().contains("queue grows 12.0 msg/s");
  }

  @Test
  void shouldLeaveOutTheFirstFifthWhileTheQueueFills() {
    List<QueueSample> q = new ArrayList<>(queue(0, 4, 0, 50));
    q.addAll(queue(4000, 17, 200, 0));
    assertThat(C.judge(new CapacityCriteria.Figures(100, 0, 20_000, q, 40, 900, 0)).sustained())
        .as("a queue that filled in the first 4 s, then stayed flat")
        .isTrue();
  }

  @Test
  void shouldFailOnLatencyErrorsOrTooFewSamples() {
    List<QueueSample> flat = queue(0, 21, 0, 0);
    assertThat(C.judge(new CapacityCriteria.Figures(100, 0, 20_000, flat, 2500, 900, 0)).reasons())
        .singleElement()
        .asString()
        .contains("accept p95 2500 ms > 2000 ms");
    assertThat(C.judge(new CapacityCriteria.Figures(100, 0, 20_000, flat, 40, 6000, 0)).reasons())
        .singleElement()
        .asString()
        .contains("end-to-end p95 6000 ms > 5000 ms");
    assertThat(
            C.judge(new CapacityCriteria.Figures(100, 0, 20_000, flat, 40, Double.NaN, 0))
                .reasons())
        .singleElement()
        .asString()
        .contains("nothing arrived");
    assertThat(C.judge(new CapacityCriteria.Figures(100, 0, 20_000, flat, 40, 900, 0.01)).reasons())
        .singleElement()
        .asString()
        .contains("errors");
    assertThat(
            C.judge(new CapacityCriteria.Figures(100, 0, 20_000, queue(0, 3, 0, 0), 40, 900, 0))
                .reasons())
        .singleElement()
        .asString()
        .contains("samples");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
