package io.relayharness.faultproxy.toxics;

import java.util.List;
import java.util.function.Function;

/**
 * A toxic type as the API names it: its JSON name, its Go struct name (for Go-compatible error
 * texts), its attributes in JSON order with their Go types, and a factory from attribute values.
 * Immutable, thread-safe.
 *
 * @param name the {@code type} in the API ("latency")
 * @param goStructName the struct name in the real server ("LatencyToxic"), used in error texts
 * @param attributeNames JSON attribute names in output order
 * @param attributeGoTypes Go types of the attributes ("int64" or "int"), same order
 * @param factory builds a toxic from attribute values in the same order
 */
public record ToxicType(
    String name,
    String goStructName,
    List<String> attributeNames,
    List<String> attributeGoTypes,
    Function<long[], Toxic> factory) {

  /** A toxic of this type with every attribute 0 (the API's default). */
  public Toxic withDefaults() {
    return factory.apply(new long[attributeNames.size()]);
  }
}
