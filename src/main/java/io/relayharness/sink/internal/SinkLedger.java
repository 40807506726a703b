package io.relayharness.sink.internal;

import io.relayharness.ledger.JsonLines;
import io.relayharness.sink.LedgerSync;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, append-only JSON-lines file: {@link #append} returns only after an fsync ({@code
 * fdatasync}, through a {@link LedgerForce}) covered the record, so a sink may answer 250 right
 * after it.
 *
 * <pre>
 *   session threads ──append(line)──► write at end (under lock, a few µs) ──► wait until durable
 *                                            │
 *   GROUP:       no fsync running → this writer leads: fsync of everything written so far, then it
 *                wakes exactly the writers that fsync covered and hands the lead to the oldest
 *                writer still waiting (written during the fsync), which starts the next fsync at
 *                once. No timer: a batch is whatever arrived during the previous fsync
 *                (gatherMs &gt; 0 adds a fixed wait before each fsync, for comparison).
 *   PER_MESSAGE: each writer fsyncs its own record, one at a time, under the lock.
 * </pre>
 *
 * <p>Waiting writers park on their own {@link Waiter} and are woken one by one (no broadcast, no
 * lock to take again). A failed fsync closes the ledger: the records it covered cannot be trusted
 * to be on disk, so every writer waiting on it gets the {@link IOException} (the sink answers 451)
 * and later appends fail until a restart.
 *
 * <p>The file is grown ahead of the records by {@link #SEGMENT_BYTES} of written zeros, and records
 * overwrite them in place, so most fsyncs flush data only ({@code fdatasync} of an appending write
 * also commits the file's new size to the journal: about twice the time here). While the sink runs,
 * or after it was killed, the records are followed by zeros: readers stop at the first zero byte
 * (JSON text never holds one), as {@link io.relayharness.ledger.JsonLines} does. {@link #close}
 * cuts the zeros off.
 *
 * <p>On open, a torn last line (bytes after the last newline, left by a crash in the middle of a
 * write; after a power loss, also records written after a block that never reached the disk) is
 * moved to a {@code .torn-<epochMs>} file next to the ledger, the ledger is truncated to its last
 * complete line before the first zero byte, and this is logged. Readers ({@link #read}) see only
 * durable bytes, in whole lines. Thread-safe.
 */
public final class SinkLedger implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SinkLedger.class);

  /** The file grows by this many zero bytes at a time, ahead of the records. */
  static final int SEGMENT_BYTES = 4 * 1024 * 1024;

  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(256 * 1024).asReadOnlyBuffer();

  private final Path file;
  private final LedgerSync sync;
  private final long gatherNanosEach;
  private final LedgerForce force;
  private final FileChannel appendChannel;
  private final FileChannel readChannel;
  private final long recoveredRecords;
  private final long tornBytes;

  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>(); // by end offset; guarded by lock
  private long writtenBytes; // guarded by lock
  private long allocatedBytes; // the file's size: records, then zeros; guarded by lock
  private volatile long durableBytes; // raised by the fsync's leader, or under lock
  private boolean syncing; // a leader is running; guarded by lock
  private long appendedRecords; // guarded by lock
  private long fsyncs; // guarded by lock
  private long fsyncNanos; // time inside the appends' fsyncs; guarded by lock
  private long gatherNanos; // time leaders waited before their fsync; guarded by lock
  private boolean closed; // guarded by lock
  private IOException failure; // the fsync failure that closed the ledger; guarded by lock

  /** One writer waiting for its record to be durable, or for the lead. */
  private static final class Waiter {
    static final int WAITING = 0;
    static final int DURABLE = 1;
    static final int LEAD = 2;
    static final int FAILED = 3;

    final Thread thread = Thread.currentThread();
    final long end;
    volatile int state = WAITING;

    Waiter(long end) {
      this.end = end;
    }
  }

  private SinkLedger(
      Path file,
      LedgerSync sync,
      long gatherMs,
      LedgerForce force,
      long recoveredRecords,
      long tornBytes)
      throws IOException {
    this.file = file;
    this.sync = sync;
    this.gatherNanosEach = TimeUnit.MILLISECONDS.toNanos(gatherMs);
    this.force = force;
    this.recoveredRecords = recoveredRecords;
    this.tornBytes = tornBytes;
    this.appendChannel = FileChannel.open(file, StandardOpenOption.WRITE);
    this.readChannel = FileChannel.open(file, StandardOpenOption.READ);
    this.writtenBytes = appendChannel.size();
    this.allocatedBytes = writtenBytes;
    this.durableBytes = writtenBytes;
  }

  /** Opens the ledger at {@code file} with group commit and no gathering wait, real fsyncs. */
  public static SinkLedger open(Path file) throws IOException {
    return open(file, LedgerSync.GROUP, 0, LedgerForce.FDATASYNC);
  }

  /**
   * Opens (creating if absent) the ledger at {@code file}, repairing a torn last line first.
   *
   * @param sync group commit or one fsync per record
   * @param gatherMs with {@link LedgerSync#GROUP}, how long each leader waits for more records
   *     before its fsync (0: none, the fsync starts at once)
   * @param force what makes written bytes durable ({@link LedgerForce#FDATASYNC} but in tests)
   */
  public static SinkLedger open(Path file, LedgerSync sync, long gatherMs, LedgerForce force)
      throws IOException {
    if (gatherMs < 0) {
      throw new IllegalArgumentException("gatherMs must be >= 0, was " + gatherMs);
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
      long dataEnd = scan[2];
      if (dataEnd > lastLineEnd) {
        torn = dataEnd - lastLineEnd;
        Path tornFile =
            file.resolveSibling(file.getFileName() + ".torn-" + System.currentTimeMillis());
        ByteBuffer tail = ByteBuffer.allocate((int) Math.min(torn, 16 * 1024 * 1024));
        ch.read(tail, lastLineEnd);
        Files.write(tornFile, java.util.Arrays.copyOf(tail.array(), tail.position()));
        LOG.warn(
            "ledger {}: torn last line of {} bytes at offset {} removed (kept in {}); {} complete"
                + " records remain",
            file,
            torn,
            lastLineEnd,
            tornFile.getFileName(),
            records);
      }
      if (size > lastLineEnd) {
        // the torn line and the preallocated zeros after the last record
        ch.truncate(lastLineEnd);
        ch.force(true);
      }
    }
    return new SinkLedger(file, sync, gatherMs, force, records, torn);
  }

  /**
   * Returns {count of complete lines before the first zero byte, offset just after the last of
   * them, offset just after the last byte that is not zero}.
   */
  private static long[] scanLines(FileChannel ch, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    long records = 0;
    long lastEnd = 0;
    long dataEnd = 0;
    boolean zeroSeen = false;
    long pos = 0;
    while (pos < size) {
      buf.clear();
      int n = ch.read(buf, pos);
      if (n <= 0) {
        break;
      }
      byte[] a = buf.array();
      for (int i = 0; i < n; i++) {
        byte b = a[i];
        if (b == 0) {
          zeroSeen = true;
          continue;
        }
        dataEnd = pos + i + 1;
        if (b == '\n' && !zeroSeen) {
          records++;
          lastEnd = dataEnd;
        }
      }
      pos += n;
    }
    return new long[] {records, lastEnd, dataEnd};
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
    Waiter me = null;
    long myEnd;
    lock.lock();
    try {
      if (closed) {
        throw closedException();
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      try {
        if (writtenBytes + bytes.length > allocatedBytes) {
          preallocate();
        }
        while (buffer.hasRemaining()) {
          appendChannel.write(buffer, writtenBytes + buffer.position());
        }
      } catch (IOException e) {
        // a partial line may now end the file: refuse further appends (a restart repairs it)
        closed = true;
        throw e;
      }
      writtenBytes += bytes.length;
      appendedRecords++;
      myEnd = writtenBytes;
      if (sync == LedgerSync.PER_MESSAGE) {
        long t0 = System.nanoTime();
        try {
          force.force(appendChannel, myEnd);
        } catch (IOException e) {
          closed = true;
          failure = e;
          throw e;
        }
        fsyncNanos += System.nanoTime() - t0;
        fsyncs++;
        durableBytes = myEnd;
        return;
      }
      if (syncing) {
        me = new Waiter(myEnd);
        waiters.addLast(me);
      } else {
        syncing = true;
      }
    } finally {
      lock.unlock();
    }
    if (me != null && !awaitDurableOrLead(me)) {
      return;
    }
    leadOneSync();
  }

  /** Parks until {@code me} is durable (false) or must lead the next fsync (true). */
  private boolean awaitDurableOrLead(Waiter me) throws IOException {
    int state;
    while ((state = me.state) == Waiter.WAITING) {
      LockSupport.park(this);
    }
    if (state == Waiter.FAILED) {
      lock.lock();
      try {
        throw new IOException("ledger " + file + ": fsync failed", failure);
      } finally {
        lock.unlock();
      }
    }
    return state == Waiter.LEAD;
  }

  /**
   * As leader: one fsync of everything written so far (the leader's own record included), then
   * wakes the writers it covered and hands the lead to the oldest one still waiting, if any.
   */
  private void leadOneSync() throws IOException {
    long t0 = System.nanoTime();
    if (gatherNanosEach > 0) {
      long deadline = t0 + gatherNanosEach;
      long left;
      while ((left = deadline - System.nanoTime()) > 0) {
        LockSupport.parkNanos(this, left);
      }
    }
    long target;
    IOException failed = null;
    lock.lock();
    try {
      target = writtenBytes;
      if (allocatedBytes - target < SEGMENT_BYTES / 2) {
        try {
          preallocate(); // this fsync carries the new segment and the file's new size
        } catch (IOException e) {
          failed = e;
        }
      }
    } finally {
      lock.unlock();
    }
    long t1 = System.nanoTime();
    if (failed == null) {
      try {
        force.force(appendChannel, target);
      } catch (IOException e) {
        failed = e;
      }
    }
    long t2 = System.nanoTime();
    List<Waiter> wake = new ArrayList<>();
    lock.lock();
    try {
      gatherNanos += t1 - t0;
      fsyncNanos += t2 - t1;
      fsyncs++;
      if (failed != null) {
        closed = true;
        failure = failed;
        wake.addAll(waiters);
        waiters.clear();
        syncing = false;
      } else {
        durableBytes = Math.max(durableBytes, target);
        while (!waiters.isEmpty() && waiters.peekFirst().end <= target) {
          wake.add(waiters.pollFirst());
        }
        Waiter next = waiters.pollFirst();
        if (next != null) {
          next.state = Waiter.LEAD;
          LockSupport.unpark(next.thread);
        } else {
          syncing = false;
        }
      }
    } finally {
      lock.unlock();
    }
    int state = failed == null ? Waiter.DURABLE : Waiter.FAILED;
    for (Waiter w : wake) {
      w.state = state;
      LockSupport.unpark(w.thread);
    }
    if (failed != null) {
      LOG.error("ledger {}: fsync failed; the ledger is closed", file, failed);
      throw failed;
    }
  }

  /**
   * Writes the next segment of zeros after the last record (or after the zeros already there), so
   * records overwrite blocks the file already has: an fdatasync then flushes data only, where an
   * appending write also makes it commit the file's new size to the journal. Called under lock.
   */
  private void preallocate() throws IOException {
    long from = Math.max(allocatedBytes, writtenBytes);
    long to = from + SEGMENT_BYTES;
    for (long pos = from; pos < to; ) {
      ByteBuffer zeros = ZEROS.duplicate();
      zeros.limit((int) Math.min(zeros.capacity(), to - pos));
      pos += appendChannel.write(zeros, pos);
    }
    allocatedBytes = to;
  }

  private IOException closedException() {
    return failure == null
        ? new IOException("ledger " + file + " is closed")
        : new IOException("ledger " + file + " is closed after a failed fsync", failure);
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

  /** Waits for a running fsync, then flushes and closes; later appends fail. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (closed && !appendChannel.isOpen()) {
        return;
      }
      closed = true; // no new writers; the leaders still running finish their waiters
      while (syncing) {
        lock.unlock();
        try {
          LockSupport.parkNanos(this, TimeUnit.MICROSECONDS.toNanos(100));
        } finally {
          lock.lock();
        }
      }
      if (failure == null) {
        force.force(appendChannel, writtenBytes);
        durableBytes = writtenBytes;
        appendChannel.truncate(writtenBytes); // a stopped sink leaves plain JSON lines
        appendChannel.force(true);
      }
      appendChannel.close();
      readChannel.close();
    } finally {
      lock.unlock();
    }
  }
}
