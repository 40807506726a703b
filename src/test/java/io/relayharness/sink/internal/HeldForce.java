package io.relayharness.sink.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link LedgerForce} for tests: each fsync waits for a permit the test gives ({@link #release}),
 * then really forces, and records what it covered. Thread-safe.
 */
public final class HeldForce implements LedgerForce {

  /** How long one fsync waits for its permit before failing. */
  static final long PERMIT_TIMEOUT_MS = 10_000;

  private final Semaphore permits = new Semaphore(0);
  private final List<Long> started = new CopyOnWriteArrayList<>();
  private final AtomicLong forcedBytes = new AtomicLong();

  @Override
  public void force(FileChannel channel, long coveredBytes) throws IOException {
    started.add(coveredBytes);
    try {
      if (!permits.tryAcquire(PERMIT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        throw new IOException("held fsync not released within " + PERMIT_TIMEOUT_MS + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while held", e);
    }
    channel.force(false);
    forcedBytes.accumulateAndGet(coveredBytes, Math::max);
  }

  /** Lets {@code n} more fsyncs through. */
  public void release(int n) {
    permits.release(n);
  }

  /** Returns the covered size of every fsync started so far, in order. */
  public List<Long> started() {
    return List.copyOf(started);
  }

  /** Returns the most bytes a finished fsync covered. */
  public long forcedBytes() {
    return forcedBytes.get();
  }
}
