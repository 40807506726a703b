package io.relayharness.report.internal;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.QueueSample;
import io.relayharness.observe.RunContents;
import io.relayharness.observe.RunFolder;
import io.relayharness.observe.RunInfo;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.VerdictResult;
import io.relayharness.verdict.VerdictResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One run as the report pages see it: the run folder's typed records ({@link
 * RunFolder#readContents()}), its verdicts ({@link VerdictResults}) and the time origin of its
 * charts. A missing file reads as empty and a line that is not a record is skipped; both leave a
 * note the report shows, so a partial run (stopped, killed) still gets a report. Immutable after
 * loading; thread-safe.
 */
public final class ReportedRun {

  private final RunFolder folder;
  private final RunContents contents;
  private final List<VerdictResult> verdicts;
  private final List<String> notes;

  private ReportedRun(RunFolder folder) {
    this.folder = folder;
    this.contents = folder.readContents();
    List<String> n = new ArrayList<>(contents.notes());
    List<VerdictResult> v = List.of();
    if (!folder.has(RunFolder.VERDICTS)) {
      n.add(RunFolder.VERDICTS + " is missing");
    } else {
      try {
        v = VerdictResults.read(folder);
      } catch (RuntimeException e) {
        n.add(RunFolder.VERDICTS + " is not readable: " + e.getMessage());
      }
    }
    this.verdicts = v;
    this.notes = Collections.unmodifiableList(n);
  }

  /** Reads the run folder {@code dir}. */
  public static ReportedRun load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("not a run folder (no such directory): " + dir);
    }
    return new ReportedRun(RunFolder.open(dir));
  }

  /** The folder itself. */
  public Path dir() {
    return folder.dir();
  }

  /** What was missing or unreadable, in reading order, for the report to show. */
  public List<String> notes() {
    return notes;
  }

  /** run.json, or null when it is missing or unreadable. */
  public RunInfo info() {
    return contents.runInfo();
  }

  /** The verdicts of verdicts.json, empty when it is missing. */
  public List<VerdictResult> verdicts() {
    return verdicts;
  }

  /** scenario.yaml as dotted paths to values (empty when missing). */
  public Map<String, String> scenarioLeaves() {
    return contents.scenarioLeaves();
  }

  /** Whether scenario.yaml was read. */
  public boolean hasScenario() {
    return contents.hasScenario();
  }

  /** The run's observations. */
  public RunObservations observations() {
    return contents.observations();
  }

  /** The injector's ledger. */
  public List<AcceptedMail> accepted() {
    return observations().accepted();
  }

  /** The sinks' arrivals. */
  public List<SinkArrival> arrivals() {
    return observations().arrivals();
  }

  /** The relay's delivery attempts. */
  public List<DeliveryAttempt> attempts() {
    return observations().attempts();
  }

  /** Queue samples, in time order. */
  public List<QueueSample> queue() {
    return observations().queueSamples();
  }

  /** One timeline per message of the ledger. */
  public List<MessageTimeline> timeline() {
    return observations().timelines();
  }

  /** Whether {@code name} exists in the folder. */
  public boolean has(String name) {
    return folder.has(name);
  }

  /** The run's start: run.json's startEpochMs, else the chart origin. */
  public long startEpochMs() {
    RunInfo info = info();
    return info != null ? info.startEpochMs() : originEpochMs();
  }

  /**
   * Time 0 of every chart and of the seconds the report shows: when the first message was injected,
   * the earliest transaction start in accepted.jsonl. Without one, run.json's start; else the
   * earliest queue sample; else 0.
   */
  public long originEpochMs() {
    long min = Long.MAX_VALUE;
    for (AcceptedMail m : accepted()) {
      if (m.startEpochMs() > 0) {
        min = Math.min(min, m.startEpochMs());
      }
    }
    if (min != Long.MAX_VALUE) {
      return min;
    }
    if (info() != null) {
      return info().startEpochMs();
    }
    return queue().isEmpty() ? 0 : queue().get(0).epochMs();
  }

  /** What {@link #originEpochMs()} is, in words, for the page ("the first injected message"). */
  public String originDescription() {
    if (accepted().stream().anyMatch(m -> m.startEpochMs() > 0)) {
      return "the first injected message";
    }
    return info() != null
        ? "the harness start (no message ledger)"
        : "the first queue sample (no message ledger, no run.json)";
  }

  /** The run's end: run.json's endEpochMs, else the latest time in the run's files. */
  public long endEpochMs() {
    RunInfo info = info();
    if (info != null && info.endEpochMs() != null) {
      return info.endEpochMs();
    }
    long max = startEpochMs();
    for (QueueSample s : queue()) {
      max = Math.max(max, s.epochMs());
    }
    for (DeliveryAttempt a : attempts()) {
      max = Math.max(max, a.epochMs());
    }
    for (AcceptedMail m : accepted()) {
      max = Math.max(max, m.endEpochMs());
    }
    for (SinkArrival a : arrivals()) {
      max = Math.max(max, a.arrivalEpochMs());
    }
    return max;
  }
}
