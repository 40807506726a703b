package io.relayharness.faultproxy.toxics;

import java.util.function.Supplier;

/**
 * One toxic's place in one link: its input, its output, its interrupt signal and its per-link
 * state. A toxic's {@link Toxic#pipe} runs on the stub's own thread; the methods are meant to be
 * called from that thread only.
 *
 * <pre>
 *   reader ──► [stub: toxic 1] ──► [stub: toxic 2] ──► writer ──► destination socket
 * </pre>
 */
public interface ToxicStub {

  /**
   * Waits for the next chunk. Returns {@link StreamChunk#INTERRUPTED} when the toxic must return,
   * and {@code null} at the end of the stream.
   */
  StreamChunk receive();

  /**
   * Like {@link #receive()}, but returns {@link StreamChunk#TIMED_OUT} once {@code deadlineNanos}
   * ({@link System#nanoTime()} units) has passed with no chunk.
   */
  StreamChunk receive(long deadlineNanos);

  /** Passes a chunk on to the next toxic; waits while the next one is full, never drops. */
  void send(StreamChunk chunk);

  /** Waits until {@code deadlineNanos}; returns false (early) when the toxic is interrupted. */
  boolean sleepUntil(long deadlineNanos);

  /** Waits {@code durationNanos} whatever happens (reset_peer's wait cannot be interrupted). */
  void sleepUninterruptibly(long durationNanos);

  /** Ends the stream after this toxic: the link closes once what is queued is written. */
  void close();

  /** The per-link state of a stateful toxic, created on first use; survives toxic updates. */
  <T> T state(Supplier<T> initial);
}
