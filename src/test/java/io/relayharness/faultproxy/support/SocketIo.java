package io.relayharness.faultproxy.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/** Blocking socket helpers for tests: exact reads, reads to EOF, how a read ended. Stateless. */
public final class SocketIo {

  private SocketIo() {}

  /** How a read to the end of stream ended. */
  public enum Ending {
    EOF,
    RESET,
    TIMEOUT
  }

  /** What was read until the stream ended, how it ended, and when (nanoTime). */
  public record Drained(byte[] bytes, Ending ending, long endNanos) {}

  /** Reads exactly {@code n} bytes or fails. */
  public static byte[] readExactly(Socket s, int n) throws IOException {
    byte[] out = new byte[n];
    InputStream in = s.getInputStream();
    int off = 0;
    while (off < n) {
      int r = in.read(out, off, n - off);
      if (r < 0) {
        throw new AssertionError("EOF after " + off + " of " + n + " bytes");
      }
      off += r;
    }
    return out;
  }

  /** Reads until EOF, reset or the socket's read timeout. */
  public static Drained drain(Socket s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    InputStream in = s.getInputStream();
    while (true) {
      int r;
      try {
        r = in.read(buf);
      } catch (SocketTimeoutException e) {
        return new Drained(out.toByteArray(), Ending.TIMEOUT, System.nanoTime());
      } catch (SocketException e) {
        if (String.valueOf(e.getMessage()).contains("reset")) {
          return new Drained(out.toByteArray(), Ending.RESET, System.nanoTime());
        }
        throw e;
      }
      if (r < 0) {
        return new Drained(out.toByteArray(), Ending.EOF, System.nanoTime());
      }
      out.write(buf, 0, r);
    }
  }

  /** Milliseconds between two nanoTime stamps. */
  public static double ms(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e6;
  }
}
