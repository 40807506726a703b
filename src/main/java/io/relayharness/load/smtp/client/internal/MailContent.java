package io.relayharness.load.smtp.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.ByteBuffer;

/**
 * Puts message content on the wire as DATA needs it: a leading dot doubled on every line, a final
 * CRLF if the content lacks one, then the {@code .CRLF} terminator. The result is one pooled direct
 * buffer, filled with one bulk copy: the content comes as a read-only heap buffer, which Netty
 * would otherwise scan and copy to the socket a byte per call. Stateless; thread-safe.
 */
public final class MailContent {

  private static final byte[] DOT_CRLF = {'.', '\r', '\n'};
  private static final byte[] CRLF_DOT_CRLF = {'\r', '\n', '.', '\r', '\n'};

  private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;

  private MailContent() {}

  /** Returns the content with dots stuffed and the terminator appended, ready to write. */
  public static ByteBuf encode(ByteBuffer content) {
    int length = content.remaining();
    ByteBuf body = ALLOC.directBuffer(length + CRLF_DOT_CRLF.length);
    body.writeBytes(content.duplicate());
    if (needsStuffing(body)) {
      ByteBuf stuffed = stuff(body);
      body.release();
      body = stuffed;
      length = body.readableBytes();
    }
    boolean endsWithCrlf =
        length >= 2 && body.getByte(length - 2) == '\r' && body.getByte(length - 1) == '\n';
    body.writeBytes(endsWithCrlf ? DOT_CRLF : CRLF_DOT_CRLF);
    return body;
  }

  /** Returns whether any line starts with a dot. */
  static boolean needsStuffing(ByteBuf body) {
    int length = body.readableBytes();
    if (length > 0 && body.getByte(0) == '.') {
      return true;
    }
    int from = 0;
    while (from < length) {
      int lf = body.indexOf(from, length, (byte) '\n');
      if (lf < 0 || lf + 1 >= length) {
        return false;
      }
      if (body.getByte(lf + 1) == '.') {
        return true;
      }
      from = lf + 1;
    }
    return false;
  }

  private static ByteBuf stuff(ByteBuf body) {
    int length = body.readableBytes();
    ByteBuf out = ALLOC.directBuffer(length + 64 + CRLF_DOT_CRLF.length);
    boolean lineStart = true;
    for (int i = 0; i < length; i++) {
      byte b = body.getByte(i);
      if (lineStart && b == '.') {
        out.writeByte('.');
      }
      out.writeByte(b);
      lineStart = b == '\n';
    }
    return out;
  }
}
