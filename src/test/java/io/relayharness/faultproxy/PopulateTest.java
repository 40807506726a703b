package io.relayharness.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.relayharness.faultproxy.support.ProxyFixture;
import io.relayharness.faultproxy.support.RawHttp;
import io.relayharness.faultproxy.support.Upstream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /populate: create, keep if identical, replace, partial results on error. */
class PopulateTest {

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

  private String entry(String name, String listen) {
    return "{\"name\":\""
        + name
        + "\",\"listen\":\""
        + listen
        + "\",\"upstream\":\""
        + echo.address()
        + "\"}";
  }

  @Test
  void shouldCreateProxiesInInputOrderWith201() throws Exception {
    HttpResponse<String> r =
        http.call(
            "POST",
            "/populate",
            "[" + entry("b", "127.0.0.1:0") + "," + entry("a", "127.0.0.1:0") + "]");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.body()).startsWith("{\"proxies\":[{\"name\":\"b\"");
    assertThat(r.body().indexOf("\"name\":\"b\"")).isLessThan(r.body().indexOf("\"name\":\"a\""));
    assertThat(http.call("POST", "/populate", "[]").body()).isEqualTo("{\"proxies\":null}");
  }

  @Test
  void shouldKeepAnIdenticalProxyWithItsToxicsAndReplaceADifferentOne() throws Exception {
    Proxy kept = fixture.createProxy("kept", echo);
    kept.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 10);
    Proxy replaced = fixture.createProxy("replaced", echo);
    replaced.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 10);
    String body =
        "["
            + entry("kept", kept.getListen())
            + ",{\"name\":\"replaced\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:1\"}]";
    assertThat(http.call("POST", "/populate", body).statusCode()).isEqualTo(201);
    assertThat(fixture.client().getProxy("kept").toxics().getAll())
        .as("identical: untouched")
        .hasSize(1);
    Proxy after = fixture.client().getProxy("replaced");
    assertThat(after.getUpstream()).isEqualTo("127.0.0.1:1");
    assertThat(after.toxics().getAll()).as("replaced: toxics lost").isEmpty();
  }

  @Test
  void shouldStopAtTheFirstFailureAndReportWhatWasDone() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String clash = "127.0.0.1:" + taken.getLocalPort();
      HttpResponse<String> r =
          http.call(
              "POST",
              "/populate",
              "["
                  + entry("first", "127.0.0.1:0")
                  + ","
                  + entry("second", clash)
                  + ","
                  + entry("third", "127.0.0.1:0")
                  + "]");
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(r.body())
          .startsWith(
              "{\"error\":\"listen tcp "
                  + clash
                  + ": bind: address already in use\",\"status\":500,"
                  + "\"proxies\":[{\"name\":\"first\"")
          .doesNotContain("\"second\"")
          .doesNotEndWith("\n");
    }
    assertThat(fixture.client().getProxyOrNull("first")).isNotNull();
    assertThat(fixture.client().getProxyOrNull("third")).as("processing stopped").isNull();
  }

  @Test
  void shouldValidateEveryEntryBeforeCreatingAny() throws Exception {
    HttpResponse<String> r =
        http.call(
            "POST", "/populate", "[" + entry("ok", "127.0.0.1:0") + ",{\"upstream\":\"x:1\"}]");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .isEqualTo(
            "{\"error\":\"missing required field: name at proxy 2\",\"status\":400,\"proxies\":null}");
    assertThat(fixture.client().getProxyOrNull("ok")).isNull();
    HttpResponse<String> notArray = http.call("POST", "/populate", "{}");
    assertThat(notArray.statusCode()).isEqualTo(400);
    assertThat(notArray.body())
        .startsWith(
            "{\"error\":\"bad request body: json: cannot unmarshal object into Go value of type []struct");
  }

  @Test
  void shouldLoadAConfigFileInProcess() throws Exception {
    int n = fixture.server().populate(("[" + entry("cfg", "127.0.0.1:0") + "]").getBytes());
    assertThat(n).isEqualTo(1);
    assertThat(fixture.client().getProxy("cfg").isEnabled()).isTrue();
  }
}
