package io.relayharness.faults;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link FaultScheduler} on the system clock with one daemon thread named {@code timeline}.
 * Thread-safe.
 */
public final class SystemFaultScheduler implements FaultScheduler {

  private final ScheduledThreadPoolExecutor executor;

  /** Creates the scheduler and its thread. */
  public SystemFaultScheduler() {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "timeline");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public long nowEpochMs() {
    return System.currentTimeMillis();
  }

  @Override
  public Scheduled schedule(long atEpochMs, Runnable task) {
    long delayMs = Math.max(0, atEpochMs - nowEpochMs());
    ScheduledFuture<?> future = executor.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
