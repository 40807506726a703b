package io.relayharness.verdict;

import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.QueueSample;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TimeWindow;
import io.relayharness.verdict.internal.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queueing: during the named window (a timeline step, e.g. {@code all-down}) the relay's queue of
 * messages on their way (incoming + active + deferred, from {@code postqueue -j} samples) reaches
 * at least {@code minPeak}, and after the window ends it is empty again within {@code
 * maxDrainSeconds}. Drain time is from the window's end to the first sample with an empty queue.
 * With {@code deferredOnly}, the peak counts only the deferred queue, so a relay that merely fell
 * behind (mail in incoming and active) does not pass for one that held mail back; the drain still
 * waits for the whole queue. Immutable; thread-safe.
 */
public final class QueueingVerdict implements Verdict {

  /** Rows of the queue series table (samples are thinned evenly beyond this). */
  static final int SERIES_ROWS = 120;

  private final QueueingConfig config;

  /** Makes the verdict with {@code config}. */
  public QueueingVerdict(QueueingConfig config) {
    this.config = config;
  }

  /** Makes the verdict with the defaults (span of all faults). */
  public QueueingVerdict() {
    this(QueueingConfig.DEFAULT);
  }

  @Override
  public String name() {
    return "queueing";
  }

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    String label = config.during() == null ? "all faults" : "'" + config.during() + "'";
    TimeWindow window = windowOf(obs);
    if (window == null) {
      String known = obs.windows().isEmpty() ? "none" : String.join(", ", obs.windows().keySet());
      return fail(
          config.during() == null
              ? "no fault in the run, so no window to judge"
              : "no timeline step " + label + " in the run (known windows: " + known + ")",
          Map.of(),
          List.of());
    }
    List<QueueSample> samples = obs.queueSamples();
    long end = window.ended() ? window.endEpochMs() : Long.MAX_VALUE;
    QueueSample peak = null;
    int inWindow = 0;
    for (QueueSample s : samples) {
      if (s.epochMs() >= window.startEpochMs() && s.epochMs() <= end) {
        inWindow++;
        if (peak == null || counted(s) > counted(peak)) {
          peak = s;
        }
      }
    }
    String queue = config.deferredOnly() ? "deferred queue" : "queue";
    QueueSample drained = null;
    QueueSample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
    if (window.ended()) {
      for (QueueSample s : samples) {
        if (s.epochMs() >= end && s.inFlight() == 0) {
          drained = s;
          break;
        }
      }
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("windowSeconds", window.ended() ? (end - window.startEpochMs()) / 1000.0 : null);
    figures.put("samplesInWindow", (double) inWindow);
    figures.put("peak", peak == null ? null : (double) counted(peak));
    figures.put(
        "peakAtSeconds", peak == null ? null : (peak.epochMs() - window.startEpochMs()) / 1000.0);
    figures.put("drainSeconds", drained == null ? null : (drained.epochMs() - end) / 1000.0);

    List<String> failures = new ArrayList<>();
    if (peak == null) {
      failures.add("no queue sample during " + label);
    } else if (counted(peak) < config.minPeak()) {
      failures.add(
          queue
              + " peaked at "
              + counted(peak)
              + " during "
              + label
              + ", expected >= "
              + config.minPeak());
    }
    if (!window.ended()) {
      failures.add(label + " never ended, so the queue could not drain");
    } else if (drained == null) {
      failures.add(
          "queue never drained after "
              + label
              + (last == null
                  ? ""
                  : ": last sample "
                      + Fmt.offset(last.epochMs() - end)
                      + " after the window held "
                      + last.inFlight()));
    } else if (config.maxDrainSeconds() != null
        && (drained.epochMs() - end) / 1000.0 > config.maxDrainSeconds()) {
      failures.add(
          "queue drained "
              + Fmt.seconds(drained.epochMs() - end)
              + " after "
              + label
              + ", expected within "
              + Fmt.num(config.maxDrainSeconds())
              + " s");
    }
    Table keyPoints = keyPoints(window, peak, drained, last, config.deferredOnly());
    Table series = series(samples, window.startEpochMs());
    String summary =
        failures.isEmpty()
            ? queue
                + " peaked at "
                + counted(peak)
                + " "
                + Fmt.offset(peak.epochMs() - window.startEpochMs())
                + " into "
                + label
                + " and drained "
                + Fmt.seconds(drained.epochMs() - end)
                + " after it"
            : String.join("; ", failures);
    return new VerdictResult(
        name(), failures.isEmpty(), summary, figures, List.of(keyPoints, series));
  }

  /** The messages this verdict counts in {@code s}: deferred only, or everything in flight. */
  private int counted(QueueSample s) {
    return config.deferredOnly() ? s.deferred() : s.inFlight();
  }

  private TimeWindow windowOf(RunObservations obs) {
    if (config.during() != null) {
      return obs.window(config.during()).orElse(null);
    }
    TimeWindow span = null;
    for (FaultEvent f : obs.faults()) {
      TimeWindow w =
          new TimeWindow(
              f.startEpochMs(),
              f.endEpochMs() == null ? Long.valueOf(f.startEpochMs()) : f.endEpochMs());
      span = span == null ? w : span.span(w);
    }
    return span;
  }

  private static Table keyPoints(
      TimeWindow window,
      QueueSample peak,
      QueueSample drained,
      QueueSample last,
      boolean deferredOnly) {
    Table.Builder t =
        Table.builder(
            "Queue around the window", "moment", "time", "since window start", "in flight");
    t.row("window start", Fmt.time(window.startEpochMs()), Fmt.offset(0), "");
    if (peak != null) {
      t.row(
          deferredOnly ? "peak of the deferred queue (" + peak.deferred() + " deferred)" : "peak",
          Fmt.time(peak.epochMs()),
          Fmt.offset(peak.epochMs() - window.startEpochMs()),
          peak.inFlight());
    }
    if (window.ended()) {
      t.row(
          "window end",
          Fmt.time(window.endEpochMs()),
          Fmt.offset(window.endEpochMs() - window.startEpochMs()),
          "");
    }
    if (drained != null) {
      t.row(
          "drained",
          Fmt.time(drained.epochMs()),
          Fmt.offset(drained.epochMs() - window.startEpochMs()),
          0);
    } else if (last != null) {
      t.row(
          "last sample",
          Fmt.time(last.epochMs()),
          Fmt.offset(last.epochMs() - window.startEpochMs()),
          last.inFlight());
    }
    return t.build();
  }

  private static Table series(List<QueueSample> samples, long startEpochMs) {
    Table.Builder t =
        Table.builder(
            "Queue samples",
            "since window start",
            "in flight",
            "incoming",
            "active",
            "deferred",
            "hold");
    int step = Math.max(1, (samples.size() + SERIES_ROWS - 1) / SERIES_ROWS);
    for (int i = 0; i < samples.size(); i += step) {
      QueueSample s = samples.get(i);
      t.row(
          Fmt.offset(s.epochMs() - startEpochMs),
          s.inFlight(),
          s.incoming(),
          s.active(),
          s.deferred(),
          s.hold());
    }
    return t.build();
  }

  private VerdictResult fail(String summary, Map<String, Double> figures, List<Table> tables) {
    return new VerdictResult(name(), false, summary, figures, tables);
  }
}
