package io.relayharness.load.mail.internal;

import java.util.SplittableRandom;

/**
 * Makes plain ASCII prose of a given size from a fixed vocabulary: lines of at most 76 characters,
 * CRLF line ends, no line starting with a dot. Stateless; thread-safe.
 */
public final class TextFiller {

  private static final String[] WORDS = {
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

  private TextFiller() {}

  /**
   * Appends about {@code bytes} bytes of text (whole lines, each ending in CRLF) to {@code out}.
   */
  public static void fill(StringBuilder out, int bytes, SplittableRandom random) {
    int target = out.length() + Math.max(0, bytes);
    StringBuilder line = new StringBuilder(80);
    while (out.length() < target) {
      line.setLength(0);
      while (true) {
        String word = WORDS[random.nextInt(WORDS.length)];
        if (line.length() + word.length() + 1 > 76) {
          break;
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      line.setCharAt(0, Character.toUpperCase(line.charAt(0)));
      out.append(line).append(".\r\n");
    }
  }
}
