package io.relayharness.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.relayharness.topology.DockerEngine;
import io.relayharness.topology.HarnessImages;
import io.relayharness.topology.ProjectLayout;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ToxiproxyContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The project's fault proxy in its container image is a drop-in for the real Toxiproxy:
 * Testcontainers' own {@link ToxiproxyContainer} starts it through {@code
 * asCompatibleSubstituteFor}, waits for it the way it waits for the real one, and the Toxiproxy
 * Java client drives it.
 */
class FaultProxyContainerIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldRunAsACompatibleSubstituteForTheRealToxiproxyImage() throws Exception {
    String image = new HarnessImages(ProjectLayout.locate(), DockerEngine.client()).jvm();
    try (ToxiproxyContainer toxiproxy =
        new ToxiproxyContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("ghcr.io/shopify/toxiproxy"))
            .withLabel("io.relayharness.run", "faultproxy-it-" + ProcessHandle.current().pid())
            .withCommand("io.relayharness.faultproxy.FaultProxyMain", "-host=0.0.0.0")) {
      toxiproxy.start();
      ToxiproxyClient client = new ToxiproxyClient(toxiproxy.getHost(), toxiproxy.getControlPort());
      // A proxy in front of the server's own API: a request through it reaches /version.
      Proxy proxy = client.createProxy("api", "0.0.0.0:8666", "localhost:8474");
      URI through =
          URI.create(
              "http://" + toxiproxy.getHost() + ":" + toxiproxy.getMappedPort(8666) + "/version");

      assertThat(get(through).body()).as("/version through the proxy").contains("2.12.0");

      proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 300);
      long start = System.nanoTime();
      get(through);
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(elapsedMs)
          .as("round trip with a 300 ms latency toxic (expected >= 300 ms, was %d ms)", elapsedMs)
          .isGreaterThanOrEqualTo(300);

      proxy.disable();
      assertThatThrownBy(() -> get(through))
          .as("a disabled proxy refuses")
          .isInstanceOf(java.io.IOException.class);
    }
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
