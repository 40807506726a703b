package io.relayharness.faultproxy.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first JSON value of a request body the way Go's {@code json.Decoder} does, with the
 * same error texts ({@code EOF}, {@code unexpected EOF}, {@code invalid character looking for
 * beginning of value}, ...). Anything after the first value is ignored, as in Go. Values are:
 * {@link Obj}, {@link List}, {@link String}, {@link Num}, {@link Boolean}, {@link #NULL}.
 * Stateless, thread-safe.
 */
public final class GoJson {

  /** JSON {@code null}, distinct from an absent member. */
  public static final Object NULL = new Object();

  /** A JSON number, kept as its literal text (Go parses it only when it knows the target type). */
  public record Num(String text) {}

  /** A JSON object member, in document order (duplicates kept; the last one wins in Go). */
  public record Member(String key, Object value) {}

  /** A JSON object: members in document order. */
  public record Obj(List<Member> members) {}

  /** A Go decoder error; {@link #getMessage()} is Go's text. */
  public static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  private final byte[] in;
  private int pos;

  private GoJson(byte[] in) {
    this.in = in;
  }

  /** Decodes the first JSON value of {@code body}; throws Go's decoder error text. */
  public static Object parse(byte[] body) throws SyntaxError {
    GoJson p = new GoJson(body);
    p.skipSpace();
    if (p.pos >= p.in.length) {
      throw new SyntaxError("EOF");
    }
    return p.value("looking for beginning of value");
  }

  /** The kind of a value as Go names it in unmarshal errors. */
  public static String kind(Object value) {
    if (value instanceof Obj) {
      return "object";
    }
    if (value instanceof List) {
      return "array";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Num) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    return "null";
  }

  private void skipSpace() {
    while (pos < in.length) {
      byte b = in[pos];
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }

  private int next(String context) throws SyntaxError {
    skipSpace();
    if (pos >= in.length) {
      throw new SyntaxError("unexpected EOF");
    }
    return in[pos] & 0xff;
  }

  private SyntaxError invalid(int c, String context) {
    return new SyntaxError("invalid character " + quoteChar(c) + " " + context);
  }

  static String quoteChar(int c) {
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '"') {
      return "'\"'";
    }
    if (c == '\n') {
      return "'\\n'";
    }
    if (c == '\r') {
      return "'\\r'";
    }
    if (c == '\t') {
      return "'\\t'";
    }
    if (c < 0x20 || c == 0x7f) {
      return String.format("'\\x%02x'", c);
    }
    return "'" + (char) c + "'";
  }

  private Object value(String context) throws SyntaxError {
    int c = next(context);
    switch (c) {
      case '{':
        pos++;
        return object();
      case '[':
        pos++;
        return array();
      case '"':
        pos++;
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return NULL;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw invalid(c, context);
    }
  }

  private Obj object() throws SyntaxError {
    List<Member> members = new ArrayList<>();
    int c = next("");
    if (c == '}') {
      pos++;
      return new Obj(members);
    }
    while (true) {
      c = next("");
      if (c != '"') {
        throw invalid(c, "looking for beginning of object key string");
      }
      pos++;
      String key = string();
      c = next("");
      if (c != ':') {
        throw invalid(c, "after object key");
      }
      pos++;
      Object v = value("looking for beginning of value");
      members.add(new Member(key, v));
      c = next("");
      pos++;
      if (c == '}') {
        return new Obj(members);
      }
      if (c != ',') {
        throw invalid(c, "after object key:value pair");
      }
    }
  }

  private List<Object> array() throws SyntaxError {
    List<Object> items = new ArrayList<>();
    int c = next("");
    if (c == ']') {
      pos++;
      return items;
    }
    while (true) {
      items.add(value("looking for beginning of value"));
      c = next("");
      pos++;
      if (c == ']') {
        return items;
      }
      if (c != ',') {
        throw invalid(c, "after array element");
      }
    }
  }

  private String string() throws SyntaxError {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= in.length) {
        throw new SyntaxError("unexpected EOF");
      }
      int c = in[pos++] & 0xff;
      if (c == '"') {
        flush(raw, out);
        return out.toString();
      }
      if (c < 0x20) {
        throw invalid(c, "in string literal");
      }
      if (c != '\\') {
        raw.write(c);
        continue;
      }
      flush(raw, out);
      if (pos >= in.length) {
        throw new SyntaxError("unexpected EOF");
      }
      int e = in[pos++] & 0xff;
      switch (e) {
        case '"', '\\', '/' -> out.append((char) e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          int code = 0;
          for (int i = 0; i < 4; i++) {
            if (pos >= in.length) {
              throw new SyntaxError("unexpected EOF");
            }
            int h = in[pos++] & 0xff;
            int d = Character.digit(h, 16);
            if (d < 0) {
              throw invalid(h, "in \\u hexadecimal character escape");
            }
            code = code * 16 + d;
          }
          out.append((char) code);
        }
        default -> throw invalid(e, "in string escape code");
      }
    }
  }

  private static void flush(ByteArrayOutputStream raw, StringBuilder out) {
    if (raw.size() > 0) {
      out.append(raw.toString(StandardCharsets.UTF_8));
      raw.reset();
    }
  }

  private void literal(String word) throws SyntaxError {
    for (int i = 0; i < word.length(); i++) {
      if (pos >= in.length) {
        throw new SyntaxError("unexpected EOF");
      }
      int c = in[pos] & 0xff;
      if (c != word.charAt(i)) {
        throw invalid(c, "in literal " + word + " (expecting " + quoteChar(word.charAt(i)) + ")");
      }
      pos++;
    }
  }

  private Num number() throws SyntaxError {
    int start = pos;
    if (in[pos] == '-') {
      pos++;
      if (pos >= in.length) {
        throw new SyntaxError("unexpected EOF");
      }
      int c = in[pos] & 0xff;
      if (c < '0' || c > '9') {
        throw invalid(c, "in numeric literal");
      }
    }
    if (in[pos] == '0') {
      pos++;
    } else {
      digits();
    }
    if (pos < in.length && in[pos] == '.') {
      pos++;
      if (pos >= in.length) {
        throw new SyntaxError("unexpected EOF");
      }
      int c = in[pos] & 0xff;
      if (c < '0' || c > '9') {
        throw invalid(c, "after decimal point in numeric literal");
      }
      digits();
    }
    if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      if (pos >= in.length) {
        throw new SyntaxError("unexpected EOF");
      }
      int c = in[pos] & 0xff;
      if (c < '0' || c > '9') {
        throw invalid(c, "in exponent of numeric literal");
      }
      digits();
    }
    return new Num(new String(in, start, pos - start, StandardCharsets.US_ASCII));
  }

  private void digits() {
    while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
  }
}
