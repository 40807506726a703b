package io.relayharness.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The DATA section reader: terminator, dot-unstuffing, chunk edges, and what it leaves behind. */
class SmtpDataInputStreamTest {

  @Test
  void shouldEndAtTheTerminatorAndLeaveTheNextCommandInTheSessionStream() throws IOException {
    InputStream session = session("Subject: x\r\n\r\nbody\r\n.\r\nQUIT\r\n");
    assertThat(readAll(new SmtpDataInputStream(session), 8192))
        .isEqualTo("Subject: x\r\n\r\nbody\r\n");
    assertThat(new String(session.readAllBytes(), StandardCharsets.US_ASCII))
        .as("bytes after the terminator stay for the command reader")
        .isEqualTo("QUIT\r\n");
  }

  @Test
  void shouldRemoveTheLeadingDotOfStuffedLinesOnly() throws IOException {
    String wire = "a\r\n..dot\r\n.x\r\nmid.dle\r\n.\rz\r\n.\r\n";
    assertThat(readAll(new SmtpDataInputStream(session(wire)), 8192))
        .isEqualTo("a\r\n.dot\r\nx\r\nmid.dle\r\n\rz\r\n");
  }

  @Test
  void shouldReadAnEmptyMessage() throws IOException {
    InputStream session = session(".\r\nRSET\r\n");
    assertThat(readAll(new SmtpDataInputStream(session), 8192)).isEmpty();
    assertThat(new String(session.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("RSET\r\n");
  }

  @Test
  void shouldNotEndAtADotLineWithoutCrlfBeforeIt() throws IOException {
    // LF alone is no line end for the terminator: "\n.\r\n" is content
    String wire = "a\n.\r\nb\r\n.\r\n";
    assertThat(readAll(new SmtpDataInputStream(session(wire)), 8192)).isEqualTo("a\n.\r\nb\r\n");
  }

  @Test
  void shouldFailWhenTheConnectionEndsBeforeTheTerminator() {
    assertThatThrownBy(() -> readAll(new SmtpDataInputStream(session("half a message\r\n")), 64))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void shouldGiveTheSameContentWhateverTheReadSizes() throws IOException {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      StringBuilder content = new StringBuilder();
      int lines = random.nextInt(40);
      for (int l = 0; l < lines; l++) {
        int len = random.nextInt(30);
        for (int c = 0; c < len; c++) {
          content.append(".\r\nab".charAt(random.nextInt(5)));
        }
        content.append("\r\n");
      }
      String expected = content.toString();
      String wire = stuff(expected) + ".\r\nNEXT";
      for (int readSize : new int[] {1, 2, 3, 7, 64, 8192}) {
        InputStream session = session(wire);
        assertThat(readAll(new SmtpDataInputStream(session), readSize))
            .as("round %d, reads of %d bytes", round, readSize)
            .isEqualTo(expected);
        assertThat(new String(session.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("NEXT");
      }
      assertThat(readBytewise(new SmtpDataInputStream(session(wire)))).isEqualTo(expected);
    }
  }

  @Test
  void shouldReadByteBySourceWithoutMark() throws IOException {
    InputStream noMark =
        new InputStream() {
          final InputStream in = new ByteArrayInputStream(bytes("..a\r\n.\r\nX"));

          @Override
          public int read() throws IOException {
            return in.read();
          }
        };
    assertThat(readAll(new SmtpDataInputStream(noMark), 8192)).isEqualTo(".a\r\n");
    assertThat(noMark.read()).as("nothing read past the terminator").isEqualTo('X');
  }

  private static String stuff(String content) {
    StringBuilder out = new StringBuilder();
    boolean lineStart = true;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (lineStart && c == '.') {
        out.append('.');
      }
      out.append(c);
      lineStart = c == '\n' && i > 0 && content.charAt(i - 1) == '\r';
    }
    return out.toString();
  }

  private static InputStream session(String wire) {
    return new BufferedInputStream(new ByteArrayInputStream(bytes(wire)), 16);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String readAll(InputStream in, int readSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[readSize];
    int n;
    while ((n = in.read(buf, 0, readSize)) != -1) {
      out.write(buf, 0, n);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  private static String readBytewise(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      out.write(c);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
