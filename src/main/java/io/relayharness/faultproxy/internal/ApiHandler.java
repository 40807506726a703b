package io.relayharness.faultproxy.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The HTTP API of Toxiproxy 2.12.0: routing by method and path, the status codes, JSON shapes,
 * headers and error texts of the real server.
 *
 * <pre>
 *   request ──► route (404 / 405) ──► user agent (403) ──► handler ──► 2xx JSON | error JSON
 * </pre>
 *
 * Thread-safe (stateless besides the registry, which is thread-safe).
 */
public final class ApiHandler implements HttpHandler {

  /** The Toxiproxy version this server is compatible with. */
  public static final String VERSION = "2.12.0";

  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain; charset=utf-8";

  private final ProxyRegistry registry;

  /** A handler serving {@code registry}. */
  public ApiHandler(ProxyRegistry registry) {
    this.registry = registry;
  }

  private enum Route {
    RESET(Set.of("POST")),
    PROXIES(Set.of("GET", "POST")),
    POPULATE(Set.of("POST")),
    PROXY(Set.of("GET", "POST", "PATCH", "DELETE")),
    TOXICS(Set.of("GET", "POST")),
    TOXIC(Set.of("GET", "POST", "PATCH", "DELETE")),
    VERSION(Set.of("GET"));

    final Set<String> methods;

    Route(Set<String> methods) {
      this.methods = methods;
    }
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      dispatch(ex, ex.getRequestBody().readAllBytes());
    } catch (RuntimeException e) {
      error(ex, new ApiError(500, String.valueOf(e.getMessage())));
    }
  }

  private void dispatch(HttpExchange ex, byte[] body) throws IOException {
    String path = ex.getRequestURI().getPath();
    String[] seg = path.length() > 1 ? path.substring(1).split("/", -1) : new String[] {""};
    Route route = null;
    String proxy = null;
    String toxic = null;
    if (seg.length == 1 && seg[0].equals("reset")) {
      route = Route.RESET;
    } else if (seg.length == 1 && seg[0].equals("proxies")) {
      route = Route.PROXIES;
    } else if (seg.length == 1 && seg[0].equals("populate")) {
      route = Route.POPULATE;
    } else if (seg.length == 1 && seg[0].equals("version")) {
      route = Route.VERSION;
    } else if (seg.length >= 2 && seg[0].equals("proxies") && !seg[1].isEmpty()) {
      proxy = seg[1];
      if (seg.length == 2) {
        route = Route.PROXY;
      } else if (seg.length == 3 && seg[2].equals("toxics")) {
        route = Route.TOXICS;
      } else if (seg.length == 4 && seg[2].equals("toxics") && !seg[3].isEmpty()) {
        route = Route.TOXIC;
        toxic = seg[3];
      }
    }
    if (route == null) {
      send(ex, 404, TEXT, "404 page not found\n", true);
      return;
    }
    String method = ex.getRequestMethod();
    if (!route.methods.contains(method)) {
      ex.sendResponseHeaders(405, -1);
      return;
    }
    ex.getResponseHeaders().set("X-Toxiproxy-Request-Id", Xid.next());
    String agent = ex.getRequestHeaders().getFirst("User-Agent");
    if (agent != null && agent.startsWith("Mozilla/")) {
      send(ex, 403, TEXT, "User agent not allowed\n", true);
      return;
    }
    try {
      handleRoute(ex, route, method, proxy, toxic, body);
    } catch (ApiError e) {
      error(ex, e);
    }
  }

  private void handleRoute(
      HttpExchange ex, Route route, String method, String proxyName, String toxicName, byte[] body)
      throws IOException, ApiError {
    switch (route) {
      case VERSION -> {
        send(
            ex,
            200,
            "application/json;charset=utf-8",
            "{\"version\": \"" + VERSION + "\"}\n",
            false);
      }
      case RESET -> {
        registry.reset();
        ex.sendResponseHeaders(204, -1);
      }
      case PROXIES -> {
        if (method.equals("GET")) {
          send(ex, 200, JSON, registry.toJson(), false);
        } else {
          send(ex, 201, JSON, registry.create(body).toJson(), false);
        }
      }
      case POPULATE -> populate(ex, body);
      case PROXY -> {
        switch (method) {
          case "GET" -> send(ex, 200, JSON, registry.get(proxyName).toJson(), false);
          case "DELETE" -> {
            registry.remove(proxyName);
            ex.sendResponseHeaders(204, -1);
          }
          default -> send(ex, 200, JSON, registry.update(proxyName, body).toJson(), false);
        }
      }
      case TOXICS -> {
        ProxyState p = registry.get(proxyName);
        if (method.equals("GET")) {
          send(ex, 200, JSON, p.toxics.toJson(), false);
        } else {
          send(ex, 200, JSON, json(p.toxics.create(body)), false);
        }
      }
      case TOXIC -> {
        ProxyState p = registry.get(proxyName);
        switch (method) {
          case "GET" -> send(ex, 200, JSON, json(p.toxics.get(toxicName)), false);
          case "DELETE" -> {
            p.toxics.remove(toxicName);
            ex.sendResponseHeaders(204, -1);
          }
          default -> send(ex, 200, JSON, json(p.toxics.update(toxicName, body)), false);
        }
      }
      default -> throw new IllegalStateException(route.name());
    }
  }

  private void populate(HttpExchange ex, byte[] body) throws IOException {
    ProxyRegistry.PopulateResult result;
    try {
      result = registry.populate(body);
    } catch (ApiError e) {
      result = new ProxyRegistry.PopulateResult(List.of(), e);
    }
    GoJsonWriter w = new GoJsonWriter().beginObject();
    if (result.error() != null) {
      w.name("error").value(result.error().getMessage());
      w.name("status").value(result.error().status());
    }
    w.name("proxies");
    if (result.proxiesJson().isEmpty()) {
      w.nullValue();
    } else {
      w.beginArray();
      result.proxiesJson().forEach(w::raw);
      w.endArray();
    }
    w.endObject();
    int status = result.error() == null ? 201 : result.error().status();
    send(ex, status, JSON, w.toString(), false);
  }

  private static String json(ToxicEntry e) {
    GoJsonWriter w = new GoJsonWriter();
    e.writeJson(w);
    return w.toString();
  }

  private static void error(HttpExchange ex, ApiError e) throws IOException {
    String body =
        new GoJsonWriter()
                .beginObject()
                .name("error")
                .value(e.getMessage())
                .name("status")
                .value(e.status())
                .endObject()
            + "\n";
    send(ex, e.status(), TEXT, body, true);
  }

  private static void send(HttpExchange ex, int status, String type, String body, boolean nosniff)
      throws IOException {
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", type);
    if (nosniff) {
      h.set("X-Content-Type-Options", "nosniff");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }
}
