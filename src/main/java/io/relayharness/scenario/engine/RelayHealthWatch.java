package io.relayharness.scenario.engine;

import io.relayharness.observe.JsonLinesAppender;
import io.relayharness.observe.RelayLogParser;
import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunFolder;
import io.relayharness.scenario.ProgressListener;
import io.relayharness.topology.Relay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the relay's log from its first second: every distinct warning goes to the progress
 * listener as it appears (one line each), and a line that says the relay itself is broken (fatal,
 * panic, a throttled daemon, an unavailable table) marks the run unhealthy, so the engine can skip
 * what is left to wait for. The relay's log lines and its warnings are appended to the run folder's
 * {@code relay.log} and {@code warnings.jsonl} as they appear, so a run killed part way (or whose
 * containers went first) leaves them behind. Thread-safe.
 */
final class RelayHealthWatch implements AutoCloseable {

  private static final long PERIOD_MS = 1000;

  private final Relay relay;
  private final ProgressListener progress;
  private final Set<String> seen = new LinkedHashSet<>();
  private final Set<String> shown = new LinkedHashSet<>();
  private final List<RelayWarning> unhealthy = new ArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "relay-harness-health");
            t.setDaemon(true);
            return t;
          });
  private int sinceEpochSecond;
  private volatile java.util.function.Consumer<String> onUnhealthy = line -> {};

  /** Calls {@code action} with the relay's line, once, when the relay first says it is broken. */
  synchronized void onUnhealthy(java.util.function.Consumer<String> action) {
    this.onUnhealthy = action;
    if (!unhealthy.isEmpty()) {
      action.accept(stripTimestamp(unhealthy.get(0).line()));
    }
  }

  private final JsonLinesAppender warningsFile;
  private final JsonLinesAppender relayLogFile;
  private java.time.Instant lastLineAt = java.time.Instant.EPOCH;

  RelayHealthWatch(Relay relay, ProgressListener progress, java.nio.file.Path runDir) {
    this.relay = relay;
    this.progress = progress;
    this.warningsFile = new JsonLinesAppender(runDir.resolve(RunFolder.WARNINGS));
    this.relayLogFile = new JsonLinesAppender(runDir.resolve(RunFolder.RELAY_LOG));
  }

  void start() {
    timer.scheduleWithFixedDelay(this::pollQuietly, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Returns whether the relay has logged a line that says it is broken. */
  synchronized boolean unhealthy() {
    return !unhealthy.isEmpty();
  }

  /** Returns the first line that said the relay is broken, or null. */
  synchronized String firstUnhealthyLine() {
    return unhealthy.isEmpty() ? null : unhealthy.get(0).line();
  }

  /** Reads the log once more now (before the verdicts). */
  void pollNow() {
    pollQuietly();
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      // a restarting relay has no log for a moment: the next poll reads it
    }
  }

  private synchronized void poll() {
    int now = (int) (System.currentTimeMillis() / 1000);
    String text = relay.logSince(sinceEpochSecond);
    // Seconds overlap between polls: lines are kept apart by their text, timestamps included.
    sinceEpochSecond = Math.max(0, now - 1);
    appendNewLines(text);
    RelayLogParser parser = RelayLogParser.parseAll(text.lines()::iterator);
    for (RelayWarning w : parser.warnings()) {
      if (!seen.add(w.line())) {
        continue;
      }
      warningsFile.append(w);
      if (w.unhealthy()) {
        unhealthy.add(w);
        if (unhealthy.size() == 1) {
          onUnhealthy.accept(stripTimestamp(w.line()));
        }
      }
      String line = stripTimestamp(w.line());
      // One console line per kind of message: ids, pids and numbers do not make a new one.
      String shape =
          w.kind() + ":" + line.replaceAll("\\b\\w{10,}\\b", "ID").replaceAll("\\d+", "N");
      if (shown.add(shape)) {
        progress.onRelayLine(w.kind(), line);
      }
    }
  }

  private static String stripTimestamp(String line) {
    int space = line.indexOf(' ');
    return space > 0 && Character.isDigit(line.charAt(0)) ? line.substring(space + 1) : line;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    warningsFile.close();
    relayLogFile.close();
  }

  /**
   * Appends the log lines newer than the last one written (polls overlap by a second), so the run
   * folder holds the relay's log up to the last poll whatever ends the run.
   */
  private void appendNewLines(String text) {
    for (String line : text.split("\n")) {
      int space = line.indexOf(' ');
      if (space <= 0) {
        continue;
      }
      java.time.Instant at;
      try {
        at = java.time.Instant.parse(line.substring(0, space));
      } catch (java.time.format.DateTimeParseException e) {
        continue;
      }
      if (at.isAfter(lastLineAt)) {
        relayLogFile.appendLine(line);
        lastLineAt = at;
      }
    }
  }
}
