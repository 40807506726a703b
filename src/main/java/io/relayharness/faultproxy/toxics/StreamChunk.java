package io.relayharness.faultproxy.toxics;

/**
 * A run of bytes read from one socket, stamped with its arrival time ({@link System#nanoTime()}).
 * Immutable: slices share the backing array. Thread-safe.
 */
public final class StreamChunk {

  /** Returned by {@link ToxicStub#receive} when the toxic must stop (update, removal, restart). */
  public static final StreamChunk INTERRUPTED = new StreamChunk(new byte[0], 0, 0, 0);

  /** Returned by {@link ToxicStub#receive(long)} when the deadline passed with no chunk. */
  public static final StreamChunk TIMED_OUT = new StreamChunk(new byte[0], 0, 0, 0);

  private final byte[] data;
  private final int offset;
  private final int length;
  private final long arrivalNanos;

  /** A chunk over {@code data[offset, offset+length)} that arrived at {@code arrivalNanos}. */
  public StreamChunk(byte[] data, int offset, int length, long arrivalNanos) {
    this.data = data;
    this.offset = offset;
    this.length = length;
    this.arrivalNanos = arrivalNanos;
  }

  /** The backing array (read only by convention). */
  public byte[] data() {
    return data;
  }

  /** Start of this chunk in {@link #data()}. */
  public int offset() {
    return offset;
  }

  /** Number of bytes in this chunk. */
  public int length() {
    return length;
  }

  /** Arrival time in {@link System#nanoTime()} units. */
  public long arrivalNanos() {
    return arrivalNanos;
  }

  /** The bytes {@code [from, to)} of this chunk, same arrival time. */
  public StreamChunk slice(int from, int to) {
    return new StreamChunk(data, offset + from, to - from, arrivalNanos);
  }

  /** This chunk with another arrival time. */
  public StreamChunk withArrivalNanos(long nanos) {
    return new StreamChunk(data, offset, length, nanos);
  }
}
