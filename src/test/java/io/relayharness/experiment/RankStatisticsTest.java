package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/** The rank statistics: p-values, the Hodges–Lehmann shift and the coverage of its interval. */
class RankStatisticsTest {

  @Test
  void shouldGiveCommonsStatisticsExactPValueWithoutTies() {
    double[] a = {10.1, 11.3, 9.7, 10.8, 12.0};
    double[] b = {12.5, 13.1, 11.9, 12.7, 14.2};
    assertThat(RankStatistics.pValue(a, b))
        .as("exact Mann–Whitney p of tie-free samples is the library's")
        .isCloseTo(MannWhitneyUTest.withDefaults().test(b, a).getPValue(), within(1e-12));
  }

  @Test
  void shouldUseAnExactPermutationTestWhenValuesTie() {
    // every A run passed, every B run failed: 1 of the 20 splits of 3+3 is as extreme each way
    assertThat(RankStatistics.pValue(new double[] {1, 1, 1}, new double[] {0, 0, 0}))
        .as("two-sided exact p of a complete separation at 3+3")
        .isCloseTo(0.1, within(1e-12));
    assertThat(RankStatistics.pValue(new double[] {0, 0, 0}, new double[] {0, 0, 0}))
        .as("identical values: nothing to see")
        .isEqualTo(1.0);
  }

  @Test
  void shouldKnowTheSmallestPValueOfFewRepeats() {
    assertThat(RankStatistics.smallestP(3, 3)).as("2 / C(6,3)").isCloseTo(0.1, within(1e-12));
    assertThat(RankStatistics.smallestP(5, 5))
        .as("2 / C(10,5)")
        .isCloseTo(2 / 252.0, within(1e-12));
  }

  @Test
  void shouldEstimateTheShiftAsTheMedianOfPairwiseDifferences() {
    double[] a = {1, 2, 3, 4, 5, 6};
    double[] b = {11, 12, 13, 14, 15, 16};
    RankStatistics.Shift s = RankStatistics.shift(a, b, 0.95);
    assertThat(s.estimate()).as("Hodges–Lehmann shift").isEqualTo(10.0);
    assertThat(s.bounded()).as("6+6 repeats give a 95% interval").isTrue();
    assertThat(s.low()).as("lower end below the estimate").isLessThan(10.0);
    assertThat(s.high()).as("upper end above the estimate").isGreaterThan(10.0);
  }

  @Test
  void shouldHaveNoNinetyFivePercentIntervalWithThreeRepeats() {
    RankStatistics.Shift s =
        RankStatistics.shift(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.95);
    assertThat(s.bounded()).as("at 3+3 even a complete separation has p = 0.1").isFalse();
  }

  @Test
  void shouldCoverTheTrueShiftInAboutNinetyFivePercentOfSimulations() {
    SplittableRandom random = new SplittableRandom(20261126);
    int simulations = 2000;
    int n = 8;
    double trueShift = 7.5;
    int covered = 0;
    for (int sim = 0; sim < simulations; sim++) {
      double[] a = new double[n];
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = 100 + 10 * gaussian(random);
        b[i] = 100 + trueShift + 10 * gaussian(random);
      }
      RankStatistics.Shift s = RankStatistics.shift(a, b, 0.95);
      if (s.low() <= trueShift && trueShift <= s.high()) {
        covered++;
      }
    }
    double coverage = covered / (double) simulations;
    // the exact interval at 8+8 has an attained level of 95.0..95.5%; 2000 simulations: ±1%
    assertThat(coverage)
        .as("coverage of the 95%% interval over %d simulations", simulations)
        .isBetween(0.93, 0.975);
  }

  static double gaussian(SplittableRandom r) {
    // Box–Muller from two uniforms
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
