package io.relayharness.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import io.relayharness.faultproxy.support.ProxyFixture;
import io.relayharness.faultproxy.support.RawHttp;
import io.relayharness.faultproxy.support.Upstream;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JSON shapes of the real server: key order, every attribute, sorted proxies, statuses. */
class ApiJsonShapesTest {

  private ProxyFixture fixture;
  private Upstream echo;
  private RawHttp http;

  @BeforeEach
  void start() throws Exception {
    fixture = new ProxyFixture();
    echo = Upstream.echo();
    http = new RawHttp(fixture.apiUrl());
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    echo.close();
  }

  @Test
  void shouldAnswerVersionExactly() throws Exception {
    HttpResponse<String> r = http.call("GET", "/version", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"version\": \"2.12.0\"}\n");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
    assertThat(fixture.client().version()).contains("2.12.0");
  }

  @Test
  void shouldCreateAProxyWith201AndTheBoundAddress() throws Exception {
    HttpResponse<String> r =
        http.call(
            "POST",
            "/proxies",
            "{\"name\":\"p1\",\"listen\":\"localhost:0\",\"upstream\":\"" + echo.address() + "\"}");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.body())
        .matches(
            "\\{\"name\":\"p1\",\"listen\":\"127\\.0\\.0\\.1:\\d+\",\"upstream\":\""
                + echo.address().replace(".", "\\.")
                + "\",\"enabled\":true,\"Logger\":\\{\\},\"toxics\":\\[\\]\\}");
  }

  @Test
  void shouldKeepTheRawListenOfAProxyThatNeverStarted() throws Exception {
    HttpResponse<String> r =
        http.call(
            "POST",
            "/proxies",
            "{\"name\":\"off\",\"listen\":\"localhost:0\",\"upstream\":\"x:1\",\"enabled\":false}");
    assertThat(r.body())
        .isEqualTo(
            "{\"name\":\"off\",\"listen\":\"localhost:0\",\"upstream\":\"x:1\",\"enabled\":false,"
                + "\"Logger\":{},\"toxics\":[]}");
    HttpResponse<String> all =
        http.call("POST", "/proxies", "{\"name\":\"wild\",\"upstream\":\"x:1\"}");
    assertThat(all.body()).as("empty listen binds every interface").contains("\"listen\":\"[::]:");
  }

  @Test
  void shouldListProxiesAsAnObjectSortedByName() throws Exception {
    assertThat(http.call("GET", "/proxies", null).body()).isEqualTo("{}");
    for (String name : new String[] {"charlie", "alpha", "bravo"}) {
      fixture.createProxy(name, echo);
    }
    String body = http.call("GET", "/proxies", null).body();
    assertThat(body).startsWith("{\"alpha\":{\"name\":\"alpha\"");
    assertThat(body.indexOf("\"alpha\":")).isLessThan(body.indexOf("\"bravo\":"));
    assertThat(body.indexOf("\"bravo\":")).isLessThan(body.indexOf("\"charlie\":"));
    assertThat(fixture.client().getProxies())
        .extracting(Proxy::getName)
        .containsExactly("alpha", "bravo", "charlie");
  }

  @Test
  void shouldPrintEveryAttributeInKeyOrder() throws Exception {
    fixture.createProxy("p", echo);
    HttpResponse<String> r =
        http.call(
            "POST",
            "/proxies/p/toxics",
            "{\"type\":\"slicer\",\"stream\":\"UpStream\",\"toxicity\":0.25,\"attributes\":{\"average_size\":10}}");
    assertThat(r.statusCode()).as("toxic create answers 200, not 201").isEqualTo(200);
    assertThat(r.body())
        .isEqualTo(
            "{\"attributes\":{\"average_size\":10,\"size_variation\":0,\"delay\":0},"
                + "\"name\":\"slicer_UpStream\",\"type\":\"slicer\",\"stream\":\"UpStream\",\"toxicity\":0.25}");
    assertThat(http.call("POST", "/proxies/p/toxics", "{\"type\":\"noop\"}").body())
        .isEqualTo(
            "{\"attributes\":{},\"name\":\"noop_downstream\",\"type\":\"noop\",\"stream\":\"downstream\",\"toxicity\":1}");
  }

  @Test
  void shouldListUpstreamToxicsFirstThenDownstreamInChainOrder() throws Exception {
    Proxy p = fixture.createProxy("p", echo);
    p.toxics().latency("d1", ToxicDirection.DOWNSTREAM, 1);
    p.toxics().latency("u1", ToxicDirection.UPSTREAM, 1);
    p.toxics().timeout("d2", ToxicDirection.DOWNSTREAM, 0);
    p.toxics().bandwidth("u2", ToxicDirection.UPSTREAM, 100);
    assertThat(p.toxics().getAll())
        .extracting(t -> t.getName())
        .containsExactly("u1", "u2", "d1", "d2");
    assertThat(http.call("GET", "/proxies/p", null).body())
        .contains("\"toxics\":[{\"attributes\":{\"latency\":1,\"jitter\":0},\"name\":\"u1\"");
  }

  @Test
  void shouldMergeAttributesOnUpdateWithPostAndPatch() throws Exception {
    Proxy p = fixture.createProxy("p", echo);
    Latency lat = p.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 100);
    lat.setJitter(5);
    HttpResponse<String> r =
        http.call("PATCH", "/proxies/p/toxics/lat", "{\"toxicity\":0.5,\"name\":\"ignored\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .isEqualTo(
            "{\"attributes\":{\"latency\":100,\"jitter\":5},\"name\":\"lat\",\"type\":\"latency\","
                + "\"stream\":\"downstream\",\"toxicity\":0.5}");
    assertThat(http.call("DELETE", "/proxies/p/toxics/lat", null).statusCode()).isEqualTo(204);
    assertThat(http.call("GET", "/proxies/p/toxics", null).body()).isEqualTo("[]");
  }

  @Test
  void shouldUpdateAProxyWithPatchKeepingMissingFields() throws Exception {
    fixture.createProxy("p", echo);
    HttpResponse<String> r = http.call("PATCH", "/proxies/p", "{\"enabled\":false}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"upstream\":\"" + echo.address() + "\",\"enabled\":false");
    assertThat(http.call("POST", "/reset", "ignored").statusCode()).isEqualTo(204);
    assertThat(http.call("GET", "/proxies/p", null).body()).contains("\"enabled\":true");
    assertThat(http.call("DELETE", "/proxies/p", null).statusCode()).isEqualTo(204);
  }

  @Test
  void shouldMatchFieldNamesCaseInsensitivelyAndIgnoreUnknownOnes() throws Exception {
    HttpResponse<String> r =
        http.call(
            "POST",
            "/proxies",
            "{\"NAME\":\"ci\",\"Upstream\":\"x:1\",\"extra\":[1,2],\"listen\":\"127.0.0.1:0\"}");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body()).startsWith("{\"name\":\"ci\",");
  }
}
