package io.relayharness.load.smtp.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ByteProcessor;
import io.relayharness.load.smtp.client.SmtpReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes a server sends into {@link SmtpReply} objects, joining multi-line replies ({@code
 * 250-...} lines up to the final {@code 250 ...}). Accepts CRLF and bare LF. Not thread-safe: one
 * per channel.
 */
public final class SmtpReplyDecoder extends ByteToMessageDecoder {

  private static final int MAX_LINE_BYTES = 4096;

  private List<String> lines = new ArrayList<>(2);

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (true) {
      int lf = in.forEachByte(ByteProcessor.FIND_LF);
      if (lf < 0) {
        if (in.readableBytes() > MAX_LINE_BYTES) {
          throw new DecoderException("reply line longer than " + MAX_LINE_BYTES + " bytes");
        }
        return;
      }
      int start = in.readerIndex();
      int end = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
      int length = end - start;
      in.readerIndex(lf + 1);
      if (length < 3) {
        throw new DecoderException(
            "reply line too short: '"
                + in.toString(start, length, StandardCharsets.US_ASCII)
                + "'");
      }
      int code = digit(in, start) * 100 + digit(in, start + 1) * 10 + digit(in, start + 2);
      boolean more = length > 3 && in.getByte(start + 3) == '-';
      String text = length > 4 ? in.toString(start + 4, length - 4, StandardCharsets.US_ASCII) : "";
      lines.add(text);
      if (!more) {
        out.add(new SmtpReply(code, lines));
        lines = new ArrayList<>(2);
      }
    }
  }

  private static int digit(ByteBuf in, int index) {
    int d = in.getByte(index) - '0';
    if (d < 0 || d > 9) {
      throw new DecoderException("reply does not start with a three-digit code");
    }
    return d;
  }
}
