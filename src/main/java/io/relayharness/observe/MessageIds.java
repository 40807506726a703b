package io.relayharness.observe;

/** Compares Message-IDs as written in headers and in the relay log. Stateless; thread-safe. */
public final class MessageIds {

  private MessageIds() {}

  /** Returns {@code id} without surrounding blanks and angle brackets, or null for null/blank. */
  public static String normalize(String id) {
    if (id == null) {
      return null;
    }
    String s = id.strip();
    if (s.startsWith("<") && s.endsWith(">") && s.length() >= 2) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s.isEmpty() ? null : s;
  }
}
