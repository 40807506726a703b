package io.relayharness.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayharness.faultproxy.support.ProxyFixture;
import io.relayharness.faultproxy.support.RawHttp;
import io.relayharness.faultproxy.support.Upstream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The error catalogue: statuses, exact texts, content types, router answers. */
class ApiErrorsTest {

  private ProxyFixture fixture;
  private Upstream echo;
  private RawHttp http;

  @BeforeEach
  void start() throws Exception {
    fixture = new ProxyFixture();
    echo = Upstream.echo();
    http = new RawHttp(fixture.apiUrl());
    fixture.createProxy("p", echo);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    echo.close();
  }

  private void assertError(HttpResponse<String> r, int status, String text) {
    assertThat(r.statusCode()).as("status of %s", r.body()).isEqualTo(status);
    assertThat(r.body())
        .as("error body")
        .isEqualTo("{\"error\":\"" + text + "\",\"status\":" + status + "}\n");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  private String toxicBody(String extra) {
    return "{\"type\":\"latency\"" + extra + "}";
  }

  @Test
  void shouldAnswer404ProxyNotFoundOnEveryProxyRoute() throws Exception {
    assertError(http.call("GET", "/proxies/nope", null), 404, "proxy not found");
    assertError(http.call("POST", "/proxies/nope", "{}"), 404, "proxy not found");
    assertError(http.call("DELETE", "/proxies/nope", null), 404, "proxy not found");
    assertError(http.call("GET", "/proxies/nope/toxics", null), 404, "proxy not found");
    assertError(http.call("POST", "/proxies/nope/toxics", toxicBody("")), 404, "proxy not found");
    assertThatThrownBy(() -> fixture.client().getProxy("nope"))
        .isInstanceOf(IOException.class)
        .hasMessage("[404] proxy not found");
  }

  @Test
  void shouldAnswer404ToxicNotFound() throws Exception {
    assertError(http.call("GET", "/proxies/p/toxics/nope", null), 404, "toxic not found");
    assertError(http.call("PATCH", "/proxies/p/toxics/nope", "{}"), 404, "toxic not found");
    assertError(http.call("DELETE", "/proxies/p/toxics/nope", null), 404, "toxic not found");
  }

  @Test
  void shouldAnswer409ForDuplicates() throws Exception {
    String body = "{\"name\":\"p\",\"upstream\":\"" + echo.address() + "\"}";
    assertError(http.call("POST", "/proxies", body), 409, "proxy already exists");
    assertThat(http.call("POST", "/proxies/p/toxics", toxicBody("")).statusCode()).isEqualTo(200);
    assertError(
        http.call(
            "POST",
            "/proxies/p/toxics",
            toxicBody(",\"stream\":\"upstream\",\"name\":\"latency_downstream\"")),
        409,
        "toxic already exists");
  }

  @Test
  void shouldAnswer400WithGoDecoderTexts() throws Exception {
    assertError(http.call("POST", "/proxies", ""), 400, "bad request body: EOF");
    assertError(
        http.call("POST", "/proxies", "{\"name\":"), 400, "bad request body: unexpected EOF");
    assertError(
        http.call("POST", "/proxies", "xyz"),
        400,
        "bad request body: invalid character 'x' looking for beginning of value");
    assertError(
        http.call("POST", "/proxies", "{\"name\":1}"),
        400,
        "bad request body: json: cannot unmarshal number into Go struct field Proxy.name of type string");
    assertError(
        http.call("POST", "/proxies/p/toxics", toxicBody(",\"attributes\":{\"latency\":1.5}")),
        400,
        "bad request body: json: cannot unmarshal number 1.5 into Go struct field"
            + " .attributes.latency of type int64");
    assertError(http.call("PATCH", "/proxies/p", ""), 400, "bad request body: EOF");
  }

  @Test
  void shouldAnswer400ForMissingFields() throws Exception {
    assertError(
        http.call("POST", "/proxies", "{\"upstream\":\"x:1\"}"),
        400,
        "missing required field: name");
    assertError(
        http.call("POST", "/proxies", "{\"name\":\"q\"}"), 400, "missing required field: upstream");
  }

  @Test
  void shouldAnswer400ForInvalidStreamAndType() throws Exception {
    assertError(
        http.call("POST", "/proxies/p/toxics", toxicBody(",\"stream\":\"sideways\"")),
        400,
        "stream was invalid, can be either upstream or downstream");
    assertError(
        http.call("POST", "/proxies/p/toxics", toxicBody(",\"stream\":\"\"")),
        400,
        "stream was invalid, can be either upstream or downstream");
    assertError(
        http.call("POST", "/proxies/p/toxics", "{\"type\":\"Latency\"}"),
        400,
        "invalid toxic type");
    assertError(http.call("POST", "/proxies/p/toxics", "{}"), 400, "invalid toxic type");
  }

  @Test
  void shouldRejectAttributesThatCrashTheRealServer() throws Exception {
    assertError(
        http.call(
            "POST", "/proxies/p/toxics", "{\"type\":\"bandwidth\",\"attributes\":{\"rate\":-1}}"),
        400,
        "bad request body: invalid bandwidth attributes: rate must not be negative, got -1");
    assertError(
        http.call(
            "POST",
            "/proxies/p/toxics",
            "{\"type\":\"slicer\",\"attributes\":{\"average_size\":0}}"),
        400,
        "bad request body: invalid slicer attributes: average_size must be at least 1, got 0");
    assertThat(
            http.call(
                    "POST",
                    "/proxies/p/toxics",
                    "{\"type\":\"bandwidth\",\"attributes\":{\"rate\":5}}")
                .statusCode())
        .isEqualTo(200);
    assertError(
        http.call(
            "POST", "/proxies/p/toxics/bandwidth_downstream", "{\"attributes\":{\"rate\":-5}}"),
        400,
        "bad request body: invalid bandwidth attributes: rate must not be negative, got -5");
  }

  @Test
  void shouldAnswer500WithTheBindErrorAndNotAddTheProxy() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      HttpResponse<String> r =
          http.call(
              "POST",
              "/proxies",
              "{\"name\":\"clash\",\"listen\":\"127.0.0.1:" + port + "\",\"upstream\":\"x:1\"}");
      assertError(r, 500, "listen tcp 127.0.0.1:" + port + ": bind: address already in use");
    }
    assertThat(http.call("GET", "/proxies/clash", null).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldAnswerTheRouterStatusesForUnknownPathsAndMethods() throws Exception {
    HttpResponse<String> notFound = http.call("GET", "/nope", null);
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.body()).isEqualTo("404 page not found\n");
    assertThat(notFound.headers().firstValue("X-Toxiproxy-Request-Id")).isEmpty();
    assertThat(http.call("GET", "/proxies/", null).statusCode()).isEqualTo(404);
    HttpResponse<String> wrongMethod = http.call("DELETE", "/version", null);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.body()).isEmpty();
    assertThat(http.call("PUT", "/proxies/p", "{}").statusCode()).isEqualTo(405);
  }

  @Test
  void shouldRefuseBrowsersAndTagRequestsWithAnId() throws Exception {
    HttpResponse<String> browser = http.call("GET", "/proxies", null, "Mozilla/5.0 (X11)");
    assertThat(browser.statusCode()).isEqualTo(403);
    assertThat(browser.body()).isEqualTo("User agent not allowed\n");
    HttpResponse<String> ok = http.call("GET", "/version", null);
    assertThat(ok.headers().firstValue("X-Toxiproxy-Request-Id"))
        .as("a 20-character xid")
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-v]{20}"));
  }
}
