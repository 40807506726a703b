package io.relayharness.faultproxy.toxics;

import io.relayharness.vocab.ToxicKind;

/**
 * Drops every chunk and closes the link once {@code timeoutMs} pass with no chunk arriving (an idle
 * timer restarted by each chunk). Timeout 0 drops data for ever without closing. Removing the toxic
 * closes every link it was applied to. Immutable.
 *
 * @param timeoutMs idle time before the link is closed, in milliseconds; 0 = never
 */
public record TimeoutToxic(long timeoutMs) implements CleanupToxic {

  /** The {@code timeout} type: {@code timeout} (int64 ms). */
  public static final ToxicType TYPE =
      new ToxicType(ToxicKind.TIMEOUT, v -> new TimeoutToxic(v[0]));

  @Override
  public ToxicType type() {
    return TYPE;
  }

  @Override
  public long[] attributeValues() {
    return new long[] {timeoutMs};
  }

  @Override
  public void pipe(ToxicStub stub) {
    if (timeoutMs > 0) {
      long timeoutNanos = timeoutMs * 1_000_000L;
      long deadline = System.nanoTime() + timeoutNanos;
      while (true) {
        StreamChunk chunk = stub.receive(deadline);
        if (chunk == StreamChunk.INTERRUPTED) {
          return;
        }
        if (chunk == StreamChunk.TIMED_OUT || chunk == null) {
          stub.close();
          return;
        }
        deadline =
            System.nanoTime() + timeoutNanos; // data restarts the idle timer, then is dropped
      }
    }
    while (true) {
      StreamChunk chunk = stub.receive();
      if (chunk == StreamChunk.INTERRUPTED) {
        return;
      }
      if (chunk == null) {
        stub.close();
        return;
      }
    }
  }

  @Override
  public void cleanup(ToxicStub stub) {
    stub.close();
  }
}
