package io.relayharness.load.smtp.client;

import java.util.List;

/**
 * One SMTP reply: a three-digit code and its text lines (without the code prefix). Immutable;
 * thread-safe.
 */
public record SmtpReply(int code, List<String> lines) {

  public SmtpReply {
    lines = List.copyOf(lines);
  }

  /** Returns whether the code is 2xx. */
  public boolean isPositive() {
    return code >= 200 && code < 300;
  }

  /** Returns whether the code is 3xx (e.g. 354 after DATA, 334 during AUTH). */
  public boolean isIntermediate() {
    return code >= 300 && code < 400;
  }

  /** Returns the reply as the server wrote it on one line, e.g. {@code 451 4.3.0 Try later}. */
  public String asText() {
    return code + " " + String.join(" ", lines);
  }

  @Override
  public String toString() {
    return asText();
  }
}
