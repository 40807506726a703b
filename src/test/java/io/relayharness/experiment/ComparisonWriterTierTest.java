package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The A/B page of a relay-tier scenario shows each relay's share and queue peak. */
class ComparisonWriterTierTest {

  private static AbComparison comparison(List<Map<Metric, Double>> a, List<Map<Metric, Double>> b) {
    return new AbComparison(
        "two-regions-even",
        0,
        1,
        a.size(),
        List.of(),
        AbSide.unchanged("A"),
        AbSide.unchanged("B"),
        0.05,
        "holm",
        0,
        0.10,
        List.of(),
        AbAnalysis.DEFAULT.compare(a, b),
        List.of());
  }

  @Test
  void shouldFlagAChangeInTheSplitBetweenTheRelays() {
    Metric r0 = RunMetrics.share("relay0");
    Metric r1 = RunMetrics.share("relay1");
    Metric peak = RunMetrics.queuePeak("relay1");
    List<Map<Metric, Double>> a = new ArrayList<>();
    List<Map<Metric, Double>> b = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      a.add(Map.of(r0, 49.0 + i * 0.3, r1, 51.0 - i * 0.3, peak, 10.0 + i));
      b.add(Map.of(r0, 80.0 + i * 0.3, r1, 20.0 - i * 0.3, peak, 10.5 + i));
    }
    String html = ComparisonWriter.html(comparison(a, b), Path.of("."));

    assertThat(html).contains("<h2 id=\"tier\">Relay tier</h2>");
    String tier = html.substring(html.indexOf("id=\"tier\""), html.indexOf("<h2>Metrics</h2>"));
    assertThat(tier)
        .as("the split moved 30 points: flagged on both relays")
        .contains("<tr class=\"sig\"><td>relay0</td><td>◆ share (%)")
        .contains("<tr class=\"sig\"><td>relay1</td><td>◆ share (%)")
        .as("the queue peak did not move")
        .contains("<tr><td>relay1</td><td>queue peak (messages)");
  }

  @Test
  void shouldLeaveTheTierSectionOutForOneRelay() {
    Metric w0 = RunMetrics.share("worker0");
    List<Map<Metric, Double>> a = List.of(Map.of(w0, 33.0), Map.of(w0, 34.0));
    assertThat(ComparisonWriter.html(comparison(a, a), Path.of("."))).doesNotContain("Relay tier");
  }
}
