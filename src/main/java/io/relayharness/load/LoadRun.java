package io.relayharness.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A load run in progress: live counters while it runs, its {@link LoadResult} when it ends.
 * Thread-safe.
 */
public final class LoadRun {

  private final LoadCounters counters;
  private final CompletableFuture<LoadResult> result;

  LoadRun(LoadCounters counters, CompletableFuture<LoadResult> result) {
    this.counters = counters;
    this.result = result;
  }

  /** Returns the live counters (sent, accepted, rejected, failed). */
  public LoadCounters counters() {
    return counters;
  }

  /** Returns the result, completing when the run and its report are done. */
  public CompletableFuture<LoadResult> result() {
    return result;
  }

  /**
   * Waits up to {@code timeout} for the run to end.
   *
   * @throws TimeoutException when it has not ended by then (it keeps running)
   */
  public LoadResult await(Duration timeout) throws TimeoutException, InterruptedException {
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "load run failed: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
