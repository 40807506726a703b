package io.relayharness.faultproxy.toxics;

import io.relayharness.vocab.ToxicKind;

/**
 * Passes data unchanged but delays the end of stream by {@code delayMs} once the source closes.
 * Immutable.
 *
 * @param delayMs how long the close is held back, in milliseconds
 */
public record SlowCloseToxic(long delayMs) implements Toxic {

  /** The {@code slow_close} type: {@code delay} (int64 ms). */
  public static final ToxicType TYPE =
      new ToxicType(ToxicKind.SLOW_CLOSE, v -> new SlowCloseToxic(v[0]));

  @Override
  public ToxicType type() {
    return TYPE;
  }

  @Override
  public long[] attributeValues() {
    return new long[] {delayMs};
  }

  @Override
  public void pipe(ToxicStub stub) {
    while (true) {
      StreamChunk chunk = stub.receive();
      if (chunk == StreamChunk.INTERRUPTED) {
        return;
      }
      if (chunk == null) {
        if (stub.sleepUntil(System.nanoTime() + delayMs * 1_000_000L)) {
          stub.close();
        }
        return;
      }
      stub.send(chunk);
    }
  }
}
