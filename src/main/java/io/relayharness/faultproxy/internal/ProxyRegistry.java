package io.relayharness.faultproxy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Every proxy by name (Go's ProxyCollection), kept sorted as the API lists them. Thread-safe:
 * adding, removing, populating and resetting are serialized on this object.
 */
public final class ProxyRegistry {

  private static final List<GoStruct.Field> PROXY_FIELDS =
      List.of(
          GoStruct.Field.of("name", GoStruct.Kind.STRING),
          GoStruct.Field.of("listen", GoStruct.Kind.STRING),
          GoStruct.Field.of("upstream", GoStruct.Kind.STRING),
          GoStruct.Field.of("enabled", GoStruct.Kind.BOOL));

  static final String POPULATE_ELEMENT =
      "struct { toxiproxy.Proxy; Enabled *bool \"json:\\\"enabled\\\"\" }";

  private final Map<String, ProxyState> proxies = new TreeMap<>();
  private final Executor threads;
  private final int dialTimeoutMs;

  /** A registry whose proxies run their links on {@code threads}. */
  public ProxyRegistry(Executor threads, int dialTimeoutMs) {
    this.threads = threads;
    this.dialTimeoutMs = dialTimeoutMs;
  }

  /** The outcome of a populate: the proxies done (in input order) and the error, if any. */
  public record PopulateResult(List<String> proxiesJson, ApiError error) {}

  synchronized ProxyState get(String name) throws ApiError {
    ProxyState p = proxies.get(name);
    if (p == null) {
      throw ApiError.proxyNotFound();
    }
    return p;
  }

  synchronized List<ProxyState> all() {
    return new ArrayList<>(proxies.values());
  }

  /** GET /proxies: an object of every proxy, keys sorted by name. */
  synchronized String toJson() {
    GoJsonWriter w = new GoJsonWriter().beginObject();
    for (ProxyState p : proxies.values()) {
      w.name(p.name).raw(p.toJson());
    }
    return w.endObject().toString();
  }

  /** POST /proxies: decodes, validates, refuses a duplicate before binding, then starts. */
  synchronized ProxyState create(byte[] body) throws ApiError {
    Map<String, Object> f = decodeProxy(body, "toxiproxy.Proxy", "Proxy");
    String name = (String) f.getOrDefault("name", "");
    String upstream = (String) f.getOrDefault("upstream", "");
    if (name.isEmpty()) {
      throw ApiError.missingField("name");
    }
    if (upstream.isEmpty()) {
      throw ApiError.missingField("upstream");
    }
    if (proxies.containsKey(name)) {
      throw ApiError.proxyExists();
    }
    ProxyState p =
        new ProxyState(
            name, (String) f.getOrDefault("listen", ""), upstream, threads, dialTimeoutMs);
    if ((Boolean) f.getOrDefault("enabled", Boolean.TRUE)) {
      p.start();
    }
    proxies.put(name, p);
    return p;
  }

  /** POST/PATCH /proxies/{name}: fields missing from the body keep their values. */
  ProxyState update(String name, byte[] body) throws ApiError {
    ProxyState p = get(name);
    Map<String, Object> f = decodeProxy(body, "toxiproxy.Proxy", "Proxy");
    synchronized (p) {
      p.update(
          (String) f.getOrDefault("listen", p.listen()),
          (String) f.getOrDefault("upstream", p.upstream()),
          (Boolean) f.getOrDefault("enabled", p.enabled()));
    }
    return p;
  }

  private static Map<String, Object> decodeProxy(byte[] body, String goType, String struct)
      throws ApiError {
    Object json;
    try {
      json = GoJson.parse(body);
    } catch (GoJson.SyntaxError e) {
      throw ApiError.badBody(e.getMessage());
    }
    return GoStruct.decode(json, goType, struct, "", PROXY_FIELDS);
  }

  /** DELETE /proxies/{name}: stops it (closing its connections) and forgets it. */
  synchronized void remove(String name) throws ApiError {
    ProxyState p = get(name);
    p.stop();
    proxies.remove(name);
  }

  /** POST /reset: enables every proxy and removes every toxic. */
  public synchronized void reset() throws ApiError {
    for (ProxyState p : proxies.values()) {
      p.start();
      p.toxics.removeAll();
    }
  }

  /** POST /populate (and -config): see the spec, section 4.3. */
  public synchronized PopulateResult populate(byte[] body) throws ApiError {
    Object json;
    try {
      json = GoJson.parse(body);
    } catch (GoJson.SyntaxError e) {
      throw ApiError.badBody(e.getMessage());
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    if (json != GoJson.NULL) {
      if (!(json instanceof List<?> list)) {
        throw ApiError.badBody(
            "json: cannot unmarshal "
                + GoJson.kind(json)
                + " into Go value of type []"
                + POPULATE_ELEMENT);
      }
      for (Object item : list) {
        entries.add(GoStruct.decode(item, POPULATE_ELEMENT, "", "", PROXY_FIELDS));
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      if (((String) entries.get(i).getOrDefault("name", "")).isEmpty()) {
        throw ApiError.missingField("name at proxy " + (i + 1));
      }
      if (((String) entries.get(i).getOrDefault("upstream", "")).isEmpty()) {
        throw ApiError.missingField("upstream at proxy " + (i + 1));
      }
    }
    List<String> done = new ArrayList<>();
    for (Map<String, Object> e : entries) {
      String name = (String) e.get("name");
      String listen = (String) e.getOrDefault("listen", "");
      String upstream = (String) e.get("upstream");
      ProxyState existing = proxies.get(name);
      if (existing != null) {
        if (existing.sameAs(listen, upstream)) {
          done.add(existing.toJson()); // identical: left untouched, toxics and enabled state too
          continue;
        }
        existing.stop();
      }
      ProxyState p = new ProxyState(name, listen, upstream, threads, dialTimeoutMs);
      if ((Boolean) e.getOrDefault("enabled", Boolean.TRUE)) {
        try {
          p.start();
        } catch (ApiError err) {
          return new PopulateResult(done, err);
        }
      }
      proxies.put(name, p);
      done.add(p.toJson());
    }
    return new PopulateResult(done, null);
  }

  /** Stops every proxy (server shutdown). */
  public synchronized void stopAll() {
    for (ProxyState p : proxies.values()) {
      p.stop();
    }
  }
}
