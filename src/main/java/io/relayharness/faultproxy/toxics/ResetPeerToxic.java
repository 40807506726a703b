package io.relayharness.faultproxy.toxics;

import io.relayharness.vocab.ToxicKind;

/**
 * On the first chunk (or end of stream) in its direction: drops it, waits {@code timeoutMs} (not
 * interruptible) and closes the link. Connections accepted while the toxic is present have
 * SO_LINGER 0 on both sockets, so they are reset (RST); connections that were already open get a
 * plain close (FIN), as in the real server. Immutable.
 *
 * @param timeoutMs wait between the first chunk and the reset, in milliseconds
 */
public record ResetPeerToxic(long timeoutMs) implements Toxic {

  /** The {@code reset_peer} type: {@code timeout} (int64 ms). */
  public static final ToxicType TYPE =
      new ToxicType(ToxicKind.RESET_PEER, v -> new ResetPeerToxic(v[0]));

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
    StreamChunk chunk = stub.receive();
    if (chunk == StreamChunk.INTERRUPTED) {
      return;
    }
    stub.sleepUninterruptibly(Math.max(0, timeoutMs) * 1_000_000L);
    stub.close();
  }
}
