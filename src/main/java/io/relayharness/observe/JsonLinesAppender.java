package io.relayharness.observe;

import io.relayharness.ledger.JsonLines;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends records (as JSON lines) or raw text lines to one run folder file while a run goes on;
 * each line is flushed, so a crashed run keeps what it saw. Thread-safe (appends are synchronized).
 */
public final class JsonLinesAppender implements Closeable {

  private final Path file;
  private final Writer out;

  /** Opens {@code file} for appending, creating it if needed. */
  public JsonLinesAppender(Path file) {
    this.file = file;
    try {
      this.out =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + " for appending", e);
    }
  }

  /** Appends {@code record} as one JSON line. */
  public void append(Object record) {
    appendLine(JsonLines.toLine(record));
  }

  /** Appends {@code line} as is (e.g. a relay log line), adding the line end. */
  public synchronized void appendLine(String line) {
    try {
      out.write(line);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  /** Closes the file. */
  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }
}
