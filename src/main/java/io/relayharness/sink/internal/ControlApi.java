package io.relayharness.sink.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.relayharness.ledger.JsonLines;
import io.relayharness.sink.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's HTTP control API, on the JDK's HTTP server:
 *
 * <pre>
 * GET    /health               200 {"status":"up",...} while SMTP listens, else 503
 * GET    /ledger?from=N&amp;max=B  ledger lines from byte offset N (ndjson); header X-Ledger-Next-Offset
 * GET    /dropped?from=N       the same for the dropped ledger (arrivals never answered)
 * GET    /counters             {@link io.relayharness.sink.SinkCounters} as JSON
 * GET    /faults               [{fault fields..., fired, remaining, active}]
 * POST   /faults               a fault object or an array of them; 201 with the stored faults
 * DELETE /faults               removes all; 200 {"removed":n}
 * DELETE /faults/{id}          removes one; 204, or 404
 * </pre>
 *
 * Errors are JSON {@code {"error": "..."}} with 400/404/405. Thread-safe (stateless handlers over
 * thread-safe parts).
 */
public final class ControlApi {

  /** The response header that gives the offset to read from next. */
  public static final String NEXT_OFFSET_HEADER = "X-Ledger-Next-Offset";

  /** The response header that gives the durable size of the ledger at the time of the read. */
  public static final String SIZE_HEADER = "X-Ledger-Size";

  private static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);

  private final SinkContext context;
  private final BooleanSupplier smtpListening;
  private final Supplier<Object> health;
  private final Supplier<Object> counters;

  public ControlApi(
      SinkContext context,
      BooleanSupplier smtpListening,
      Supplier<Object> health,
      Supplier<Object> counters) {
    this.context = context;
    this.smtpListening = smtpListening;
    this.health = health;
    this.counters = counters;
  }

  /** Registers every path on {@code server}. */
  public void register(HttpServer server) {
    server.createContext("/health", guard(this::health));
    server.createContext("/ledger", guard(x -> ledger(x, context.ledger())));
    server.createContext("/dropped", guard(x -> ledger(x, context.droppedLedger())));
    server.createContext("/counters", guard(this::counters));
    server.createContext("/faults", guard(this::faults));
  }

  private void health(HttpExchange x) throws IOException {
    requireMethod(x, "GET");
    sendJson(x, smtpListening.getAsBoolean() ? 200 : 503, health.get());
  }

  private void counters(HttpExchange x) throws IOException {
    requireMethod(x, "GET");
    sendJson(x, 200, counters.get());
  }

  private void ledger(HttpExchange x, SinkLedger ledger) throws IOException {
    requireMethod(x, "GET");
    Map<String, String> q = query(x.getRequestURI());
    long from = parseLong(q, "from", 0);
    int max = (int) Math.min(Integer.MAX_VALUE - 8, parseLong(q, "max", DEFAULT_MAX_BYTES));
    SinkLedger.Chunk chunk = ledger.read(from, max);
    x.getResponseHeaders().set("Content-Type", "application/x-ndjson; charset=utf-8");
    x.getResponseHeaders().set(NEXT_OFFSET_HEADER, String.valueOf(chunk.nextOffset()));
    x.getResponseHeaders().set(SIZE_HEADER, String.valueOf(chunk.durableBytes()));
    send(x, 200, chunk.bytes());
  }

  private void faults(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String id = path.length() > "/faults/".length() ? path.substring("/faults/".length()) : null;
    switch (x.getRequestMethod()) {
      case "GET" -> sendJson(x, 200, context.faults().status());
      case "POST" -> {
        byte[] body = x.getRequestBody().readAllBytes();
        JsonNode node = JsonLines.MAPPER.readTree(body);
        List<Fault> stored = new ArrayList<>();
        if (node != null && node.isArray()) {
          for (JsonNode one : node) {
            stored.add(context.faults().add(StrictFault.READER.readValue(one)));
          }
        } else if (node != null && node.isObject()) {
          stored.add(context.faults().add(StrictFault.READER.readValue(node)));
        } else {
          throw new IllegalArgumentException("faults: expected a JSON object or array");
        }
        stored.forEach(f -> LOG.info("fault added: {}", JsonLines.toLine(f)));
        sendJson(x, 201, node.isArray() ? stored : stored.get(0));
      }
      case "DELETE" -> {
        if (id == null) {
          int removed = context.faults().clear();
          LOG.info("faults cleared: {}", removed);
          sendJson(x, 200, Map.of("removed", removed));
        } else if (context.faults().remove(id)) {
          LOG.info("fault removed: {}", id);
          send(x, 204, null);
        } else {
          sendJson(x, 404, Map.of("error", "no fault with id " + id));
        }
      }
      default -> throw new MethodNotAllowed("GET, POST, DELETE");
    }
  }

  private static HttpHandler guard(Handler h) {
    return x -> {
      try (x) {
        try {
          h.handle(x);
        } catch (MethodNotAllowed e) {
          x.getResponseHeaders().set("Allow", e.getMessage());
          sendJson(x, 405, Map.of("error", "method not allowed; use " + e.getMessage()));
        } catch (JsonProcessingException e) {
          sendJson(x, 400, Map.of("error", "bad JSON: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
          sendJson(x, 400, Map.of("error", String.valueOf(e.getMessage())));
        } catch (IOException | RuntimeException e) {
          LOG.warn("control API {} failed", x.getRequestURI(), e);
          sendJson(x, 500, Map.of("error", String.valueOf(e)));
        }
      }
    };
  }

  private static void requireMethod(HttpExchange x, String method) {
    if (!x.getRequestMethod().equals(method)) {
      throw new MethodNotAllowed(method);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            pair.substring(0, eq),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static long parseLong(Map<String, String> q, String key, long dflt) {
    String v = q.get(key);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad " + key + " = " + v + " (expected a number)");
    }
  }

  private static void sendJson(HttpExchange x, int status, Object body) throws IOException {
    x.getResponseHeaders().set("Content-Type", "application/json");
    send(x, status, JsonLines.MAPPER.writeValueAsBytes(body));
  }

  private static void send(HttpExchange x, int status, byte[] body) throws IOException {
    if (body == null || body.length == 0) {
      x.sendResponseHeaders(status, -1);
      return;
    }
    x.sendResponseHeaders(status, body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  @FunctionalInterface
  private interface Handler {
    void handle(HttpExchange x) throws IOException;
  }

  private static final class MethodNotAllowed extends RuntimeException {
    MethodNotAllowed(String allowed) {
      super(allowed, null, false, false);
    }
  }

  /** The strict fault reader, built at the first POST rather than during the sink's start. */
  private static final class StrictFault {
    static final ObjectReader READER =
        JsonLines.MAPPER
            .readerFor(Fault.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
