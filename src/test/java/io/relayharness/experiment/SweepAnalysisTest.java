package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix: medians, ranges, the best value and the shifts from it; the page and json. */
class SweepAnalysisTest {

  private static final Metric SHARE = RunMetrics.share("worker0");

  /** Six runs per point; drain falls with the value, worker0's share is noise around 33%. */
  private static List<List<Map<Metric, Double>>> runs(double... drainCentres) {
    List<List<Map<Metric, Double>>> out = new ArrayList<>();
    for (double c : drainCentres) {
      List<Map<Metric, Double>> point = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        point.add(Map.of(RunMetrics.DRAIN, c + i * 0.1, SHARE, 33.0 + (i % 3)));
      }
      out.add(point);
    }
    return out;
  }

  private static SweepResult.Row row(List<SweepResult.Row> rows, String name) {
    return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void shouldPickTheLowestDrainAndShowItDiffersFromTheOthers() {
    List<SweepResult.Row> rows =
        SweepAnalysis.DEFAULT.analyse(List.of("2", "5", "20"), runs(30, 12, 4));
    SweepResult.Row drain = row(rows, "drain time");
    assertThat(drain.better()).isEqualTo("lower");
    assertThat(drain.best()).isEqualTo("20");
    assertThat(drain.bestClear()).as(drain.verdict()).isTrue();
    SweepResult.Cell two = drain.cells().get(0);
    assertThat(two.median()).isCloseTo(30.25, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(two.low()).isEqualTo(30.0);
    assertThat(two.high()).isCloseTo(30.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(two.rangeLevel()).isEqualTo(1 - 1.0 / 32);
    assertThat(two.shiftFromBest()).isCloseTo(26.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(two.shiftLow()).as("a bounded interval at N=6").isNotNull();
    assertThat(two.shiftLow()).isGreaterThan(0);
    assertThat(two.differsFromBest()).isTrue();
    assertThat(drain.cells().get(2).shiftFromBest()).as("the best itself").isNull();
    assertThat(drain.verdict()).startsWith("best 20 (median 4.25 s), different from every other");
  }

  @Test
  void shouldNotCallABestWhenThePointsOverlap() {
    List<SweepResult.Row> rows = SweepAnalysis.DEFAULT.analyse(List.of("a", "b"), runs(10, 10.05));
    SweepResult.Row drain = row(rows, "drain time");
    assertThat(drain.best()).isEqualTo("a");
    assertThat(drain.bestClear()).isFalse();
    assertThat(drain.verdict()).contains("not distinguishable from b");
  }

  @Test
  void shouldNameNoBestWhenEveryRunGaveTheSameFigure() {
    List<List<Map<Metric, Double>>> runs = new ArrayList<>();
    runs.add(List.of(Map.of(RunMetrics.LOST, 0.0), Map.of(RunMetrics.LOST, 0.0)));
    runs.add(List.of(Map.of(RunMetrics.LOST, 0.0), Map.of(RunMetrics.LOST, 0.0)));
    SweepResult.Row lost = row(SweepAnalysis.DEFAULT.analyse(List.of("2", "5"), runs), "lost");
    assertThat(lost.best()).isNull();
    assertThat(lost.verdict()).isEqualTo("the same in every run at every value: 0 messages");
  }

  @Test
  void shouldGiveEachValuesShiftFromTheBestWithItsInterval() {
    SweepResult.Row drain =
        row(SweepAnalysis.DEFAULT.analyse(List.of("2", "5", "20"), runs(30, 12, 4)), "drain time");
    assertThat(drain.verdict()).contains("; 2: Δ +26 [").contains("s ◆, adj. p");
  }

  @Test
  void shouldNameNoBestForAShare() {
    SweepResult.Row share =
        row(SweepAnalysis.DEFAULT.analyse(List.of("2", "5"), runs(3, 1)), "share worker0");
    assertThat(share.better()).isNull();
    assertThat(share.best()).isNull();
    assertThat(share.verdict()).startsWith("no better direction");
  }

  @Test
  void shouldPreferTheHigherCapacity() {
    List<List<Map<Metric, Double>>> runs = new ArrayList<>();
    runs.add(List.of(Map.of(CapacityTrial.CAPACITY, 100.0), Map.of(CapacityTrial.CAPACITY, 110.0)));
    runs.add(List.of(Map.of(CapacityTrial.CAPACITY, 300.0), Map.of(CapacityTrial.CAPACITY, 280.0)));
    SweepResult.Row cap = row(SweepAnalysis.DEFAULT.analyse(List.of("2", "50"), runs), "capacity");
    assertThat(cap.better()).isEqualTo("higher");
    assertThat(cap.best()).isEqualTo("50");
    assertThat(cap.cells().get(0).shiftLow()).as("no 95% interval with 2 runs a side").isNull();
  }

  @Test
  void shouldWriteTheMatrixPageAndJson(@TempDir Path dir) throws Exception {
    List<String> labels = List.of("2", "5", "20");
    SweepResult r =
        new SweepResult(
            "slow-worker",
            0,
            List.of("relay.overrides.relay_destination_concurrency_limit"),
            labels,
            6,
            List.of("--duration 10s"),
            "runs",
            0.95,
            "Holm",
            SweepAnalysis.DEFAULT.analyse(labels, runs(30, 12, 4)),
            List.of(new SweepResult.Run("2", 1, 1, 31_000, "held", List.of("runs/2/x"))));
    SweepWriter.write(r, dir);
    JsonNode json = new ObjectMapper().readTree(dir.resolve(SweepWriter.JSON_FILE).toFile());
    assertThat(json.get("keys").get(0).asText())
        .isEqualTo("relay.overrides.relay_destination_concurrency_limit");
    assertThat(json.get("points")).hasSize(3);
    JsonNode drain = null;
    for (JsonNode m : json.get("metrics")) {
      if (m.get("name").asText().equals("drain time")) {
        drain = m;
      }
    }
    assertThat(drain).isNotNull();
    assertThat(drain.get("best").asText()).isEqualTo("20");
    JsonNode cell = drain.get("cells").get(0);
    for (String field :
        List.of(
            "point",
            "values",
            "median",
            "low",
            "high",
            "shiftFromBest",
            "shiftLow",
            "shiftHigh",
            "p",
            "adjustedP",
            "differsFromBest")) {
      assertThat(cell.has(field)).as("cell field %s", field).isTrue();
    }
    assertThat(cell.get("values")).hasSize(6);
    assertThat(SweepWriter.read(dir.resolve(SweepWriter.JSON_FILE))).isEqualTo(r);
    String html = Files.readString(dir.resolve(SweepWriter.HTML_FILE));
    assertThat(html)
        .contains("Sweep: slow-worker over relay.overrides.relay_destination_concurrency_limit")
        .contains("<th>2</th><th>5</th><th>20</th>")
        .contains("★ <b>4.25</b>")
        .contains("runs/2/x/report.html");
  }
}
