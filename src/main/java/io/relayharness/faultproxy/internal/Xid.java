package io.relayharness.faultproxy.internal;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request ids in the format of Go's {@code rs/xid} (20 characters, base32hex lowercase over 4-byte
 * time, 3-byte machine, 2-byte pid, 3-byte counter), as the real server puts in {@code
 * X-Toxiproxy-Request-Id}. Thread-safe.
 */
public final class Xid {

  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] MACHINE = new byte[3];
  private static final int PID = (int) ProcessHandle.current().pid();
  private static final AtomicInteger COUNTER = new AtomicInteger(RANDOM.nextInt());

  static {
    RANDOM.nextBytes(MACHINE);
  }

  private Xid() {}

  /** A new id. */
  public static String next() {
    byte[] id = new byte[12];
    long seconds = System.currentTimeMillis() / 1000;
    id[0] = (byte) (seconds >> 24);
    id[1] = (byte) (seconds >> 16);
    id[2] = (byte) (seconds >> 8);
    id[3] = (byte) seconds;
    System.arraycopy(MACHINE, 0, id, 4, 3);
    id[7] = (byte) (PID >> 8);
    id[8] = (byte) PID;
    int c = COUNTER.incrementAndGet();
    id[9] = (byte) (c >> 16);
    id[10] = (byte) (c >> 8);
    id[11] = (byte) c;
    StringBuilder out = new StringBuilder(20);
    int buffer = 0;
    int bits = 0;
    for (byte b : id) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}
