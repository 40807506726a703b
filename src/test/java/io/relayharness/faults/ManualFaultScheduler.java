package io.relayharness.faults;

import java.util.PriorityQueue;

/**
 * A {@link FaultScheduler} on a clock the test moves: {@link #advanceTo} runs due tasks in time
 * order, setting the clock to each task's time. Not thread-safe: one test thread.
 */
public final class ManualFaultScheduler implements FaultScheduler {

  private record Task(long atEpochMs, long seq, Runnable run, boolean[] cancelled) {}

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) ->
              a.atEpochMs() != b.atEpochMs()
                  ? Long.compare(a.atEpochMs(), b.atEpochMs())
                  : Long.compare(a.seq(), b.seq()));
  private long nowEpochMs;
  private long seq;

  public ManualFaultScheduler(long startEpochMs) {
    this.nowEpochMs = startEpochMs;
  }

  @Override
  public long nowEpochMs() {
    return nowEpochMs;
  }

  @Override
  public Scheduled schedule(long atEpochMs, Runnable task) {
    boolean[] cancelled = {false};
    tasks.add(new Task(Math.max(atEpochMs, nowEpochMs), seq++, task, cancelled));
    return () -> cancelled[0] = true;
  }

  /** Runs every task due up to {@code epochMs}, then sets the clock there. */
  public void advanceTo(long epochMs) {
    while (!tasks.isEmpty() && tasks.peek().atEpochMs() <= epochMs) {
      Task t = tasks.poll();
      nowEpochMs = t.atEpochMs();
      if (!t.cancelled()[0]) {
        t.run().run();
      }
    }
    nowEpochMs = epochMs;
  }

  @Override
  public void close() {
    tasks.clear();
  }
}
