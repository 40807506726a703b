package io.relayharness.faultproxy.internal;

import io.relayharness.faultproxy.toxics.StreamChunk;
import java.util.ArrayDeque;

/**
 * A bounded FIFO of chunks between two stages of a link (Go's channel). Closing it ends the stream
 * once drained. Not thread-safe by itself: guarded by its link's lock.
 */
final class ChunkQueue {

  private final ArrayDeque<StreamChunk> items = new ArrayDeque<>();
  private final int capacityChunks;
  private boolean closed;

  ChunkQueue(int capacityChunks) {
    this.capacityChunks = Math.max(1, capacityChunks);
  }

  boolean hasRoom() {
    return items.size() < capacityChunks;
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  /** Adds at the end, even past the capacity (callers check {@link #hasRoom()} when they wait). */
  void add(StreamChunk chunk) {
    items.addLast(chunk);
  }

  StreamChunk poll() {
    return items.pollFirst();
  }

  void close() {
    closed = true;
  }

  boolean isClosed() {
    return closed;
  }
}
