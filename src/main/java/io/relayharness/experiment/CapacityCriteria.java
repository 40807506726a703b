package io.relayharness.experiment;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.observe.LoadStats;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.Percentiles;
import io.relayharness.observe.QueueSample;
import io.relayharness.observe.RunObservations;
import io.relayharness.scenario.Scenario;
import io.relayharness.verdict.VerdictParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a run at an offered rate counts as sustained, for a capacity search. All four must hold:
 *
 * <ol>
 *   <li><b>queue stable</b>: over the measured load (after the warm-up), with its first {@value
 *       #SETTLE_PERCENT}% left out while the queue fills to its working depth, the least-squares
 *       slope of the relay's queue depth (every queue sample's total) is at most {@code
 *       maxQueueGrowthShare} × the offered rate: a relay that delivers C msg/s while R arrive grows
 *       its queue by R − C a second, so the default 5% puts the knee within 5% above C. At least
 *       {@value #MIN_SAMPLES} samples are needed in that window, or the run is not sustained;
 *   <li><b>accept p95</b> ≤ the scenario's {@code expect.slo.maxP95Ms} (2000 ms without it);
 *   <li><b>end-to-end p95</b> (accept → first arrival at a worker) ≤ the scenario's {@code
 *       expect.delivery.maxP95Ms} (5000 ms without it); a run whose mail never arrived fails;
 *   <li><b>errors</b>: (rejected + failed) / all ≤ the scenario's {@code expect.slo.maxErrorRate}
 *       (0.001 without it).
 * </ol>
 *
 * Immutable; thread-safe.
 *
 * @param maxAcceptP95Ms accept latency bound, ms
 * @param maxE2eP95Ms end-to-end latency bound, ms
 * @param maxErrorRate error share bound
 * @param maxQueueGrowthShare queue slope bound as a share of the offered rate
 */
