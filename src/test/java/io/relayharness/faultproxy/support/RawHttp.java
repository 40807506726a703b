package io.relayharness.faultproxy.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP calls to the API, for status, header and error-text checks. Thread-safe. */
public final class RawHttp {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String baseUrl;

  /** Calls against {@code baseUrl} ({@code http://127.0.0.1:port}). */
  public RawHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Sends {@code method path} with {@code body} (null = none) and returns the response. */
  public HttpResponse<String> call(String method, String path, String body) throws IOException {
    return call(method, path, body, "Java-test");
  }

  /** Same, with a User-Agent. */
  public HttpResponse<String> call(String method, String path, String body, String userAgent)
      throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(10))
            .header("User-Agent", userAgent)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
