package io.relayharness.faultproxy.internal;

import io.relayharness.faultproxy.toxics.BufferedToxic;
import io.relayharness.faultproxy.toxics.CleanupToxic;
import io.relayharness.faultproxy.toxics.ResetPeerToxic;
import io.relayharness.faultproxy.toxics.StreamChunk;
import io.relayharness.faultproxy.toxics.Toxic;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of a connection: bytes read from {@code source} go through the toxics of that
 * direction, then are written to {@code dest}.
 *
 * <pre>
 *   direct mode (no toxics):   source ──read──► dest            (one thread, one buffer, no copy)
 *   toxic mode:                source ──read──► [stage 1] ──► ... ──► [stage n] ──► writer ──► dest
 *                                       head                                  tail
 * </pre>
 *
 * The reader picks the mode for each chunk after it is read, so a toxic added while the reader
 * waits applies to the next chunk. A link goes back to direct mode once its last toxic is removed
 * and the writer has drained. When the stream ends (EOF or a read error) the end is passed down the
 * chain and the destination socket is closed (a full close, as in the real server). Thread-safe:
 * chain changes from API threads and the reader, stage and writer threads all synchronize on {@link
 * #lock}.
 */
final class Link {

  /** Read buffer of the direct path (large, so a bulk transfer needs few system calls). */
  static final int DIRECT_BUFFER_BYTES = 256 * 1024;

  /** Largest chunk in toxic mode: the real server reads 32 KiB at a time. */
  static final int TOXIC_CHUNK_BYTES = 32 * 1024;

  private static final int WRITER_QUEUE_CHUNKS = 16;

  final ReentrantLock lock = new ReentrantLock();
  final Condition changed = lock.newCondition();

  final Direction direction;
  private final SocketChannel source;
  private final SocketChannel dest;
  private final Connection connection;
  private final Executor threads;

  // Guarded by lock.
  private final List<Stage> stages = new ArrayList<>();
  private ChunkQueue tail;
  private boolean writerBusy;
  private boolean readerDone;
  boolean dead;
  private boolean finished;

  /** Where the reader sends chunks; null in direct mode. Written under lock. */
  private volatile ChunkQueue head;

  Link(
      Direction direction,
      SocketChannel source,
      SocketChannel dest,
      Connection connection,
      Executor threads) {
    this.direction = direction;
    this.source = source;
    this.dest = dest;
    this.connection = connection;
    this.threads = threads;
  }

  /** Builds the stages for the chain present when the connection is accepted. */
  void start(List<ToxicEntry> chain) {
    boolean linger = false;
    lock.lock();
    try {
      for (ToxicEntry entry : chain) {
        appendStage(entry);
        linger |= entry.toxic instanceof ResetPeerToxic;
      }
    } finally {
      lock.unlock();
    }
    if (linger) {
      // Present at accept: the close becomes an abortive RST on both sockets.
      setLingerZero(source);
      setLingerZero(dest);
    }
  }

  private static void setLingerZero(SocketChannel ch) {
    try {
      ch.setOption(StandardSocketOptions.SO_LINGER, 0);
    } catch (IOException | RuntimeException ignored) {
      // The socket is already closed: nothing to reset.
    }
  }

  private static int capacityFor(Toxic toxic) {
    return toxic instanceof BufferedToxic b ? b.bufferChunks() : 1;
  }

  /** Appends a stage at the end of the chain, entering toxic mode if needed (lock held). */
  private void appendStage(ToxicEntry entry) {
    ChunkQueue in = new ChunkQueue(capacityFor(entry.toxic));
    if (head == null) {
      tail = new ChunkQueue(WRITER_QUEUE_CHUNKS);
      ChunkQueue writerQueue = tail;
      threads.execute(() -> runWriter(writerQueue));
    }
    ChunkQueue out;
    if (stages.isEmpty()) {
      out = tail;
      head = in;
    } else {
      Stage last = stages.get(stages.size() - 1);
      out = last.output;
      last.output = in;
    }
    Stage stage = new Stage(this, entry, in, out);
    stages.add(stage);
    threads.execute(stage::runLoop);
  }

  private Stage find(ToxicEntry entry) {
    for (Stage s : stages) {
      if (s.entry == entry) {
        return s;
      }
    }
    return null;
  }

  /** A toxic appended to the proxy's chain: add it to this live link (Go's AddToxic). */
  void addToxic(ToxicEntry entry) {
    lock.lock();
    try {
      if (dead || readerDone) {
        return; // the link is closing
      }
      if (stages.isEmpty()) {
        appendStage(entry);
        return;
      }
      Stage last = stages.get(stages.size() - 1);
      if (!last.interrupt()) {
        return;
      }
      appendStage(entry);
      last.restart(); // the toxic before a new one is restarted: a new toxicity draw
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /** A toxic's parameters or toxicity changed: restart it on this link (Go's UpdateToxic). */
  void updateToxic(ToxicEntry entry) {
    lock.lock();
    try {
      Stage s = find(entry);
      if (s != null && s.interrupt()) {
        s.restart();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /**
   * A toxic removed from the proxy: take it out of this link, passing on what it holds (Go's
   * RemoveToxic); a cleanup toxic (timeout) closes the link instead.
   */
  void removeToxic(ToxicEntry entry) {
    lock.lock();
    try {
      Stage s = find(entry);
      if (s == null || !s.interrupt()) {
        return;
      }
      if (entry.toxic instanceof CleanupToxic cleanup) {
        cleanup.cleanup(s);
        if (s.closed) {
          return;
        }
      }
      int i = stages.indexOf(s);
      Stage prev = i > 0 ? stages.get(i - 1) : null;
      boolean prevAlive = prev == null || prev.interrupt();
      ChunkQueue in = s.input;
      ChunkQueue out = s.output;
      for (StreamChunk c = in.poll(); c != null; c = in.poll()) {
        out.add(c);
      }
      if (in.isClosed()) {
        s.close(); // the stream already ended in front of it: pass the end on
        return;
      }
      if (prev != null) {
        prev.output = out;
      } else {
        head = out;
      }
      stages.remove(i);
      s.removed = true;
      changed.signalAll();
      if (prev != null && prevAlive) {
        prev.restart(); // the toxic before a removed one is restarted: a new toxicity draw
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /**
   * One read buffer per link thread, kept across connections: the threads are pooled, and a relay
   * that opens a connection per message (connection caching off) made every connection allocate two
   * fresh 256 KiB direct buffers, zeroed, and freed only by a GC (measured in the harness's CPU per
   * message).
   */
  private static final ThreadLocal<ByteBuffer> READ_BUFFER =
      ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(DIRECT_BUFFER_BYTES));

  /** The reader: runs on the connection's thread until the source ends or fails. */
  void runReader() {
    ByteBuffer buf = READ_BUFFER.get(); // used only on this thread, only until this method ends
    try {
      while (true) {
        buf.clear();
        if (head != null) {
          buf.limit(TOXIC_CHUNK_BYTES);
        }
        int n = source.read(buf);
        long arrivalNanos = System.nanoTime();
        if (n < 0) {
          break;
        }
        buf.flip();
        if (head != null) {
          byte[] data = new byte[n];
          buf.get(data);
          if (sendFromReader(new StreamChunk(data, 0, n, arrivalNanos))) {
            continue;
          }
          buf.rewind();
        }
        while (buf.hasRemaining()) {
          dest.write(buf);
        }
      }
    } catch (IOException | LinkClosedException e) {
      // A read error ends the stream like EOF; a write error in direct mode closes the link.
    }
    endOfSource();
  }

  /** Sends a chunk into the chain; false when the link went back to direct mode. */
  private boolean sendFromReader(StreamChunk chunk) {
    lock.lock();
    try {
      while (true) {
        if (dead) {
          throw new LinkClosedException();
        }
        ChunkQueue q = head;
        if (q == null) {
          return false;
        }
        if (stages.isEmpty() && q == tail && q.isEmpty() && !writerBusy) {
          head = null; // last toxic gone and writer drained: back to the direct path
          tail = null;
          changed.signalAll();
          return false;
        }
        if (q.hasRoom()) {
          q.add(chunk);
          changed.signalAll();
          return true;
        }
        changed.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkClosedException();
    } finally {
      lock.unlock();
    }
  }

  private void endOfSource() {
    boolean direct;
    lock.lock();
    try {
      readerDone = true;
      direct = head == null || dead;
      if (!direct) {
        head.close(); // the end of stream goes down the chain
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
    if (direct) {
      finish();
    }
  }

  /** The writer of toxic mode: drains {@code queue} into the destination socket. */
  private void runWriter(ChunkQueue queue) {
    try {
      while (true) {
        StreamChunk chunk;
        lock.lock();
        try {
          writerBusy = false;
          changed.signalAll();
          while (true) {
            if (dead) {
              chunk = null;
              break;
            }
            chunk = queue.poll();
            if (chunk != null) {
              writerBusy = true;
              changed.signalAll();
              break;
            }
            if (tail != queue) {
              return; // back to direct mode
            }
            if (queue.isClosed()) {
              chunk = null;
              break;
            }
            changed.await();
          }
        } finally {
          lock.unlock();
        }
        if (chunk == null) {
          finish();
          return;
        }
        ByteBuffer b = ByteBuffer.wrap(chunk.data(), chunk.offset(), chunk.length());
        while (b.hasRemaining()) {
          dest.write(b);
        }
      }
    } catch (IOException e) {
      finish();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finish();
    }
  }

  /** The stream ended: close the destination, stop every thread of this link. */
  private void finish() {
    lock.lock();
    try {
      if (finished) {
        return;
      }
      finished = true;
      dead = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    Connection.closeQuietly(dest);
    connection.linkFinished(this);
  }

  /** Tears the link down at once (proxy disabled or deleted): threads stop, sockets close. */
  void kill() {
    lock.lock();
    try {
      dead = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    Connection.closeQuietly(source);
    Connection.closeQuietly(dest);
  }
}
