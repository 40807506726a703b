package io.relayharness.verdict;

import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.internal.ChiSquare;
import io.relayharness.verdict.internal.Fmt;
import io.relayharness.verdict.internal.Power;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evenness: how the first copy of each message is spread over the workers, against the expected
 * weights. Passes when (1) every weight-0 worker got nothing, (2) the chi-square goodness-of-fit
 * p-value over the positive-weight workers (df = their count - 1) is at least {@code minPValue},
 * and (3) the largest relative deviation |observed-expected|/expected is at most {@code
 * maxRelativeDeviation}. A worker that is not in the weights counts as weight 0. Immutable;
 * thread-safe.
 */
public final class EvennessVerdict implements Verdict {

  private final EvennessConfig config;

  /** Makes the verdict with {@code config}. */
  public EvennessVerdict(EvennessConfig config) {
    this.config = config;
  }

  /** Makes the verdict with the defaults (three equal workers). */
  public EvennessVerdict() {
    this(EvennessConfig.DEFAULT);
  }

  @Override
  public String name() {
    return "evenness";
  }

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    Map<String, Long> observed = new TreeMap<>();
    config.weights().keySet().forEach(w -> observed.put(w, 0L));
    long total = 0;
    for (List<SinkArrival> copies : obs.arrivalIndex().groups().values()) {
      String worker = copies.get(0).worker() == null ? "(unknown)" : copies.get(0).worker();
      observed.merge(worker, 1L, Long::sum);
      total++;
    }
    double weightSum = config.weights().values().stream().mapToDouble(Double::doubleValue).sum();
    List<String> positive = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    double[] obsCounts = new double[observed.size()];
    double[] expCounts = new double[observed.size()];
    double maxDeviation = 0;
    String maxDeviationWorker = null;
    Table.Builder table =
        Table.builder(
            "Per worker (first arrivals)",
            "worker",
            "weight",
            "expected",
            "observed",
            "deviation",
            "chi-square term");
    int i = 0;
    for (String worker : new TreeSet<>(observed.keySet())) {
      double weight = config.weights().getOrDefault(worker, 0.0);
      long o = observed.get(worker);
      double e = total * weight / weightSum;
      String deviation;
      String term;
      if (weight > 0) {
        positive.add(worker);
        obsCounts[i] = o;
        expCounts[i] = e;
        i++;
        double dev = e == 0 ? 0 : Math.abs(o - e) / e;
        if (dev > maxDeviation || maxDeviationWorker == null) {
          maxDeviation = dev;
          maxDeviationWorker = worker;
        }
        deviation = Fmt.percent(e == 0 ? 0 : (o - e) / e);
        term = e == 0 ? "" : Fmt.num((o - e) * (o - e) / e);
      } else {
        if (o > 0) {
          unexpected.add(worker + "=" + o);
        }
        deviation = o > 0 ? "should get none" : "";
        term = "";
      }
      table.row(worker, Fmt.num(weight), Fmt.num(e), o, deviation, term);
    }
    double[] oc = java.util.Arrays.copyOf(obsCounts, i);
    double[] ec = java.util.Arrays.copyOf(expCounts, i);
    double statistic = ChiSquare.statistic(oc, ec);
    int df = positive.size() - 1;
    double pValue = df <= 0 || total == 0 ? 1.0 : ChiSquare.survival(statistic, df);

    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("messages", (double) total);
    figures.put("chiSquare", statistic);
    figures.put("degreesOfFreedom", (double) Math.max(df, 0));
    figures.put("pValue", pValue);
    figures.put("maxRelativeDeviation", maxDeviation);
    // Power: the smallest one-worker skew this many messages reveal at the verdict's own level.
    double smallestShare =
        config.weights().values().stream()
            .filter(w -> w > 0)
            .mapToDouble(w -> w / weightSum)
            .min()
            .orElse(0);
    double detectable = Power.detectableRelativeSkew(total, smallestShare, config.minPValue(), 0.8);
    figures.put("detectableSkew", detectable);
    observed.forEach((w, n) -> figures.put("observed." + w, (double) n));

    List<String> failures = new ArrayList<>();
    if (total == 0) {
      failures.add("no arrivals");
    }
    if (!unexpected.isEmpty()) {
      failures.add("weight-0 workers got mail: " + String.join(", ", unexpected));
    }
    if (total > 0 && pValue < config.minPValue()) {
      failures.add(
          "chi-square p="
              + Fmt.num(pValue)
              + " < "
              + Fmt.num(config.minPValue())
              + " (chi2="
              + Fmt.num(statistic)
              + ", df="
              + df
              + ")");
    }
    if (total > 0
        && config.maxRelativeDeviation() != null
        && maxDeviation > config.maxRelativeDeviation()) {
      failures.add(
          "largest deviation "
              + Fmt.percent(maxDeviation)
              + " at "
              + maxDeviationWorker
              + " > "
              + Fmt.percent(config.maxRelativeDeviation()));
    }
    String split = split(observed, total, config.weights(), weightSum);
    String summary =
        failures.isEmpty()
            ? "split "
                + split
                + ": p="
                + Fmt.num(pValue)
                + ", largest deviation "
                + Fmt.percent(maxDeviation)
                + power(detectable, config.minPValue())
            : "uneven split "
                + split
                + ": "
                + String.join("; ", failures)
                + power(detectable, config.minPValue());
    return new VerdictResult(name(), failures.isEmpty(), summary, figures, List.of(table.build()));
  }

  private static String power(double detectable, double alpha) {
    return Double.isFinite(detectable)
        ? " (at this sample size a "
            + Fmt.percent(detectable)
            + " skew of one worker is found with 80% power at p < "
            + Fmt.num(alpha)
            + ")"
        : "";
  }

  private static String split(
      Map<String, Long> observed, long total, Map<String, Double> weights, double weightSum) {
    StringBuilder o = new StringBuilder();
    StringBuilder e = new StringBuilder();
    for (Map.Entry<String, Long> entry : observed.entrySet()) {
      o.append(o.length() == 0 ? "" : " ")
          .append(entry.getKey())
          .append('=')
          .append(entry.getValue());
      e.append(e.length() == 0 ? "" : "/")
          .append(
              Fmt.num(
                  Math.round(total * weights.getOrDefault(entry.getKey(), 0.0) / weightSum * 10)
                      / 10.0));
    }
    return o + " of " + total + " (expected " + e + ")";
  }
}
