package io.relayharness.cli;

import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.ProgressSnapshot;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Prints a run's progress as one line: rewritten in place (carriage return) on a terminal, a new
 * line every {@code intervalMs} otherwise (logs, CI). Thread-safe (synchronized).
 */
final class ProgressPrinter implements ProgressListener {

  private final PrintWriter out;
  private final boolean terminal;
  private final LongSupplier clockMs;
  private final long intervalMs;
  private long lastPrintedMs = Long.MIN_VALUE;
  private int lastLength;

  /**
   * Creates a printer.
   *
   * @param out where to print
   * @param terminal whether {@code out} is a terminal (rewrite the line in place)
   * @param clockMs the clock that paces lines when not on a terminal
   * @param intervalMs the least time between lines when not on a terminal
   */
  ProgressPrinter(PrintWriter out, boolean terminal, LongSupplier clockMs, long intervalMs) {
    this.out = out;
    this.terminal = terminal;
    this.clockMs = clockMs;
    this.intervalMs = intervalMs;
  }

  @Override
  public synchronized void onProgress(ProgressSnapshot s) {
    String line = format(s);
    if (terminal) {
      int pad = Math.max(0, lastLength - line.length());
      out.print("\r" + line + " ".repeat(pad));
      lastLength = line.length();
      out.flush();
      return;
    }
    long nowMs = clockMs.getAsLong();
    if (lastPrintedMs == Long.MIN_VALUE || nowMs - lastPrintedMs >= intervalMs) {
      out.println(line);
      out.flush();
      lastPrintedMs = nowMs;
    }
  }

  @Override
  public synchronized void onRelayLine(String kind, String line) {
    finish();
    out.println("relay " + kind + ": " + line);
    out.flush();
  }

  /** Ends the progress line (on a terminal) so later output starts on a fresh line. */
  synchronized void finish() {
    if (terminal && lastLength > 0) {
      out.println();
      out.flush();
      lastLength = 0;
    }
  }

  /** Returns the one-line form of a snapshot. */
  static String format(ProgressSnapshot s) {
    StringBuilder delivered = new StringBuilder();
    for (Map.Entry<String, Long> e : s.deliveredByWorker().entrySet()) {
      if (delivered.length() > 0) {
        delivered.append(' ');
      }
      delivered.append(e.getKey().replace("worker", "w")).append('=').append(e.getValue());
    }
    long seconds = s.elapsedMs() / 1000;
    return String.format(
        "[%s] %02d:%02d sent %d accepted %d rejected %d failed %d | delivered %s | queue %s |"
            + " fault: %s",
        s.phase(),
        seconds / 60,
        seconds % 60,
        s.sent(),
        s.accepted(),
        s.rejected(),
        s.failed(),
        delivered.length() == 0 ? "-" : delivered,
        s.relayQueueDepth() < 0 ? "?" : Integer.toString(s.relayQueueDepth()),
        s.currentFault());
  }
}
