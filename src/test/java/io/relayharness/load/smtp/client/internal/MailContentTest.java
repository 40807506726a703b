package io.relayharness.load.smtp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Content as DATA puts it on the wire: dot-stuffing, final CRLF, terminator. */
class MailContentTest {

  @Test
  void shouldAppendTheTerminatorAfterAFinalCrlf() {
    assertThat(wire("Subject: a\r\n\r\nbody\r\n")).isEqualTo("Subject: a\r\n\r\nbody\r\n.\r\n");
  }

  @Test
  void shouldAddTheMissingCrlfBeforeTheTerminator() {
    assertThat(wire("no final line end")).isEqualTo("no final line end\r\n.\r\n");
  }

  @Test
  void shouldDoubleTheLeadingDotOfEveryLineOnly() {
    assertThat(wire(".first\r\nmid.dle\r\n.\r\n..two\r\n"))
        .isEqualTo("..first\r\nmid.dle\r\n..\r\n...two\r\n.\r\n");
  }

  @Test
  void shouldLeaveTheCallersBufferWhereItWas() {
    ByteBuffer content =
        ByteBuffer.wrap("x\r\n".getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
    MailContent.encode(content).release();
    assertThat(content.position()).isZero();
    assertThat(content.remaining()).isEqualTo(3);
  }

  private static String wire(String content) {
    ByteBuf out =
        MailContent.encode(
            ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer());
    try {
      return out.toString(StandardCharsets.US_ASCII);
    } finally {
      out.release();
    }
  }
}
