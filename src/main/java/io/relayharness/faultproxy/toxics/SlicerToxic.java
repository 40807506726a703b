package io.relayharness.faultproxy.toxics;

import io.relayharness.vocab.ToxicKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Cuts each chunk into smaller pieces by halving it recursively until a piece is at most {@code
 * averageSize + sizeVariation} bytes (each cut moved by up to ± sizeVariation), and pauses {@code
 * delayMicros} after each piece. Pieces end up between about avg/2 and avg+var. Immutable.
 *
 * <p>Divergence: {@code average_size <= 0}, {@code size_variation >= average_size} and {@code
 * average_size + size_variation < 1} are rejected with 400 (the real server can crash on them).
 *
 * @param averageSize target piece size in bytes
 * @param sizeVariation allowed deviation of the cut points in bytes
 * @param delayMicros pause after each piece, in microseconds
 */
public record SlicerToxic(long averageSize, long sizeVariation, long delayMicros) implements Toxic {

  /** The {@code slicer} type: {@code average_size}, {@code size_variation}, {@code delay} (µs). */
  public static final ToxicType TYPE =
      new ToxicType(ToxicKind.SLICER, v -> new SlicerToxic(v[0], v[1], v[2]));

  @Override
  public ToxicType type() {
    return TYPE;
  }

  @Override
  public long[] attributeValues() {
    return new long[] {averageSize, sizeVariation, delayMicros};
  }

  @Override
  public String invalidReason() {
    if (averageSize <= 0) {
      return "average_size must be at least 1, got " + averageSize;
    }
    if (sizeVariation >= averageSize) {
      return "size_variation must be less than average_size, got " + sizeVariation;
    }
    if (averageSize + sizeVariation < 1) {
      return "average_size plus size_variation must be at least 1";
    }
    return null;
  }

  /** The piece boundaries of a chunk of {@code length} bytes: [0, b1, b2, ..., length]. */
  List<Integer> boundaries(int length) {
    List<Integer> out = new ArrayList<>();
    out.add(0);
    split(0, length, out);
    return out;
  }

  private void split(int start, int end, List<Integer> out) {
    if ((end - start) - averageSize <= sizeVariation) {
      out.add(end);
      return;
    }
    int mid = start + (end - start) / 2;
    if (sizeVariation > 0) {
      mid += (int) (ThreadLocalRandom.current().nextLong(sizeVariation * 2) - sizeVariation);
    }
    split(start, mid, out);
    split(mid, end, out);
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
      List<Integer> cuts = boundaries(chunk.length());
      for (int i = 1; i < cuts.size(); i++) {
        stub.send(chunk.slice(cuts.get(i - 1), cuts.get(i)));
        if (!stub.sleepUntil(System.nanoTime() + delayMicros * 1_000L)) {
          if (cuts.get(i) < chunk.length()) {
            stub.send(chunk.slice(cuts.get(i), chunk.length()));
          }
          return;
        }
      }
    }
  }
}
