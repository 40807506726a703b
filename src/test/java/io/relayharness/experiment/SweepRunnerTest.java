package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The interleaved order of a sweep's runs. */
class SweepRunnerTest {

  @Test
  void shouldRunEveryPointOncePerRoundStartingOneLaterEachRound() {
    List<SweepRunner.Slot> s = SweepRunner.schedule(3, 3);
    assertThat(s).extracting(SweepRunner.Slot::point).containsExactly(0, 1, 2, 1, 2, 0, 2, 0, 1);
    assertThat(s).extracting(SweepRunner.Slot::repeat).containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 3);
    assertThat(s).extracting(SweepRunner.Slot::order).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void shouldPutEveryPointInEveryPositionOfARoundOnce() {
    int k = 4;
    List<SweepRunner.Slot> s = SweepRunner.schedule(k, k);
    for (int position = 0; position < k; position++) {
      List<Integer> at = new ArrayList<>();
      for (int round = 0; round < k; round++) {
        at.add(s.get(round * k + position).point());
      }
      assertThat(at)
          .as("points at position %d of each round", position)
          .containsExactlyInAnyOrder(0, 1, 2, 3);
    }
  }

  @Test
  void shouldRunTheTrialInScheduleOrderAndGroupResultsByPoint() throws Exception {
    SweepGrid grid = SweepGrid.parse(List.of("relay.overrides.x=a,b"));
    List<String> ran = new ArrayList<>();
    SweepRunner runner =
        new SweepRunner(
            (p, slot, total) -> {
              ran.add(p.label() + slot.repeat());
              return new TrialResult(
                  Map.of(RunMetrics.DRAIN, (double) slot.order()), List.of(), 1, "ok");
            });
    List<List<TrialResult>> results = runner.run(grid.points(), 2, SweepRunner.Listener.NONE);
    assertThat(ran).containsExactly("a1", "b1", "b2", "a2");
    assertThat(results.get(0))
        .extracting(r -> r.metrics().get(RunMetrics.DRAIN))
        .as("point a ran 1st and 4th")
        .containsExactly(1.0, 4.0);
  }

  @Test
  void shouldStartNoFurtherRunOnceStopped() {
    SweepGrid grid = SweepGrid.parse(List.of("relay.overrides.x=a,b"));
    List<String> ran = new ArrayList<>();
    SweepRunner[] holder = new SweepRunner[1];
    holder[0] =
        new SweepRunner(
            (p, slot, total) -> {
              ran.add(p.label());
              holder[0].stop("test");
              return new TrialResult(Map.of(), List.of(), 1, "ok");
            });
    assertThatThrownBy(() -> holder[0].run(grid.points(), 3, SweepRunner.Listener.NONE))
        .isInstanceOf(InterruptedException.class)
        .hasMessageContaining("stopped after 1 of 6");
    assertThat(ran).hasSize(1);
  }
}
