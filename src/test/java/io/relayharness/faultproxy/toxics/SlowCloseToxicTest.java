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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** slow_close: data passes at once, the close is passed on only after the delay. */
class SlowCloseToxicTest {

  private ProxyFixture fixture;
  private Upstream upstream;
  private Proxy proxy;

  @BeforeEach
  void start() throws Exception {
    fixture = new ProxyFixture();
    upstream = Upstream.scripted();
    proxy = fixture.createProxy("slow_close", upstream);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    upstream.close();
  }

  @Test
  void shouldDelayTheEndOfStreamButNotTheData() throws Exception {
    proxy.toxics().slowClose("slow", ToxicDirection.DOWNSTREAM, 300);
    try (Socket client = ProxyFixture.connect(proxy);
        Socket server = upstream.nextAccepted()) {
      long t0 = System.nanoTime();
      server.getOutputStream().write("bye".getBytes());
      server.close();
      byte[] data = SocketIo.readExactly(client, 3);
      double dataMs = ms(t0, System.nanoTime());
      SocketIo.Drained d = SocketIo.drain(client);
      double eofMs = ms(t0, d.endNanos());
      assertThat(new String(data)).isEqualTo("bye");
      assertThat(dataMs)
          .as("data after %.1f ms, expected at once (< 50 ms)", dataMs)
          .isLessThan(50);
      assertThat(d.ending()).isEqualTo(SocketIo.Ending.EOF);
      assertThat(eofMs)
          .as("EOF %.1f ms after the server closed, expected 300 ± 30 ms", eofMs)
          .isCloseTo(300.0, within(30.0));
    }
  }
}
