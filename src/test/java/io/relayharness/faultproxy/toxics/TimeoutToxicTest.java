package io.relayharness.faultproxy.toxics;

import static io.relayharness.faultproxy.support.SocketIo.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import io.relayharness.faultproxy.support.ProxyFixture;
import io.relayharness.faultproxy.support.SocketIo;
import io.relayharness.faultproxy.support.Upstream;
import java.net.Socket;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** timeout: drops data, closes after an idle period restarted by data; removal closes too. */
class TimeoutToxicTest {

  private ProxyFixture fixture;
  private Upstream echo;
  private Proxy proxy;

  @BeforeEach
  void start() throws Exception {
    fixture = new ProxyFixture();
    echo = Upstream.echo();
    proxy = fixture.createProxy("timeout", echo);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    echo.close();
  }

  @Test
  void shouldCloseAnIdleConnectionAfterTheTimeout() throws Exception {
    proxy.toxics().timeout("t", ToxicDirection.UPSTREAM, 300);
    long t0 = System.nanoTime();
    try (Socket s = ProxyFixture.connect(proxy)) {
      SocketIo.Drained d = SocketIo.drain(s);
      double eofMs = ms(t0, d.endNanos());
      assertThat(d.ending()).isEqualTo(SocketIo.Ending.EOF);
      assertThat(eofMs)
          .as("EOF at %.1f ms, expected 300 ± 40 ms", eofMs)
          .isCloseTo(300.0, within(40.0));
    }
  }

  @Test
  void shouldRestartTheIdleTimerOnEachChunkAndDropTheData() throws Exception {
    proxy.toxics().timeout("t", ToxicDirection.UPSTREAM, 300);
    try (Socket s = ProxyFixture.connect(proxy)) {
      long t0 = System.nanoTime();
      for (int i = 1; i <= 4; i++) {
        s.getOutputStream().write('x');
        LockSupport.parkNanos(t0 + i * 150_000_000L - System.nanoTime());
      }
      // Last chunk at about 450 ms; the idle timer then runs 300 ms.
      SocketIo.Drained d = SocketIo.drain(s);
      double eofMs = ms(t0, d.endNanos());
      assertThat(d.bytes()).as("timeout drops every chunk: nothing echoed").isEmpty();
      assertThat(d.ending()).isEqualTo(SocketIo.Ending.EOF);
      assertThat(eofMs)
          .as("EOF at %.1f ms, expected last chunk (450) + 300 = 750 ± 50 ms", eofMs)
          .isCloseTo(750.0, within(50.0));
    }
  }

  @Test
  void shouldCloseTheConnectionsItCoveredWhenRemoved() throws Exception {
    Timeout forever = proxy.toxics().timeout("t", ToxicDirection.DOWNSTREAM, 0);
    try (Socket s = ProxyFixture.connect(proxy)) {
      s.getOutputStream().write("dropped".getBytes());
      s.setSoTimeout(300);
      assertThat(SocketIo.drain(s).ending())
          .as("timeout 0 never closes by itself")
          .isEqualTo(SocketIo.Ending.TIMEOUT);
      long t0 = System.nanoTime();
      forever.remove();
      s.setSoTimeout(2_000);
      SocketIo.Drained d = SocketIo.drain(s);
      assertThat(d.ending()).as("removal closes the connection").isEqualTo(SocketIo.Ending.EOF);
      assertThat(ms(t0, d.endNanos())).as("EOF right after DELETE (< 200 ms)").isLessThan(200);
    }
    try (Socket fresh = ProxyFixture.connect(proxy)) {
      fresh.getOutputStream().write("ok".getBytes());
      assertThat(new String(SocketIo.readExactly(fresh, 2)))
          .as("new connections are healthy")
          .isEqualTo("ok");
    }
  }
}
