package io.relayharness.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ledgers are JSON lines: one record per line, UTF-8. This class turns records into lines and back.
 * A zero byte ends a ledger's text: the sink's ledger is followed by preallocated zeros while it is
 * written (JSON text never holds a zero byte). Thread-safe (the shared mapper is immutable after
 * construction).
 */
public final class JsonLines {

  /** The mapper every ledger uses; records map by component name. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .findAndAddModules()
          .build();

  private JsonLines() {}

  /** Returns {@code record} as one line of JSON, without the line end. */
  public static String toLine(Object record) {
    try {
      return MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + record.getClass().getSimpleName(), e);
    }
  }

  /** What to do with a line that is not a record, instead of failing the read. */
  @FunctionalInterface
  public interface BadLine {
    /** Called with the line's number (from 1) and why it is not a record. */
    void skipped(int lineNumber, JsonProcessingException error);
  }

  /** Reads every non-blank line of {@code text} (up to a zero byte) as a {@code type}. */
  public static <T> List<T> parse(String text, Class<T> type) {
    return read(new StringReader(text), type, "text", null);
  }

  /** Reads every non-blank line of the file as a {@code type}. */
  public static <T> List<T> read(Path file, Class<T> type) {
    return read(file, type, null);
  }

  /**
   * Reads every non-blank line of the file as a {@code type}; a line that is not one goes to {@code
   * badLine} and is skipped (a crashed writer can leave its last line cut short), or fails the read
   * when {@code badLine} is null.
   */
  public static <T> List<T> read(Path file, Class<T> type, BadLine badLine) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, type, file.toString(), badLine);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ledger " + file, e);
    }
  }

  private static <T> List<T> read(Reader reader, Class<T> type, String source, BadLine badLine) {
    List<T> out = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(reader)) {
      String line;
      int number = 0;
      boolean end = false;
      while (!end && (line = lines.readLine()) != null) {
        number++;
        int zero = line.indexOf('\0');
        if (zero >= 0) {
          line = line.substring(0, zero); // the unwritten tail of a preallocated file
          end = true;
        }
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(MAPPER.readValue(line, type));
        } catch (JsonProcessingException e) {
          if (badLine != null) {
            badLine.skipped(number, e);
            continue;
          }
          throw new IllegalArgumentException(
              source
                  + ":"
                  + number
                  + ": not a "
                  + type.getSimpleName()
                  + ": "
                  + e.getOriginalMessage(),
              e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return out;
  }
}
