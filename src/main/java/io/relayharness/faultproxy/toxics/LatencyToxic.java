package io.relayharness.faultproxy.toxics;

import io.relayharness.vocab.ToxicKind;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays each chunk by {@code latencyMs ± jitterMs} counted from the chunk's arrival, so pipelined
 * writes are each delayed by about the latency and the delays do not add up. Chunks stay in order;
 * up to 1024 may queue in front of it. Immutable.
 *
 * @param latencyMs delay added to each chunk, in milliseconds (negative totals mean no delay)
 * @param jitterMs each delay is drawn uniformly from {@code [latency - jitter, latency + jitter)}
 */
public record LatencyToxic(long latencyMs, long jitterMs) implements BufferedToxic {

  /** The {@code latency} type: {@code latency}, {@code jitter} (int64 ms). */
  public static final ToxicType TYPE =
      new ToxicType(ToxicKind.LATENCY, v -> new LatencyToxic(v[0], v[1]));

  @Override
  public ToxicType type() {
    return TYPE;
  }

  @Override
  public long[] attributeValues() {
    return new long[] {latencyMs, jitterMs};
  }

  @Override
  public int bufferChunks() {
    return 1024;
  }

  /** One delay draw in nanoseconds. */
  long delayNanos() {
    long delayMs = latencyMs;
    if (jitterMs > 0) {
      delayMs += ThreadLocalRandom.current().nextLong(jitterMs * 2) - jitterMs;
    }
    return delayMs * 1_000_000L;
  }

  @Override
  public void pipe(ToxicStub stub) {
    while (true) {
      StreamChunk chunk = stub.receive();
      if (chunk == StreamChunk.INTERRUPTED) {
        return;
      }
      if (chunk == null) {
        stub.close();
        return;
      }
      long sleepNanos = delayNanos() - (System.nanoTime() - chunk.arrivalNanos());
      if (stub.sleepUntil(System.nanoTime() + sleepNanos)) {
        stub.send(chunk.withArrivalNanos(chunk.arrivalNanos() + sleepNanos));
      } else {
        stub.send(chunk); // interrupted: forward at once, never drop
        return;
      }
    }
  }
}
