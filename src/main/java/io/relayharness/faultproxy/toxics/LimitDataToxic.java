package io.relayharness.faultproxy.toxics;

import io.relayharness.vocab.ToxicKind;

/**
 * Passes at most {@code bytes} bytes per link (connection × direction), cutting the chunk that
 * crosses the limit at the exact byte, then closes the link. The count survives updates. With 0,
 * the first chunk is dropped and the link closed. Immutable (the count lives in the stub).
 *
 * @param bytes bytes passed on before the link is closed
 */
public record LimitDataToxic(long bytes) implements Toxic {

  /** The {@code limit_data} type: {@code bytes} (int64). */
  public static final ToxicType TYPE =
      new ToxicType(ToxicKind.LIMIT_DATA, v -> new LimitDataToxic(v[0]));

  /** Bytes passed on so far on one link. Confined to the link's stage thread. */
  static final class Count {
    long transmitted;
  }

  @Override
  public ToxicType type() {
    return TYPE;
  }

  @Override
  public long[] attributeValues() {
    return new long[] {bytes};
  }

  @Override
  public void pipe(ToxicStub stub) {
    Count count = stub.state(Count::new);
    long remaining = bytes - count.transmitted;
    while (true) {
      StreamChunk chunk = stub.receive();
      if (chunk == StreamChunk.INTERRUPTED) {
        return;
      }
      if (chunk == null) {
        stub.close();
        return;
      }
      if (remaining < 0) {
        remaining = 0;
      }
      if (remaining < chunk.length()) {
        chunk = chunk.slice(0, (int) remaining);
      }
      if (chunk.length() > 0) {
        stub.send(chunk);
        count.transmitted += chunk.length();
        remaining = bytes - count.transmitted;
      }
      if (remaining <= 0) {
        stub.close();
        return;
      }
    }
  }
}
