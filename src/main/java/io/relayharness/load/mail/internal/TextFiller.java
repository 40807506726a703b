package io.relayharness.load.mail.internal;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Makes plain ASCII prose of a given size from a fixed vocabulary: lines of at most 76 characters,
 * CRLF line ends, no line starting with a dot. Writes bytes straight into the caller's array (a
 * {@code StringBuilder} and its conversion to bytes were most of the generator's time). Stateless;
 * thread-safe.
 */
public final class TextFiller {

  private static final String[] WORD_LIST = {
    "archive",
    "journal",
    "retention",
    "policy",
    "quarterly",
    "report",
    "invoice",
    "meeting",
    "schedule",
    "review",
    "contract",
    "supplier",
    "delivery",
    "account",
    "balance",
    "forecast",
    "project",
    "milestone",
    "budget",
    "approval",
    "customer",
    "request",
    "update",
    "please",
    "confirm",
    "attached",
    "summary",
    "regards",
    "team",
    "office",
    "compliance",
    "audit",
    "the",
    "and",
    "for",
    "with",
    "from",
    "this",
    "that",
    "next",
    "week",
    "today",
    "status",
    "draft",
    "final",
    "version",
    "legal",
    "hold",
    "record",
    "message"
  };

  private static final byte[][] WORDS = new byte[WORD_LIST.length][];

  static {
    for (int i = 0; i < WORD_LIST.length; i++) {
      WORDS[i] = WORD_LIST[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** The longest line that can be written past the target size, its period and CRLF included. */
  public static final int MAX_OVERSHOOT_BYTES = 79;

  private TextFiller() {}

  /**
   * Writes about {@code bytes} bytes of text (whole lines, each ending in CRLF) into {@code out}
   * from {@code pos}, and returns the position after the last line. Writes at most {@code bytes +
   * MAX_OVERSHOOT_BYTES} bytes.
   */
  public static int fill(byte[] out, int pos, int bytes, SplittableRandom random) {
    int target = pos + Math.max(0, bytes);
    while (pos < target) {
      int lineStart = pos;
      int lineLength = 0;
      while (true) {
        byte[] word = WORDS[random.nextInt(WORDS.length)];
        if (lineLength + word.length + 1 > 76) {
          break;
        }
        if (lineLength > 0) {
          out[pos++] = ' ';
          lineLength++;
        }
        System.arraycopy(word, 0, out, pos, word.length);
        pos += word.length;
        lineLength += word.length;
      }
      out[lineStart] -= 'a' - 'A'; // every word is lower case
      out[pos++] = '.';
      out[pos++] = '\r';
      out[pos++] = '\n';
    }
    return pos;
  }
}
