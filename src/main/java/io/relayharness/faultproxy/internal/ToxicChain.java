package io.relayharness.faultproxy.internal;

import io.relayharness.faultproxy.toxics.Toxic;
import io.relayharness.faultproxy.toxics.ToxicType;
import io.relayharness.faultproxy.toxics.ToxicTypes;
import io.relayharness.vocab.ToxicStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The toxics of one proxy (Go's ToxicCollection): one chain per direction in insertion order, and
 * the live links they apply to. Every change applies at once to existing links as well as new ones.
 * Thread-safe: chain changes and link start-up are serialized on this object, as in the real server
 * (so a DELETE of a reset_peer toxic in its wait blocks until the wait ends).
 */
final class ToxicChain {

  private static final List<GoStruct.Field> ENVELOPE =
      List.of(
          GoStruct.Field.of("name", GoStruct.Kind.STRING),
          GoStruct.Field.of("type", GoStruct.Kind.STRING),
          GoStruct.Field.of("stream", GoStruct.Kind.STRING),
          GoStruct.Field.of("toxicity", GoStruct.Kind.FLOAT32),
          new GoStruct.Field("attributes", GoStruct.Kind.OBJECT, "toxics.NoopToxic"));

  private final Map<Direction, List<ToxicEntry>> chains = new EnumMap<>(Direction.class);
  private final Set<Link> links = ConcurrentHashMap.newKeySet();

  ToxicChain() {
    chains.put(Direction.UPSTREAM, new ArrayList<>());
    chains.put(Direction.DOWNSTREAM, new ArrayList<>());
  }

  /** Every toxic: the upstream chain first, then the downstream chain, each in chain order. */
  synchronized List<ToxicEntry> all() {
    List<ToxicEntry> out = new ArrayList<>(chains.get(Direction.UPSTREAM));
    out.addAll(chains.get(Direction.DOWNSTREAM));
    return out;
  }

  /** The toxics as a JSON array. */
  synchronized String toJson() {
    GoJsonWriter w = new GoJsonWriter().beginArray();
    for (ToxicEntry e : all()) {
      e.writeJson(w);
    }
    return w.endArray().toString();
  }

  /** The toxic named {@code name}, or 404. */
  synchronized ToxicEntry get(String name) throws ApiError {
    ToxicEntry e = find(name);
    if (e == null) {
      throw ApiError.toxicNotFound();
    }
    return e;
  }

  private ToxicEntry find(String name) {
    for (List<ToxicEntry> chain : chains.values()) {
      for (ToxicEntry e : chain) {
        if (e.name.equals(name)) {
          return e;
        }
      }
    }
    return null;
  }

  /** Creates a toxic from a request body, in the real server's order of checks. */
  synchronized ToxicEntry create(byte[] body) throws ApiError {
    Object json;
    try {
      json = GoJson.parse(body);
    } catch (GoJson.SyntaxError e) {
      throw ApiError.badBody(e.getMessage());
    }
    Map<String, Object> f =
        GoStruct.decode(json, "toxics.ToxicWrapper", "ToxicWrapper", "", ENVELOPE);
    String stream = (String) f.getOrDefault("stream", ToxicStream.DEFAULT.apiName());
    Direction direction = Direction.parse(stream);
    if (direction == null) {
      throw ApiError.invalidStream();
    }
    String typeName = (String) f.getOrDefault("type", "");
    String name = (String) f.getOrDefault("name", "");
    if (name.isEmpty()) {
      name = typeName + "_" + stream;
    }
    ToxicType type = ToxicTypes.byName(typeName);
    if (type == null) {
      throw ApiError.invalidToxicType();
    }
    if (find(name) != null) {
      throw ApiError.toxicExists();
    }
    Toxic toxic = decodeAttributes(type, type.withDefaults(), f.get("attributes"), "");
    float toxicity = (Float) f.getOrDefault("toxicity", 1.0f);
    ToxicEntry entry = new ToxicEntry(name, stream, direction, toxicity, toxic);
    chains.get(direction).add(entry);
    for (Link link : links) {
      if (link.direction == direction) {
        link.addToxic(entry);
      }
    }
    return entry;
  }

  /** Updates a toxic's attributes (merged) and toxicity from a request body, restarting it. */
  synchronized ToxicEntry update(String name, byte[] body) throws ApiError {
    ToxicEntry entry = get(name);
    Object json;
    try {
      json = GoJson.parse(body);
    } catch (GoJson.SyntaxError e) {
      throw ApiError.badBody(e.getMessage());
    }
    ToxicType type = entry.toxic.type();
    List<GoStruct.Field> fields =
        List.of(
            new GoStruct.Field("attributes", GoStruct.Kind.OBJECT, "toxics." + type.goStructName()),
            GoStruct.Field.of("toxicity", GoStruct.Kind.FLOAT32));
    Map<String, Object> f =
        GoStruct.decode(
            json,
            "struct { Attributes interface {} \"json:\\\"attributes\\\"\"; Toxicity float32 \"json:\\\"toxicity\\\"\" }",
            "",
            "",
            fields);
    Toxic toxic = decodeAttributes(type, entry.toxic, f.get("attributes"), "");
    entry.toxic = toxic;
    entry.toxicity = (Float) f.getOrDefault("toxicity", entry.toxicity);
    for (Link link : links) {
      if (link.direction == entry.direction) {
        link.updateToxic(entry);
      }
    }
    return entry;
  }

  private static Toxic decodeAttributes(ToxicType type, Toxic current, Object attrs, String s)
      throws ApiError {
    long[] values = current.attributeValues().clone();
    if (attrs != null) {
      List<GoStruct.Field> fields = new ArrayList<>();
      for (int i = 0; i < type.attributeNames().size(); i++) {
        fields.add(
            GoStruct.Field.of(
                type.attributeNames().get(i),
                type.attributeGoTypes().get(i).equals("int")
                    ? GoStruct.Kind.INT
                    : GoStruct.Kind.INT64));
      }
      Map<String, Object> f =
          GoStruct.decode(attrs, "toxics." + type.goStructName(), "", "attributes.", fields);
      for (int i = 0; i < fields.size(); i++) {
        Object v = f.get(fields.get(i).name());
        if (v != null) {
          values[i] = (Long) v;
        }
      }
    }
    Toxic toxic = type.factory().apply(values);
    String invalid = toxic.invalidReason();
    if (invalid != null) {
      throw ApiError.badBody("invalid " + type.name() + " attributes: " + invalid);
    }
    return toxic;
  }

  /** Removes a toxic from the chain and from every live link. */
  synchronized void remove(String name) throws ApiError {
    removeEntry(get(name));
  }

  private void removeEntry(ToxicEntry entry) {
    chains.get(entry.direction).remove(entry);
    for (Link link : links) {
      if (link.direction == entry.direction) {
        link.removeToxic(entry);
      }
    }
  }

  /** Removes every toxic, first to last in each direction, with the usual side effects. */
  synchronized void removeAll() {
    for (List<ToxicEntry> chain : chains.values()) {
      while (!chain.isEmpty()) {
        removeEntry(chain.get(0));
      }
    }
  }

  /** Starts the links of a new connection with the current chains and registers them. */
  synchronized void startLinks(Link upstreamLink, Link downstreamLink) {
    upstreamLink.start(List.copyOf(chains.get(Direction.UPSTREAM)));
    downstreamLink.start(List.copyOf(chains.get(Direction.DOWNSTREAM)));
    links.add(upstreamLink);
    links.add(downstreamLink);
  }

  /** Forgets a link whose stream ended. */
  void unregister(Link link) {
    links.remove(link);
  }
}
