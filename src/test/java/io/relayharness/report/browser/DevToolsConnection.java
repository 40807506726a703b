package io.relayharness.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.JsonLines;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One WebSocket connection to Chromium's DevTools protocol (flat sessions): commands with bounded
 * waits for their results, and every event kept for later reading. Thread-safe.
 */
final class DevToolsConnection implements AutoCloseable {

  private final WebSocket socket;
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final List<EventWaiter> waiters = new CopyOnWriteArrayList<>();

  private record EventWaiter(Predicate<JsonNode> match, CompletableFuture<JsonNode> done) {}

  private DevToolsConnection(URI uri) throws IOException {
    try {
      socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(uri, new Listener())
              .get(10, TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IOException("cannot connect to DevTools at " + uri, e);
    }
  }

  /** Connects to the browser endpoint {@code ws://...}. */
  static DevToolsConnection open(URI uri) throws IOException {
    return new DevToolsConnection(uri);
  }

  /** Sends {@code method} (in {@code sessionId}, or to the browser when null) and waits. */
  JsonNode send(String sessionId, String method, ObjectNode params, Duration timeout) {
    int id = nextId.getAndIncrement();
    ObjectNode msg = JsonLines.MAPPER.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", params == null ? JsonLines.MAPPER.createObjectNode() : params);
    if (sessionId != null) {
      msg.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    synchronized (socket) {
      socket.sendText(JsonLines.toLine(msg), true).join();
    }
    JsonNode reply;
    try {
      reply = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "DevTools " + method + ": no reply within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("DevTools " + method + " failed", e);
    } finally {
      pending.remove(id);
    }
    if (reply.has("error")) {
      throw new IllegalStateException("DevTools " + method + " error: " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** Waits for an event (already seen or future) matching {@code match}. */
  JsonNode awaitEvent(String description, Predicate<JsonNode> match, Duration timeout) {
    CompletableFuture<JsonNode> done = new CompletableFuture<>();
    EventWaiter waiter = new EventWaiter(match, done);
    waiters.add(waiter);
    for (JsonNode e : events) {
      if (match.test(e)) {
        done.complete(e);
      }
    }
    try {
      return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "expected " + description + " within " + timeout.toMillis() + " ms; it did not come", e);
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("waiting for " + description, e);
    } finally {
      waiters.remove(waiter);
    }
  }

  /** Every event received so far. */
  List<JsonNode> events() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        dispatch(text);
      }
      ws.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }

    private void dispatch(String text) {
      JsonNode msg;
      try {
        msg = JsonLines.MAPPER.readTree(text);
      } catch (IOException e) {
        return;
      }
      if (msg.has("id")) {
        CompletableFuture<JsonNode> f = pending.get(msg.get("id").asInt());
        if (f != null) {
          f.complete(msg);
        }
        return;
      }
      events.add(msg);
      for (EventWaiter w : waiters) {
        if (w.match().test(msg)) {
          w.done().complete(msg);
        }
      }
    }
  }
}