public record CapacityCriteria(
    double maxAcceptP95Ms, double maxE2eP95Ms, double maxErrorRate, double maxQueueGrowthShare) {

  /** Accept p95 bound without {@code expect.slo}, ms. */
  public static final double DEFAULT_ACCEPT_P95_MS = 2000;

  /** End-to-end p95 bound without {@code expect.delivery.maxP95Ms}, ms. */
  public static final double DEFAULT_E2E_P95_MS = 5000;

  /** Error share bound without {@code expect.slo}. */
  public static final double DEFAULT_ERROR_RATE = 0.001;

  /** Queue growth bound, as a share of the offered rate. */
  public static final double DEFAULT_QUEUE_GROWTH_SHARE = 0.05;

  /** The share of the measured load left out at its start. */
  static final int SETTLE_PERCENT = 20;

  /** The fewest queue samples the slope needs. */
  static final int MIN_SAMPLES = 5;

  /** Takes the bounds from the scenario's {@code expect.slo} and {@code expect.delivery}. */
  public static CapacityCriteria of(Scenario s) {
    double accept = DEFAULT_ACCEPT_P95_MS;
    double errors = DEFAULT_ERROR_RATE;
    double e2e = DEFAULT_E2E_P95_MS;
    VerdictParams slo = s.expect().get("slo");
    if (slo != null) {
      accept = orElse(slo.number("maxP95Ms"), accept);
      errors = orElse(slo.number("maxErrorRate"), errors);
    }
    VerdictParams delivery = s.expect().get("delivery");
    if (delivery != null) {
      e2e = orElse(delivery.number("maxP95Ms"), e2e);
    }
    return new CapacityCriteria(accept, e2e, errors, DEFAULT_QUEUE_GROWTH_SHARE);
  }

  private static double orElse(Double v, double d) {
    return v == null ? d : v;
  }

  /**
   * The figures of one run that the criteria judge.
   *
   * @param offeredRatePerSec the rate the measured steps offered (their peak)
   * @param loadFromMs start of the measured load (after the warm-up)
   * @param loadToMs end of the load
   * @param queue the relay's queue samples
   * @param acceptP95Ms the injector's accept p95
   * @param e2eP95Ms accept → first arrival p95, NaN when nothing arrived
   * @param errorRate (rejected + failed) / all
   */
  public record Figures(
      double offeredRatePerSec,
      long loadFromMs,
      long loadToMs,
      List<QueueSample> queue,
      double acceptP95Ms,
      double e2eP95Ms,
      double errorRate) {

    public Figures {
      queue = List.copyOf(queue);
    }

    /** Reads the figures of a run of {@code s} (its warm-up excluded from the queue window). */
    public static Figures of(RunObservations obs, Scenario s) {
      long first = obs.accepted().stream().mapToLong(AcceptedMail::startEpochMs).min().orElse(0);
      long last = obs.accepted().stream().mapToLong(AcceptedMail::endEpochMs).max().orElse(0);
      long from = Math.min(last, first + s.load().warmUpSeconds() * 1000L);
      LoadStats load = obs.loadStats();
      double e2e =
          Percentiles.of(
                  obs.timelines().stream()
                      .map(MessageTimeline::endToEndMs)
                      .filter(v -> v != null)
                      .mapToLong(Long::longValue)
                      .toArray())
              .percentile(95);
      return new Figures(
          s.load().peakRatePerSec(),
          from,
          last,
          obs.queueSamples(),
          load.acceptLatencyP95Ms(),
          e2e,
          load.errorRate());
    }
  }

  /**
   * The judgement of one run.
   *
   * @param sustained whether every criterion held
   * @param queueSlopePerSec the queue's least-squares slope, messages per second (NaN: too few
   *     samples)
   * @param reasons why not, one line per failed criterion (empty when sustained)
   */
  public record Judgement(boolean sustained, double queueSlopePerSec, List<String> reasons) {
    public Judgement {
      reasons = List.copyOf(reasons);
    }
  }

  /** Judges one run's figures. */
  public Judgement judge(Figures f) {
    List<String> reasons = new ArrayList<>();
    long settle = f.loadFromMs() + (f.loadToMs() - f.loadFromMs()) * SETTLE_PERCENT / 100;
    List<QueueSample> window = new ArrayList<>();
    for (QueueSample q : f.queue()) {
      if (q.epochMs() >= settle && q.epochMs() <= f.loadToMs()) {
        window.add(q);
      }
    }
    double slope = slope(window);
    double allowed = maxQueueGrowthShare * f.offeredRatePerSec();
    if (window.size() < MIN_SAMPLES) {
      reasons.add(
          "queue: "
              + window.size()
              + " samples in the measured load, the slope needs "
              + MIN_SAMPLES);
    } else if (slope > allowed) {
      reasons.add(
          String.format(
              Locale.ROOT, "queue grows %.1f msg/s (at most %.1f allowed)", slope, allowed));
    }
    if (!(f.acceptP95Ms() <= maxAcceptP95Ms)) {
      reasons.add(
          String.format(
              Locale.ROOT, "accept p95 %.0f ms > %.0f ms", f.acceptP95Ms(), maxAcceptP95Ms));
    }
    if (!(f.e2eP95Ms() <= maxE2eP95Ms)) {
      reasons.add(
          Double.isNaN(f.e2eP95Ms())
              ? "end-to-end p95: nothing arrived"
              : String.format(
                  Locale.ROOT, "end-to-end p95 %.0f ms > %.0f ms", f.e2eP95Ms(), maxE2eP95Ms));
    }
    if (!(f.errorRate() <= maxErrorRate)) {
      reasons.add(
          String.format(
              Locale.ROOT, "errors %.4f of transactions > %.4f", f.errorRate(), maxErrorRate));
    }
    return new Judgement(reasons.isEmpty(), slope, reasons);
  }

  /** Least-squares slope of queue total against time, messages per second; NaN below 2 samples. */
  static double slope(List<QueueSample> samples) {
    int n = samples.size();
    if (n < 2) {
      return Double.NaN;
    }
    long t0 = samples.get(0).epochMs();
    double mt = 0;
    double mq = 0;
    for (QueueSample s : samples) {
      mt += (s.epochMs() - t0) / 1000.0;
      mq += s.total();
    }
    mt /= n;
    mq /= n;
    double num = 0;
    double den = 0;
    for (QueueSample s : samples) {
      double dt = (s.epochMs() - t0) / 1000.0 - mt;
      num += dt * (s.total() - mq);
      den += dt * dt;
    }
    return den == 0 ? Double.NaN : num / den;
  }
}
