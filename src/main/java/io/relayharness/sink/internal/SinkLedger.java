package io.relayharness.sink.internal;

import io.relayharness.ledger.JsonLines;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, append-only JSON-lines file: {@link #append} returns only after an fsync covered the
 * record, so a sink may answer 250 right after it.
 *
 * <pre>
 *   session threads ──append(line)──► write at end (under lock) ──► wait until durable
 *                                           │
 *       groupCommitMs = 0 : each writer fsyncs its own record (serialized, one fsync a message)
 *       groupCommitMs > 0 : the first waiter becomes leader, lets others write for up to
 *                           groupCommitMs, fsyncs once for all of them, wakes them
 * </pre>
 *
 * <p>On open, a torn last line (bytes after the last newline, left by a crash in the middle of a
 * write) is moved to a {@code .torn-<epochMs>} file next to the ledger, the ledger is truncated to
 * its last complete line, and this is logged. Readers ({@link #read}) see only durable bytes, in
 * whole lines. Thread-safe.
 */
public final class SinkLedger implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SinkLedger.class);

  private final Path file;
  private final long groupCommitNanos;
  private final FileChannel appendChannel;
  private final FileChannel readChannel;
  private final long recoveredRecords;
  private final long tornBytes;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition durable = lock.newCondition();
  private final Condition gatherWindow = lock.newCondition();
  private long writtenBytes; // guarded by lock
  private volatile long durableBytes; // written under lock
  private boolean syncing; // guarded by lock
  private long appendedRecords; // guarded by lock
  private long fsyncs; // guarded by lock
  private long fsyncNanos; // time inside the appends' fsyncs; guarded by lock
  private long gatherNanos; // time leaders waited for other writers; guarded by lock
  private boolean closed; // guarded by lock

  private SinkLedger(Path file, long groupCommitMs, long recoveredRecords, long tornBytes)
      throws IOException {
    this.file = file;
    this.groupCommitNanos = TimeUnit.MILLISECONDS.toNanos(groupCommitMs);
    this.recoveredRecords = recoveredRecords;
    this.tornBytes = tornBytes;
    this.appendChannel =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    this.readChannel = FileChannel.open(file, StandardOpenOption.READ);
    this.writtenBytes = appendChannel.size();
    this.durableBytes = writtenBytes;
  }

  /**
   * Opens (creating if absent) the ledger at {@code file}, repairing a torn last line first.
   *
   * @param groupCommitMs 0 for one fsync per record; above 0, how long a leader gathers records
   *     from other writers before their shared fsync
   */
  public static SinkLedger open(Path file, long groupCommitMs) throws IOException {
    if (groupCommitMs < 0) {
      throw new IllegalArgumentException("groupCommitMs must be >= 0, was " + groupCommitMs);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    long torn = 0;
    long records = 0;
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long[] scan = scanLines(ch, size);
      records = scan[0];
      long lastLineEnd = scan[1];
      if (lastLineEnd < size) {
        torn = size - lastLineEnd;
        Path tornFile =
            file.resolveSibling(file.getFileName() + ".torn-" + System.currentTimeMillis());
        ByteBuffer tail = ByteBuffer.allocate((int) Math.min(torn, 16 * 1024 * 1024));
        ch.read(tail, lastLineEnd);
        Files.write(tornFile, java.util.Arrays.copyOf(tail.array(), tail.position()));
        ch.truncate(lastLineEnd);
        ch.force(true);
        LOG.warn(
            "ledger {}: torn last line of {} bytes at offset {} removed (kept in {}); {} complete"
                + " records remain",
            file,
            torn,
            lastLineEnd,
            tornFile.getFileName(),
            records);
      }
    }
    return new SinkLedger(file, groupCommitMs, records, torn);
  }

  /** Returns {count of complete lines, offset just after the last newline}. */
  private static long[] scanLines(FileChannel ch, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    long records = 0;
    long lastEnd = 0;
    long pos = 0;
    while (pos < size) {
      buf.clear();
      int n = ch.read(buf, pos);
      if (n <= 0) {
        break;
      }
      byte[] a = buf.array();
      for (int i = 0; i < n; i++) {
        if (a[i] == '\n') {
          records++;
          lastEnd = pos + i + 1;
        }
      }
      pos += n;
    }
    return new long[] {records, lastEnd};
  }

  /** Appends {@code record} as one JSON line; returns once it is durable. */
  public void append(Object record) throws IOException {
    appendLine(JsonLines.toLine(record));
  }

  /** Appends one line (no newline inside); returns once an fsync covered it. */
  public void appendLine(String line) throws IOException {
    if (line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a ledger line must not contain a newline");
    }
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    lock.lock();
    try {
      if (closed) {
        throw new IOException("ledger " + file + " is closed");
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      try {
        while (buffer.hasRemaining()) {
          appendChannel.write(buffer);
        }
      } catch (IOException e) {
        // a partial line may now end the file: refuse further appends (a restart repairs it)
        closed = true;
        throw e;
      }
      writtenBytes += bytes.length;
      appendedRecords++;
      long myEnd = writtenBytes;
      if (groupCommitNanos == 0) {
        long t0 = System.nanoTime();
        appendChannel.force(false);
        fsyncNanos += System.nanoTime() - t0;
        fsyncs++;
        durableBytes = myEnd;
        return;
      }
      while (durableBytes < myEnd) {
        if (syncing) {
          durable.awaitUninterruptibly();
        } else {
          leadOneSync();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** As leader: gather writes for the window, fsync once, publish. Called with the lock held. */
  private void leadOneSync() throws IOException {
    syncing = true;
    boolean done = false;
    try {
      long left = groupCommitNanos;
      long t0 = System.nanoTime();
      while (left > 0) {
        try {
          left = gatherWindow.awaitNanos(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      long target = writtenBytes;
      long t1 = System.nanoTime();
      lock.unlock();
      try {
        appendChannel.force(false);
        done = true;
      } finally {
        lock.lock();
      }
      gatherNanos += t1 - t0;
      fsyncNanos += System.nanoTime() - t1;
      fsyncs++;
      if (target > durableBytes) {
        durableBytes = target;
      }
    } finally {
      syncing = false;
      durable.signalAll();
      if (!done) {
        LOG.error("ledger {}: fsync failed", file);
      }
    }
  }

  /**
   * Reads whole lines from byte offset {@code fromOffset} up to the durable end, at most about
   * {@code maxBytes} (at least one line when one is there).
   *
   * @throws IllegalArgumentException when the offset is past the end or not at a line start
   */
  public Chunk read(long fromOffset, int maxBytes) throws IOException {
    long end = durableBytes;
    if (fromOffset < 0 || fromOffset > end) {
      throw new IllegalArgumentException(
          "offset " + fromOffset + " is outside the ledger [0, " + end + "]");
    }
    if (fromOffset > 0) {
      ByteBuffer one = ByteBuffer.allocate(1);
      readChannel.read(one, fromOffset - 1);
      if (one.get(0) != '\n') {
        throw new IllegalArgumentException("offset " + fromOffset + " is not at a line start");
      }
    }
    long want = Math.min(end - fromOffset, Math.max(1, maxBytes));
    ByteBuffer buf = ByteBuffer.allocate((int) want);
    while (buf.hasRemaining()) {
      if (readChannel.read(buf, fromOffset + buf.position()) <= 0) {
        break;
      }
    }
    byte[] bytes = buf.array();
    int len = buf.position();
    int cut = len;
    while (cut > 0 && bytes[cut - 1] != '\n') {
      cut--;
    }
    if (cut == 0 && len > 0) {
      // one line longer than maxBytes: extend to its end
      return readOneLongLine(fromOffset, end);
    }
    return new Chunk(java.util.Arrays.copyOf(bytes, cut), fromOffset + cut, end);
  }

  private Chunk readOneLongLine(long fromOffset, long end) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(end - fromOffset, Integer.MAX_VALUE - 8));
    while (buf.hasRemaining() && readChannel.read(buf, fromOffset + buf.position()) > 0) {
      // fill
    }
    byte[] b = buf.array();
    int cut = 0;
    while (cut < buf.position() && b[cut] != '\n') {
      cut++;
    }
    return new Chunk(java.util.Arrays.copyOf(b, cut + 1), fromOffset + cut + 1, end);
  }

  /** Lines read from the ledger and where the next read should start. */
  public record Chunk(byte[] bytes, long nextOffset, long durableBytes) {}

  /** Returns the ledger's path. */
  public Path file() {
    return file;
  }

  /** Returns the byte size that fsyncs have covered. */
  public long durableBytes() {
    return durableBytes;
  }

  /** Returns how many complete records the file held when it was opened. */
  public long recoveredRecords() {
    return recoveredRecords;
  }

  /** Returns how many torn bytes were removed when it was opened (0 when none). */
  public long tornBytes() {
    return tornBytes;
  }

  /** Returns how many records this process appended. */
  public long appendedRecords() {
    lock.lock();
    try {
      return appendedRecords;
    } finally {
      lock.unlock();
    }
  }

  /** Returns how many fsyncs this process made for appends. */
  public long fsyncs() {
    lock.lock();
    try {
      return fsyncs;
    } finally {
      lock.unlock();
    }
  }

  /** Returns {time inside fsyncs, time leaders spent gathering} in nanoseconds, since open. */
  public long[] syncNanos() {
    lock.lock();
    try {
      return new long[] {fsyncNanos, gatherNanos};
    } finally {
      lock.unlock();
    }
  }

  /** Flushes and closes; later appends fail. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      while (syncing) {
        durable.awaitUninterruptibly();
      }
      if (closed) {
        return;
      }
      closed = true;
      appendChannel.force(false);
      durableBytes = writtenBytes;
      appendChannel.close();
      readChannel.close();
    } finally {
      lock.unlock();
    }
  }
}
