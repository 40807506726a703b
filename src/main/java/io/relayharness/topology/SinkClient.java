package io.relayharness.topology;

import com.fasterxml.jackson.core.type.TypeReference;
import io.relayharness.ledger.JsonLines;
import io.relayharness.ledger.SinkArrival;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Talks to one sink worker's HTTP control endpoint: its ledger, counters and SMTP faults. The
 * endpoint moves when the sink restarts (a new mapped port), so the base URI is asked for on each
 * call. Thread-safe.
 */
public final class SinkClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final java.util.function.Supplier<URI> base;

  SinkClient(java.util.function.Supplier<URI> base) {
    this.base = base;
  }

  /** Every record in the sink's ledger. */
  public List<SinkArrival> ledger() {
    return JsonLines.parse(get("/ledger?from=0"), SinkArrival.class);
  }

  /** The sink's counters as JSON fields. */
  public Map<String, Object> counters() {
    return parse(get("/counters"));
  }

  /** Adds an SMTP fault (see the sink's {@code /faults} API); returns the sink's answer. */
  public Map<String, Object> addFault(Map<String, Object> fault) {
    return parse(send("POST", "/faults", JsonLines.toLine(fault)));
  }

  /** Removes every SMTP fault. */
  public void clearFaults() {
    send("DELETE", "/faults", null);
  }

  /** True when the sink answers its health check. */
  public boolean healthy() {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(base.get().resolve("/health"))
                  .timeout(Duration.ofSeconds(1))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String get(String path) {
    return send("GET", path, null);
  }

  private String send(String method, String path, String body) {
    URI uri = base.get().resolve(path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + uri + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + uri, e);
    }
  }

  private static Map<String, Object> parse(String json) {
    try {
      return JsonLines.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }
}
