package io.relayharness.faultproxy.internal;

import io.relayharness.faultproxy.toxics.Toxic;

/**
 * A toxic as attached to a proxy (Go's ToxicWrapper): name, stream as sent, direction, toxicity and
 * the current parameters. Name, stream and direction are fixed; toxicity and parameters are
 * replaced on update (volatile, written under the proxy's toxic-chain lock, read by link stages).
 */
final class ToxicEntry {

  final String name;
  final String streamAsSent;
  final Direction direction;
  volatile float toxicity;
  volatile Toxic toxic;

  ToxicEntry(String name, String streamAsSent, Direction direction, float toxicity, Toxic toxic) {
    this.name = name;
    this.streamAsSent = streamAsSent;
    this.direction = direction;
    this.toxicity = toxicity;
    this.toxic = toxic;
  }

  /** {@code {"attributes":{..},"name":..,"type":..,"stream":..,"toxicity":..}}. */
  void writeJson(GoJsonWriter w) {
    Toxic t = toxic;
    w.beginObject().name("attributes").beginObject();
    long[] values = t.attributeValues();
    for (int i = 0; i < values.length; i++) {
      w.name(t.type().attributeNames().get(i)).value(values[i]);
    }
    w.endObject();
    w.name("name").value(name);
    w.name("type").value(t.type().name());
    w.name("stream").value(streamAsSent);
    w.name("toxicity").value(toxicity);
    w.endObject();
  }
}
