package io.relayharness.faultproxy.toxics;

import static io.relayharness.faultproxy.support.SocketIo.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import io.relayharness.faultproxy.support.ProxyFixture;
import io.relayharness.faultproxy.support.SocketIo;
import io.relayharness.faultproxy.support.Upstream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** bandwidth: about rate*1000 bytes per second; rate 0 holds data until the toxic goes. */
class BandwidthToxicTest {

  private ProxyFixture fixture;
  private Upstream upstream;
  private Proxy proxy;

  @BeforeEach
  void start() throws Exception {
    fixture = new ProxyFixture();
    upstream = Upstream.scripted();
    proxy = fixture.createProxy("bandwidth", upstream);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    upstream.close();
  }

  @Test
  void shouldLimitThroughputToTheRateInThousandsOfBytes() throws Exception {
    proxy.toxics().bandwidth("bw", ToxicDirection.DOWNSTREAM, 500);
    int size = 300_000;
    try (Socket client = ProxyFixture.connect(proxy);
        Socket server = upstream.nextAccepted()) {
      long t0 = System.nanoTime();
      server.getOutputStream().write(new byte[size]);
      SocketIo.readExactly(client, size);
      double elapsed = ms(t0, System.nanoTime());
      double expected = size / 500.0; // 500 KB/s = 500 bytes per ms
      assertThat(elapsed)
          .as("%d bytes at 500 KB/s took %.0f ms, expected %.0f ± 20%%", size, elapsed, expected)
          .isCloseTo(expected, within(expected * 0.2));
    }
  }

  @Test
  void shouldHoldDataAtRateZeroThenDeliverItWhenRemoved() throws Exception {
    Bandwidth cut = proxy.toxics().bandwidth("cut", ToxicDirection.DOWNSTREAM, 0);
    try (Socket client = ProxyFixture.connect(proxy);
        Socket server = upstream.nextAccepted()) {
      server.getOutputStream().write("held".getBytes());
      server.close(); // the end of stream is held too
      client.setSoTimeout(400);
      boolean timedOut = false;
      try {
        int r = client.getInputStream().read();
        assertThat(r).as("rate 0 must deliver nothing, not even EOF, got %d", r).isNull();
      } catch (SocketTimeoutException e) {
        timedOut = true;
      }
      assertThat(timedOut).as("read timed out while rate is 0").isTrue();
      cut.remove();
      client.setSoTimeout(2_000);
      SocketIo.Drained d = SocketIo.drain(client);
      assertThat(new String(d.bytes()))
          .as("data held while cut, delivered on removal")
          .isEqualTo("held");
      assertThat(d.ending())
          .as("the held end of stream is delivered too")
          .isEqualTo(SocketIo.Ending.EOF);
    }
  }

  @Test
  void shouldRejectNegativeRateAsDocumentedDivergence() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> proxy.toxics().bandwidth("neg", ToxicDirection.DOWNSTREAM, -1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("[400] bad request body: invalid bandwidth attributes");
  }
}
