package io.relayharness.sink.internal;

import io.relayharness.ledger.BodyHash;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a message's content once, as a stream, and keeps only what the ledger needs: its size, the
 * hash of its body (same rule as {@link BodyHash}: the bytes after the first empty line, or the
 * whole content when there is none) and the header fields. Only the header block is held in memory
 * (up to {@link #HEADER_CAP_BYTES}); the body is hashed as it passes. Content beyond {@code
 * maxBytes} is read and discarded so the SMTP stream stays in step, and the result says so.
 * Immutable result; the static reader is thread-safe.
 *
 * @param sizeBytes bytes of content received (all of it, also when over the limit)
 * @param bodyHash the {@link BodyHash} of the body, or null when the content was over the limit
 * @param headers the header fields found
 * @param overLimit whether the content exceeded {@code maxBytes}
 */
public record MessageScan(
    long sizeBytes, String bodyHash, HeaderFields headers, boolean overLimit) {

  /** The most header bytes kept for parsing; a longer header block is still hashed correctly. */
  public static final int HEADER_CAP_BYTES = 256 * 1024;

  /** Reads {@code in} to its end. */
  public static MessageScan read(InputStream in, long maxBytes) throws IOException {
    SessionScratch scratch = SessionScratch.get();
    byte[] buf = scratch.chunk();
    byte[] head = scratch.freshHead();
    int headLength = 0;
    BodyHash.Running body = scratch.bodyHash();
    BodyHash.Running whole = null; // only when the header block outgrows HEADER_CAP_BYTES
    boolean inBody = false;
    int prev1 = -1;
    int prev2 = -1;
    long size = 0;
    int n;
    while ((n = in.read(buf)) != -1) {
      size += n;
      if (size > maxBytes) {
        continue;
      }
      int start = 0;
      if (!inBody) {
        int i = 0;
        for (; i < n; i++) {
          int b = buf[i];
          if (b == '\n' && (prev1 == '\n' || (prev1 == '\r' && prev2 == '\n'))) {
            inBody = true;
            break;
          }
          prev2 = prev1;
          prev1 = b;
        }
        int headLen = inBody ? i + 1 : n;
        if (whole == null && headLength + headLen <= HEADER_CAP_BYTES) {
          head = scratch.head(headLength + headLen);
          System.arraycopy(buf, 0, head, headLength, headLen);
          headLength += headLen;
        } else {
          if (whole == null) {
            whole = new BodyHash.Running();
            whole.update(head, 0, headLength);
          }
          whole.update(buf, 0, headLen);
        }
        start = headLen;
      }
      if (inBody && start < n) {
        body.update(buf, start, n - start);
      }
    }
    HeaderFields fields = HeaderFields.parse(head, headLength);
    if (size > maxBytes) {
      return new MessageScan(size, null, fields, true);
    }
    String hash;
    if (inBody) {
      hash = body.value();
    } else if (whole != null) {
      hash = whole.value();
    } else {
      body.update(head, 0, headLength);
      hash = body.value();
    }
    return new MessageScan(size, hash, fields, false);
  }
}
