package io.relayharness.faultproxy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes a JSON object into named fields the way Go's {@code encoding/json} fills a struct: keys
 * match field names case-insensitively, unknown keys are ignored, {@code null} leaves a field
 * alone, the last duplicate wins, and a wrong type is Go's {@code json: cannot unmarshal ...} text.
 * Stateless, thread-safe.
 */
final class GoStruct {

  /** A field's Go type, as printed in unmarshal errors. */
  enum Kind {
    STRING("string"),
    INT64("int64"),
    INT("int"),
    FLOAT32("float32"),
    BOOL("bool"),
    OBJECT("object");

    final String goName;

    Kind(String goName) {
      this.goName = goName;
    }
  }

  /** A struct field: JSON name, Go type (for OBJECT, the Go type name to print). */
  record Field(String name, Kind kind, String objectGoType) {
    static Field of(String name, Kind kind) {
      return new Field(name, kind, null);
    }
  }

  private GoStruct() {}

  /**
   * Returns the decoded fields present (and not null) in {@code value}, by field name. Numbers come
   * back as Long (INT64, INT) or Float (FLOAT32), objects as {@link GoJson.Obj}.
   *
   * @param goType the Go type of the whole value, for a non-object value ("toxiproxy.Proxy")
   * @param structName the struct name for field errors ("Proxy", or "" for an anonymous struct)
   * @param pathPrefix prefix of field paths in errors ("" or "attributes.")
   */
  static Map<String, Object> decode(
      Object value, String goType, String structName, String pathPrefix, List<Field> fields)
      throws ApiError {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value == GoJson.NULL) {
      return out;
    }
    if (!(value instanceof GoJson.Obj obj)) {
      throw ApiError.badBody(
          "json: cannot unmarshal " + GoJson.kind(value) + " into Go value of type " + goType);
    }
    for (GoJson.Member m : obj.members()) {
      Field f = match(fields, m.key());
      if (f == null || m.value() == GoJson.NULL) {
        continue;
      }
      out.put(f.name(), convert(m.value(), f, structName, pathPrefix));
    }
    return out;
  }

  private static Field match(List<Field> fields, String key) {
    for (Field f : fields) {
      if (f.name().equals(key)) {
        return f;
      }
    }
    for (Field f : fields) {
      if (f.name().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }

  private static Object convert(Object v, Field f, String structName, String prefix)
      throws ApiError {
    String where = " into Go struct field " + structName + "." + prefix + f.name() + " of type ";
    switch (f.kind()) {
      case STRING:
        if (v instanceof String s) {
          return s;
        }
        break;
      case BOOL:
        if (v instanceof Boolean b) {
          return b;
        }
        break;
      case INT64:
      case INT:
        if (v instanceof GoJson.Num n) {
          try {
            return Long.parseLong(n.text());
          } catch (NumberFormatException e) {
            throw ApiError.badBody(
                "json: cannot unmarshal number " + n.text() + where + f.kind().goName);
          }
        }
        break;
      case FLOAT32:
        if (v instanceof GoJson.Num n) {
          double d = Double.parseDouble(n.text());
          if (Math.abs(d) > Float.MAX_VALUE) {
            throw ApiError.badBody(
                "json: cannot unmarshal number " + n.text() + where + f.kind().goName);
          }
          return (float) d;
        }
        break;
      case OBJECT:
        if (v instanceof GoJson.Obj o) {
          return o;
        }
        throw ApiError.badBody(
            "json: cannot unmarshal " + GoJson.kind(v) + where + f.objectGoType());
      default:
        break;
    }
    throw ApiError.badBody("json: cannot unmarshal " + GoJson.kind(v) + where + f.kind().goName);
  }
}
