package io.relayharness.faultproxy.toxics;

import static io.relayharness.faultproxy.support.SocketIo.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/** latency: each chunk delayed by latency ± jitter, counted from its arrival. */
class LatencyToxicTest {

  private static final double TOLERANCE_MS = 20;

  private ProxyFixture fixture;
  private Upstream echo;
  private Proxy proxy;

  @BeforeEach
  void start() throws Exception {
    fixture = new ProxyFixture();
    echo = Upstream.echo();
    proxy = fixture.createProxy("latency", echo);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    echo.close();
  }

  private static double roundTripMs(Socket s, int size) throws Exception {
    long t0 = System.nanoTime();
    s.getOutputStream().write(new byte[size]);
    SocketIo.readExactly(s, size);
    return ms(t0, System.nanoTime());
  }

  @Test
  void shouldDelayEachRoundTripByTheLatency() throws Exception {
    try (Socket s = ProxyFixture.connect(proxy)) {
      double baseline = roundTripMs(s, 100);
      proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 100);
      double measured = roundTripMs(s, 100);
      assertThat(measured - baseline)
          .as("added round trip %.1f ms, expected 100 ± %.0f ms", measured - baseline, TOLERANCE_MS)
          .isCloseTo(100.0, within(TOLERANCE_MS));
    }
  }

  @Test
  void shouldDelayBothDirectionsIndependently() throws Exception {
    proxy.toxics().latency("up", ToxicDirection.UPSTREAM, 60);
    proxy.toxics().latency("down", ToxicDirection.DOWNSTREAM, 40);
    try (Socket s = ProxyFixture.connect(proxy)) {
      roundTripMs(s, 10); // the first one also starts the link's threads
      double measured = roundTripMs(s, 10);
      assertThat(measured)
          .as("round trip %.1f ms, expected 60 + 40 = 100 ± %.0f ms", measured, TOLERANCE_MS)
          .isCloseTo(100.0, within(TOLERANCE_MS));
    }
  }

  @Test
  void shouldNotAddUpDelaysOfPipelinedWrites() throws Exception {
    proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 200);
    try (Socket s = ProxyFixture.connect(proxy)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 5; i++) {
        s.getOutputStream().write(new byte[] {(byte) i});
        long next = t0 + (i + 1) * 30_000_000L;
        while (System.nanoTime() < next && i < 4) {
          java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
        }
      }
      SocketIo.readExactly(s, 5);
      double total = ms(t0, System.nanoTime());
      assertThat(total)
          .as(
              "last of 5 writes 30 ms apart echoed at %.1f ms; expected 4*30 + 200 = 320 ± 30 ms"
                  + " (not 5*200)",
              total)
          .isCloseTo(320.0, within(30.0));
    }
  }

  @Test
  void shouldKeepJitteredDelaysWithinLatencyPlusMinusJitter() throws Exception {
    proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 80).setJitter(40);
    List<Double> delays = new ArrayList<>();
    try (Socket s = ProxyFixture.connect(proxy)) {
      for (int i = 0; i < 12; i++) {
        delays.add(roundTripMs(s, 10));
      }
    }
    double min = delays.stream().mapToDouble(d -> d).min().orElseThrow();
    double max = delays.stream().mapToDouble(d -> d).max().orElseThrow();
    assertThat(min)
        .as("shortest of %s ms, expected >= 80 - 40 - %.0f ms", delays, TOLERANCE_MS)
        .isGreaterThanOrEqualTo(40 - TOLERANCE_MS);
    assertThat(max)
        .as("longest of %s ms, expected < 80 + 40 + %.0f ms", delays, TOLERANCE_MS)
        .isLessThan(120 + TOLERANCE_MS);
    assertThat(max - min)
        .as("spread of %s ms, expected jitter to vary delays", delays)
        .isGreaterThan(5);
  }
}
