package io.relayharness.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BodyHashTest {

  private static final byte[] HEADER = ascii("Subject: x\r\n\r\n");

  /** A message: a header block, then {@code bodyBytes} random bytes. */
  private static byte[] message(int bodyBytes, long seed) {
    byte[] m = new byte[HEADER.length + bodyBytes];
    System.arraycopy(HEADER, 0, m, 0, HEADER.length);
    byte[] body = new byte[bodyBytes];
    new SplittableRandom(seed).nextBytes(body);
    System.arraycopy(body, 0, m, HEADER.length, bodyBytes);
    return m;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void isTheCrc32cThenTheCrc32OfTheBodyOnly() {
    // "123456789" is the standard check input: CRC-32C e3069283, CRC-32 cbf43926.
    assertThat(BodyHash.of(ascii("Subject: x\r\nX-A: b\r\n\r\n123456789")))
        .isEqualTo("e3069283cbf43926");
    assertThat(BodyHash.of(ascii("Subject: x\n\n123456789"))).isEqualTo("e3069283cbf43926");
    assertThat(BodyHash.of(ascii("Received: from relay\r\nSubject: x\r\n\r\n123456789")))
        .as("headers the relay adds do not count")
        .isEqualTo("e3069283cbf43926");
  }

  @Test
  void aMessageWithoutHeaderEndIsHashedWhole() {
    assertThat(BodyHash.of(ascii("123456789"))).isEqualTo("e3069283cbf43926");
    assertThat(BodyHash.of(new byte[0])).isEqualTo("0000000000000000");
  }

  @Test
  void inPiecesItEqualsTheWholeAndResetStartsOver() {
    byte[] m = message(50_000, 7);
    String whole = BodyHash.of(m);
    BodyHash.Running running = new BodyHash.Running();
    running.update(ascii("something else"), 0, 14);
    running.reset();
    for (int at = HEADER.length; at < m.length; at += 8192) {
      running.update(m, at, Math.min(8192, m.length - at));
    }
    assertThat(running.value()).isEqualTo(whole).hasSize(16);
  }

  @Test
  void aFlippedBitATruncationOrASwapChangesIt() {
    byte[] body = message(20_000, 11);
    String original = BodyHash.of(body);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 1000; i++) {
      byte[] copy = body.clone();
      copy[HEADER.length + random.nextInt(20_000)] ^= (byte) (1 << random.nextInt(8));
      assertThat(BodyHash.of(copy)).isNotEqualTo(original);
    }
    assertThat(BodyHash.of(body, 0, body.length - 1)).isNotEqualTo(original);
    byte[] swapped = body.clone();
    int a = 100;
    int b = 15_000;
    swapped[a] = body[b];
    swapped[b] = body[a];
    assertThat(body[a]).isNotEqualTo(body[b]);
    assertThat(BodyHash.of(swapped)).isNotEqualTo(original);
  }

  @Test
  void runFoldersWrittenWithTheOldFieldNamesStillRead() {
    String line =
        "{\"worker\":\"worker0\",\"sessionId\":\"s1\",\"messageId\":\"<m@x>\",\"harnessId\":\"h-1\","
            + "\"relayQueueId\":null,\"mailFrom\":\"a@b\",\"rcptTo\":[\"c@d\"],\"sizeBytes\":10,"
            + "\"bodySha256\":\"ab\",\"declaredBodySha256\":\"cd\",\"arrivalEpochMs\":5}\n";
    List<SinkArrival> read = JsonLines.parse(line, SinkArrival.class);
    assertThat(read)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.bodyHash()).isEqualTo("ab");
              assertThat(a.declaredBodyHash()).isEqualTo("cd");
            });
    String written = JsonLines.toLine(read.get(0));
    assertThat(written).contains("\"bodyHash\":\"ab\"").doesNotContain("Sha256");
  }
}
