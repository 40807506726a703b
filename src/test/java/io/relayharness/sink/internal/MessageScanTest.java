package io.relayharness.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.ledger.BodyHash;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming reader hashes exactly as {@link BodyHash} does, whatever the chunking. */
class MessageScanTest {

  @Test
  void shouldHashLikeBodyHashForEveryShapeOfHeaderEnd() throws IOException {
    List<String> contents =
        List.of(
            "A: b\r\n\r\nbody\r\n",
            "A: b\n\nbody\n",
            "A: b\n\r\nbody",
            "\n\nbody only",
            "no header end at all\r\nsecond line\r\n",
            "",
            "A: b\r\n\r\n",
            "A: b\r\n\r\n\r\n\r\nbody after blank lines\r\n");
    for (String c : contents) {
      byte[] bytes = c.getBytes(StandardCharsets.UTF_8);
      String expected = BodyHash.of(bytes);
      assertThat(MessageScan.read(new ByteArrayInputStream(bytes), 1 << 20).bodyHash())
          .as("whole-buffer read of %s", c.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(expected);
      assertThat(MessageScan.read(oneByteAtATime(bytes), 1 << 20).bodyHash())
          .as("one-byte reads of %s", c.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(expected);
    }
  }

  @Test
  void shouldHashAHeaderBlockLongerThanTheCapCorrectly() throws IOException {
    String longHeader = "X-Long: " + "y".repeat(MessageScan.HEADER_CAP_BYTES + 10) + "\r\n";
    for (String c : List.of(longHeader + "\r\nbody\r\n", longHeader)) {
      byte[] bytes = c.getBytes(StandardCharsets.UTF_8);
      MessageScan scan = MessageScan.read(new ByteArrayInputStream(bytes), 1 << 22);
      assertThat(scan.bodyHash()).isEqualTo(BodyHash.of(bytes));
      assertThat(scan.sizeBytes()).isEqualTo(bytes.length);
    }
  }

  @Test
  void shouldCarryNothingFromTheThreadsPreviousMessage() throws IOException {
    String first =
        "X-Harness-Id: h-1\r\nMessage-ID: <m1@x>\r\nX-Long: "
            + "y".repeat(MessageScan.HEADER_CAP_BYTES / 2)
            + "\r\n\r\nbody one\r\n";
    String second = "X-Harness-Id: h-2\r\n\r\nbody two\r\n";
    String third = "no header end";
    MessageScan.read(stream(first), 1 << 22);
    MessageScan two = MessageScan.read(stream(second), 1 << 22);
    assertThat(two.headers().harnessId()).isEqualTo("h-2");
    assertThat(two.headers().messageId()).as("the first message's Message-ID").isNull();
    assertThat(two.bodyHash()).isEqualTo(BodyHash.of(second.getBytes(StandardCharsets.UTF_8)));
    MessageScan three = MessageScan.read(stream(third), 1 << 22);
    assertThat(three.headers().harnessId()).isNull();
    assertThat(three.bodyHash()).isEqualTo(BodyHash.of(third.getBytes(StandardCharsets.UTF_8)));
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadPastTheLimitAndSaySo() throws IOException {
    byte[] bytes = ("A: b\r\n\r\n" + "z".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    MessageScan scan = MessageScan.read(in, 100);
    assertThat(scan.overLimit()).isTrue();
    assertThat(scan.sizeBytes()).isEqualTo(bytes.length);
    assertThat(in.available()).as("stream read to its end").isZero();
  }

  private static InputStream oneByteAtATime(byte[] bytes) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(1, len));
      }
    };
  }
}
