package io.relayharness.faultproxy.toxics;

import static io.relayharness.faultproxy.support.SocketIo.ms;
import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.relayharness.faultproxy.support.ProxyFixture;
import io.relayharness.faultproxy.support.SocketIo;
import io.relayharness.faultproxy.support.Upstream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** toxicity: one draw per link when the toxic starts; 0 never acts, 1 always does. */
class ToxicityTest {

  private static final long LATENCY_MS = 80;

  private ProxyFixture fixture;
  private Upstream echo;
  private Proxy proxy;

  @BeforeEach
  void start() throws Exception {
    fixture = new ProxyFixture();
    echo = Upstream.echo();
    proxy = fixture.createProxy("toxicity", echo);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    echo.close();
  }

  private double roundTripMs() throws Exception {
    try (Socket s = ProxyFixture.connect(proxy)) {
      long t0 = System.nanoTime();
      s.getOutputStream().write(1);
      SocketIo.readExactly(s, 1);
      return ms(t0, System.nanoTime());
    }
  }

  @Test
  void shouldNeverActAtToxicityZero() throws Exception {
    proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, LATENCY_MS).setToxicity(0f);
    for (int i = 0; i < 5; i++) {
      double rtt = roundTripMs();
      assertThat(rtt).as("toxicity 0: round trip %.1f ms, expected < 75 ms", rtt).isLessThan(75);
    }
  }

  @Test
  void shouldAlwaysActAtToxicityOne() throws Exception {
    proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, LATENCY_MS).setToxicity(1f);
    for (int i = 0; i < 5; i++) {
      double rtt = roundTripMs();
      assertThat(rtt)
          .as("toxicity 1: round trip %.1f ms, expected >= %d - 20 ms", rtt, LATENCY_MS)
          .isGreaterThanOrEqualTo(LATENCY_MS - 20);
    }
  }

  @Test
  void shouldActOnRoughlyThatShareOfConnections() throws Exception {
    long latencyMs = 60;
    proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, latencyMs).setToxicity(0.5f);
    int connections = 40;
    List<Double> rtts = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      rtts.add(roundTripMs());
    }
    long slowed = rtts.stream().filter(r -> r >= latencyMs - 15).count();
    assertThat(slowed)
        .as(
            "toxicity 0.5: %d of %d connections slowed (%s ms), expected 20 ± 12",
            slowed, connections, rtts)
        .isBetween(8L, 32L);
  }
}
