package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The family of metrics: A/A finds nothing, a real shift is found, odd metrics handled. */
class AbAnalysisTest {

  private static final List<Metric> FAMILY = new ArrayList<>();

  static {
    for (int i = 0; i < 12; i++) {
      FAMILY.add(new Metric("latency " + i, "ms", Metric.Kind.LATENCY));
    }
  }

  /** N runs of 12 metrics, metric i ~ Normal(100 (i+1), 10 (i+1)), metric 0 shifted by shift0. */
  private static List<Map<Metric, Double>> runs(SplittableRandom r, int n, double shift0) {
    List<Map<Metric, Double>> runs = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Map<Metric, Double> m = new LinkedHashMap<>();
      for (int i = 0; i < FAMILY.size(); i++) {
        double scale = i + 1;
        double v = 100 * scale + 10 * scale * RankStatisticsTest.gaussian(r);
        m.put(FAMILY.get(i), v + (i == 0 ? shift0 : 0));
      }
      runs.add(m);
    }
    return runs;
  }

  @Test
  void shouldFindNothingInAaRunsAtTheFamilyLevel() {
    for (FamilyCorrection correction : FamilyCorrection.values()) {
      AbAnalysis analysis = new AbAnalysis(0.05, correction, 0.10);
      SplittableRandom random = new SplittableRandom(42);
      int families = 200;
      int withFalsePositive = 0;
      int rawBelowAlpha = 0;
      for (int f = 0; f < families; f++) {
        List<MetricComparison> c = analysis.compare(runs(random, 8, 0), runs(random, 8, 0));
        if (c.stream().anyMatch(MetricComparison::significant)) {
          withFalsePositive++;
        }
        rawBelowAlpha += (int) c.stream().filter(m -> m.p() <= 0.05).count();
      }
      assertThat(withFalsePositive / (double) families)
          .as("%s: A/A families with any significant metric (of 12, N=8)", correction)
          .isLessThanOrEqualTo(0.05);
      assertThat(rawBelowAlpha)
          .as(
              "%s: unadjusted p <= 0.05 does happen in A/A (why a correction is needed)",
              correction)
          .isGreaterThan(families * 12 / 50);
    }
  }

  @Test
  void shouldDetectAClearShiftAndWordIt() {
    SplittableRandom random = new SplittableRandom(7);
    // metric 0: sd 10 around 100, B 40 ms (40%) slower
    List<MetricComparison> c = AbAnalysis.DEFAULT.compare(runs(random, 8, 0), runs(random, 8, 40));
    MetricComparison shifted = c.get(0);
    assertThat(shifted.significant()).as("a 4-sd shift at N=8 is found").isTrue();
    assertThat(shifted.verdict())
        .as("plain verdict")
        .startsWith("B slower by ")
        .endsWith("(95% CI)");
    assertThat(shifted.ciLow()).as("interval excludes 0").isPositive();
    assertThat(shifted.ciLow()).as("interval holds the true shift (low)").isLessThanOrEqualTo(40);
    assertThat(shifted.ciHigh())
        .as("interval holds the true shift (high)")
        .isGreaterThanOrEqualTo(40);
    assertThat(c.subList(1, c.size()))
        .as("the unshifted metrics are not flagged")
        .noneMatch(MetricComparison::significant);
  }

  @Test
  void shouldSayHowManyRepeatsAreNeededWhenNothingIsDetectable() {
    SplittableRandom random = new SplittableRandom(3);
    List<MetricComparison> c = AbAnalysis.DEFAULT.compare(runs(random, 3, 0), runs(random, 3, 0));
    MetricComparison m = c.get(0);
    assertThat(m.significant()).as("N=3 cannot be significant").isFalse();
    assertThat(m.verdict())
        .as("plain verdict with noise and repeats needed")
        .startsWith("no difference detectable at N=3 (noise ±")
        .contains("no 95% interval at this N")
        .contains("a 10% change needs N≈");
    assertThat(m.repeatsNeeded())
        .as("at least the exact test's floor at 0.05/12")
        .isGreaterThanOrEqualTo(6);
  }

  @Test
  void shouldLeaveIdenticalAndMissingMetricsOutOfTheFamily() {
    Metric lost = new Metric("lost", "messages", Metric.Kind.COUNT);
    Metric retry = new Metric("retry lateness p95", "ms", Metric.Kind.LATENCY);
    Metric share = RunMetrics.share("worker2");
    Metric e2e = new Metric("e2e p95", "ms", Metric.Kind.LATENCY);
    List<Map<Metric, Double>> a = new ArrayList<>();
    List<Map<Metric, Double>> b = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      a.add(Map.of(lost, 0.0, retry, 100.0 + i, share, 33.0 + i, e2e, 200.0 + i));
      b.add(Map.of(lost, 0.0, e2e, 300.0 + i)); // B's worker2 got nothing: share absent
    }
    List<MetricComparison> c = AbAnalysis.DEFAULT.compare(a, b);
    Map<String, MetricComparison> byName = new LinkedHashMap<>();
    c.forEach(m -> byName.put(m.name(), m));
    assertThat(byName.get("lost").tested()).as("0 in every run: not tested").isFalse();
    assertThat(byName.get("lost").verdict())
        .as("says so")
        .isEqualTo("no difference: every run gave 0 messages");
    assertThat(byName.get("retry lateness p95").verdict())
        .as("missing on one side")
        .startsWith("not measured on B");
    assertThat(byName.get("share worker2").b())
        .as("a worker absent from a run had a 0% share")
        .containsExactly(0.0, 0.0, 0.0, 0.0);
    assertThat(c.stream().filter(MetricComparison::tested).count())
        .as("family: share and e2e only")
        .isEqualTo(2);
    assertThat(byName.get("e2e p95").significant())
        .as("complete separation at 4+4 with 2 tests: p = 2/70 = 0.029, Holm 0.057")
        .isFalse();
  }
}
