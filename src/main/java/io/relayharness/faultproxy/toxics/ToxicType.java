package io.relayharness.faultproxy.toxics;

import io.relayharness.vocab.ToxicAttribute;
import io.relayharness.vocab.ToxicKind;
import java.util.List;
import java.util.function.Function;

/**
 * A toxic type as the API names it: its kind from the shared list (JSON name, Go struct name for
 * Go-compatible error texts, attributes in JSON order with their Go types) and a factory from
 * attribute values. Immutable, thread-safe.
 *
 * @param kind the type's entry in the shared vocabulary
 * @param factory builds a toxic from attribute values in the order of {@link #attributeNames()}
 */
public record ToxicType(ToxicKind kind, Function<long[], Toxic> factory) {

  /** The {@code type} in the API ("latency"). */
  public String name() {
    return kind.apiName();
  }

  /** The struct name in the real server ("LatencyToxic"), used in error texts. */
  public String goStructName() {
    return kind.goStructName();
  }

  /** JSON attribute names in output order. */
  public List<String> attributeNames() {
    return kind.attributeNames();
  }

  /** Go types of the attributes ("int64" or "int"), same order. */
  public List<String> attributeGoTypes() {
    return kind.attributes().stream().map(ToxicAttribute::goType).toList();
  }

  /** A toxic of this type with every attribute 0 (the API's default). */
  public Toxic withDefaults() {
    return factory.apply(new long[kind.attributes().size()]);
  }
}
