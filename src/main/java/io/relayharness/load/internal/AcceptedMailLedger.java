package io.relayharness.load.internal;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.JsonLines;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes {@link AcceptedMail} records as JSON lines. Callers (event loops) only enqueue; a daemon
 * thread turns records into lines and writes them every {@value #FLUSH_PERIOD_MS} ms, and {@link
 * #close()} writes the rest. Thread-safe.
 */
public final class AcceptedMailLedger implements AutoCloseable {

  private static final long FLUSH_PERIOD_MS = 200;

  private final Path file;
  private final ConcurrentLinkedQueue<AcceptedMail> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong written = new AtomicLong();
  private final BufferedWriter writer;
  private final Thread flusher;
  private volatile boolean closed;
  private boolean writerClosed;
  private volatile IOException failure;

  private AcceptedMailLedger(Path file) {
    this.file = file;
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      this.writer =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open ledger " + file, e);
    }
    this.flusher = new Thread(this::flushLoop, "accepted-mail-ledger");
    flusher.setDaemon(true);
    flusher.start();
  }

  /** Opens (appending to) the ledger file. */
  public static AcceptedMailLedger open(Path file) {
    return new AcceptedMailLedger(file);
  }

  /** Returns the file written. */
  public Path file() {
    return file;
  }

  /** Queues one record; never blocks on I/O. */
  public void append(AcceptedMail record) {
    if (closed) {
      throw new IllegalStateException("ledger " + file + " is closed");
    }
    queue.add(record);
  }

  /** Returns how many records reached the file so far. */
  public long written() {
    return written.get();
  }

  /** Writes everything queued so far and flushes the file. */
  public synchronized void flush() {
    if (writerClosed) {
      return;
    }
    try {
      AcceptedMail record;
      while ((record = queue.poll()) != null) {
        writer.write(JsonLines.toLine(record));
        writer.write('\n');
        written.incrementAndGet();
      }
      writer.flush();
    } catch (IOException e) {
      failure = e;
    }
  }

  /** Writes the rest, closes the file, and reports a write error that happened on the way. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    flusher.interrupt();
    flush();
    try {
      writer.close();
      writerClosed = true;
    } catch (IOException e) {
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      throw new UncheckedIOException("cannot write ledger " + file, failure);
    }
  }

  private void flushLoop() {
    while (!closed) {
      try {
        TimeUnit.MILLISECONDS.sleep(FLUSH_PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
      flush();
    }
  }
}
