package io.relayharness.sink.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The content of one SMTP DATA section, read in bulk: ends at {@code CRLF . CRLF}, removes the
 * leading dot of every other line that starts with one (RFC 5321 4.5.2), and never consumes a byte
 * past the terminator, so the session's next pipelined command stays in the session's stream.
 *
 * <pre>
 *   socket ─► BufferedInputStream (the session's) ──mark, read(chunk)──► scan chunk in place
 *                         ▲                                                 │ terminator?
 *                         └──────────── reset, skip(bytes used) ◄───────────┘
 * </pre>
 *
 * SubEtha's own DATA streams read one byte per call through three layers, each call on the
 * synchronized {@link java.io.BufferedInputStream#read()}; this one reads a chunk per call. It
 * needs a source that supports {@link InputStream#mark}; without one it reads byte by byte. Ends
 * with {@link EOFException} when the connection ends before the terminator. Not thread-safe: one
 * per DATA, read by the session's thread.
 */
public final class SmtpDataInputStream extends InputStream {

  private static final int CHUNK_BYTES = 8192;

  private static final int TEXT = 0; // inside a line
  private static final int CR = 1; // after CR
  private static final int LINE_START = 2; // after CRLF (or at the start of the content)
  private static final int DOT = 3; // after a dot at a line start (held back)
  private static final int DOT_CR = 4; // after a dot and CR at a line start (both held back)
  private static final int END = 5; // terminator consumed

  private final InputStream in;
  private final boolean bulk;
  private final byte[] one = new byte[1];
  private int state = LINE_START;
  private int pending = -1; // a byte read but not yet handled (see readSome)

  public SmtpDataInputStream(InputStream in) {
    this.in = in;
    this.bulk = in.markSupported();
  }

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (off < 0 || len < 0 || len > b.length - off) {
      throw new IndexOutOfBoundsException();
    }
    if (len == 0) {
      return state == END ? -1 : 0;
    }
    int n;
    do {
      n = readSome(b, off, len);
    } while (n == 0); // every byte read was held back (a dot at a line start)
    return n;
  }

  /** Reads once from the source; returns bytes produced (0 when all were held back), or -1. */
  private int readSome(byte[] b, int off, int len) throws IOException {
    if (state == END) {
      return -1;
    }
    int out = off;
    if (pending >= 0) {
      int c = pending;
      pending = -1;
      return step(c, b, out) - off;
    }
    if (state == DOT_CR) {
      // the held-back CR may have to come out before the next byte: decide on that byte first
      int next = in.read();
      if (next == -1) {
        throw prematureEnd();
      }
      if (next == '\n') {
        state = END;
        return -1;
      }
      b[out++] = '\r'; // ".\rX": the dot was stuffing, the CR is content
      state = CR;
      if (out - off == len) {
        pending = next; // no room left: the next call starts with it
        return out - off;
      }
      return step(next, b, out) - off;
    }
    if (!bulk || len < 2) {
      int c = in.read();
      if (c == -1) {
        throw prematureEnd();
      }
      return step(c, b, out) - off;
    }
    int want = Math.min(len, CHUNK_BYTES);
    in.mark(want);
    int n = in.read(b, off, want);
    if (n == -1) {
      throw prematureEnd();
    }
    // scan in place: output never overtakes input (bytes are only removed)
    int end = off + n;
    int s = state;
    int i = off;
    for (; i < end; i++) {
      byte c = b[i];
      switch (s) {
        case TEXT:
          b[out++] = c;
          if (c == '\r') {
            s = CR;
          }
          break;
        case CR:
          b[out++] = c;
          s = c == '\n' ? LINE_START : c == '\r' ? CR : TEXT;
          break;
        case LINE_START:
          if (c == '.') {
            s = DOT;
          } else {
            b[out++] = c;
            s = c == '\r' ? CR : TEXT;
          }
          break;
        case DOT:
          if (c == '\r') {
            s = DOT_CR;
          } else {
            b[out++] = c; // the leading dot was stuffing
            s = TEXT;
          }
          break;
        case DOT_CR:
          if (c == '\n') {
            s = END;
          } else {
            b[out++] = '\r';
            b[out++] = c;
            s = c == '\r' ? CR : TEXT;
          }
          break;
        default:
          throw new IllegalStateException("state " + s);
      }
      if (s == END) {
        i++;
        break;
      }
    }
    state = s;
    if (i < end) {
      // the terminator came before the chunk's end: give the rest back to the session
      in.reset();
      skipFully(i - off);
    }
    int produced = out - off;
    return produced == 0 && state == END ? -1 : produced;
  }

  /** Handles one byte read singly; returns the new output index. */
  private int step(int c, byte[] b, int out) {
    switch (state) {
      case TEXT, CR -> {
        b[out++] = (byte) c;
        state = c == '\r' ? CR : (state == CR && c == '\n') ? LINE_START : TEXT;
      }
      case LINE_START -> {
        if (c == '.') {
          state = DOT;
        } else {
          b[out++] = (byte) c;
          state = c == '\r' ? CR : TEXT;
        }
      }
      case DOT -> {
        if (c == '\r') {
          state = DOT_CR;
        } else {
          b[out++] = (byte) c;
          state = TEXT;
        }
      }
      default -> throw new IllegalStateException("state " + state);
    }
    return out;
  }

  private void skipFully(long n) throws IOException {
    while (n > 0) {
      long k = in.skip(n);
      if (k <= 0) {
        throw new IOException("could not give back bytes after the end of data");
      }
      n -= k;
    }
  }

  private static EOFException prematureEnd() {
    return new EOFException("connection ended before <CRLF>.<CRLF>");
  }
}
