package io.relayharness.faultproxy.internal;

/**
 * Builds compact JSON the way Go's {@code encoding/json} prints it: {@code <}, {@code >}, {@code &}
 * and U+2028/2029 escaped as six-character escapes, float32 at shortest precision ({@code 1},
 * {@code 0.25}). Not thread-safe: one writer per response.
 */
public final class GoJsonWriter {

  private final StringBuilder out = new StringBuilder(256);
  private boolean needComma;

  /** Starts an object ({@code {}). */
  public GoJsonWriter beginObject() {
    comma();
    out.append('{');
    needComma = false;
    return this;
  }

  /** Ends an object. */
  public GoJsonWriter endObject() {
    out.append('}');
    needComma = true;
    return this;
  }

  /** Starts an array. */
  public GoJsonWriter beginArray() {
    comma();
    out.append('[');
    needComma = false;
    return this;
  }

  /** Ends an array. */
  public GoJsonWriter endArray() {
    out.append(']');
    needComma = true;
    return this;
  }

  /** Writes a member name; the value follows. */
  public GoJsonWriter name(String name) {
    comma();
    string(name);
    out.append(':');
    needComma = false;
    return this;
  }

  /** Writes a string value. */
  public GoJsonWriter value(String s) {
    comma();
    string(s);
    needComma = true;
    return this;
  }

  /** Writes an integer value. */
  public GoJsonWriter value(long v) {
    comma();
    out.append(v);
    needComma = true;
    return this;
  }

  /** Writes a boolean value. */
  public GoJsonWriter value(boolean v) {
    comma();
    out.append(v);
    needComma = true;
    return this;
  }

  /** Writes a float32 at shortest precision, as Go does. */
  public GoJsonWriter value(float v) {
    comma();
    out.append(formatFloat32(v));
    needComma = true;
    return this;
  }

  /** Writes {@code null}. */
  public GoJsonWriter nullValue() {
    comma();
    out.append("null");
    needComma = true;
    return this;
  }

  /** Writes already-encoded JSON as the next value. */
  public GoJsonWriter raw(String json) {
    comma();
    out.append(json);
    needComma = true;
    return this;
  }

  /** The JSON text. */
  @Override
  public String toString() {
    return out.toString();
  }

  private void comma() {
    if (needComma) {
      out.append(',');
    }
  }

  /** Go's float32 format: shortest digits, no exponent between 1e-6 and 1e21. */
  static String formatFloat32(float v) {
    if (Float.isNaN(v) || Float.isInfinite(v)) {
      return "null";
    }
    if (v == 0) {
      return "0";
    }
    float abs = Math.abs(v);
    java.math.BigDecimal d = new java.math.BigDecimal(Float.toString(v)).stripTrailingZeros();
    if (abs < 1e-6f || abs >= 1e21f) {
      String s = String.format(java.util.Locale.ROOT, "%s", d.toString()).replace("E", "e");
      return s;
    }
    return d.toPlainString();
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
