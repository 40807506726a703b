package io.relayharness.load.smtp.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/**
 * Puts message content on the wire as DATA needs it: a leading dot doubled on every line, a final
 * CRLF if the content lacks one, then the {@code .CRLF} terminator. Stateless; thread-safe.
 */
public final class MailContent {

  private static final byte[] DOT_CRLF = {'.', '\r', '\n'};
  private static final byte[] CRLF_DOT_CRLF = {'\r', '\n', '.', '\r', '\n'};

  private MailContent() {}

  /** Returns the content with dots stuffed and the terminator appended, ready to write. */
  public static ByteBuf encode(ByteBuffer content) {
    ByteBuf body = Unpooled.wrappedBuffer(content.duplicate());
    int length = body.readableBytes();
    if (needsStuffing(body)) {
      body = stuff(body);
      length = body.readableBytes();
    }
    boolean endsWithCrlf =
        length >= 2 && body.getByte(length - 2) == '\r' && body.getByte(length - 1) == '\n';
    ByteBuf terminator = Unpooled.wrappedBuffer(endsWithCrlf ? DOT_CRLF : CRLF_DOT_CRLF);
    return Unpooled.wrappedUnmodifiableBuffer(body, terminator);
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
    ByteBuf out = Unpooled.buffer(length + 64);
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
