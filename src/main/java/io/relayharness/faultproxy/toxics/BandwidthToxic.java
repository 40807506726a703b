package io.relayharness.faultproxy.toxics;

import io.relayharness.vocab.ToxicKind;

/**
 * Limits a link to {@code rateKbPerSec} (1 KB = 1000 bytes): each chunk of n bytes adds n/rate ms
 * to a sleep budget, and chunks larger than {@code rate*100} bytes go out in pieces of that size,
 * one every 100 ms. Rate 0 holds all data (and the end of stream) until the toxic is removed or
 * changed. Immutable.
 *
 * <p>Divergence: a negative rate is rejected with 400 (the real server crashes on it).
 *
 * @param rateKbPerSec throughput limit in KB (1000 bytes) per second; 0 stalls the link
 */
public record BandwidthToxic(long rateKbPerSec) implements Toxic {

  /** The {@code bandwidth} type: {@code rate} (int64 KB/s). */
  public static final ToxicType TYPE =
      new ToxicType(ToxicKind.BANDWIDTH, v -> new BandwidthToxic(v[0]));

  private static final long SLICE_NANOS = 100_000_000L;

  @Override
  public ToxicType type() {
    return TYPE;
  }

  @Override
  public long[] attributeValues() {
    return new long[] {rateKbPerSec};
  }

  @Override
  public String invalidReason() {
    return rateKbPerSec < 0 ? "rate must not be negative, got " + rateKbPerSec : null;
  }

  @Override
  public void pipe(ToxicStub stub) {
    long sleepNanos = 0;
    while (true) {
      StreamChunk chunk = stub.receive();
      if (chunk == StreamChunk.INTERRUPTED) {
        return;
      }
      if (chunk == null) {
        stub.close();
        return;
      }
      if (rateKbPerSec <= 0) {
        sleepNanos = 0;
      } else {
        sleepNanos += chunk.length() * 1_000_000L / rateKbPerSec;
      }
      long sliceBytes = rateKbPerSec * 100;
      while (chunk.length() > sliceBytes) {
        if (!stub.sleepUntil(System.nanoTime() + SLICE_NANOS)) {
          stub.send(chunk);
          return;
        }
        if (sliceBytes > 0) {
          stub.send(chunk.slice(0, (int) sliceBytes));
          chunk = chunk.slice((int) sliceBytes, chunk.length());
        }
        sleepNanos -= SLICE_NANOS;
      }
      long start = System.nanoTime();
      if (stub.sleepUntil(start + sleepNanos)) {
        sleepNanos -= System.nanoTime() - start; // carry the timer's overshoot into the next sleep
        stub.send(chunk);
      } else {
        stub.send(chunk);
        return;
      }
    }
  }
}
