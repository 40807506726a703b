package io.relayharness.sink.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.subethamail.smtp.server.SessionIdFactory;

/**
 * Session ids unique across restarts of a worker: {@code <worker>-<start time, base 36>-<n>}.
 * Thread-safe.
 */
public final class SessionIds implements SessionIdFactory {

  private final String prefix;
  private final AtomicLong next = new AtomicLong(1);

  public SessionIds(String worker, long startEpochMs) {
    this.prefix = worker + "-" + Long.toString(startEpochMs, 36) + "-";
  }

  @Override
  public String create() {
    return prefix + next.getAndIncrement();
  }
}
