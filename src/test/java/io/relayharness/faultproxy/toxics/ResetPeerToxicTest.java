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

/** reset_peer: RST for connections accepted with the toxic present, FIN for older ones. */
class ResetPeerToxicTest {

  private ProxyFixture fixture;
  private Upstream echo;
  private Proxy proxy;

  @BeforeEach
  void start() throws Exception {
    fixture = new ProxyFixture();
    echo = Upstream.echo();
    proxy = fixture.createProxy("reset", echo);
    warmUpTheResetPath();
  }

  /** One reset cycle on a throw-away proxy, so the timed test does not measure a cold JVM. */
  private void warmUpTheResetPath() throws Exception {
    Proxy warm = fixture.createProxy("warm-up", echo);
    warm.toxics().resetPeer("rst", ToxicDirection.UPSTREAM, 0);
    try (Socket s = ProxyFixture.connect(warm)) {
      s.getOutputStream().write(1);
      SocketIo.drain(s);
    }
    warm.delete();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    echo.close();
  }

  @Test
  void shouldResetNewConnectionsAfterTheTimeoutOnFirstData() throws Exception {
    proxy.toxics().resetPeer("rst", ToxicDirection.UPSTREAM, 200);
    try (Socket s = ProxyFixture.connect(proxy)) {
      long t0 = System.nanoTime();
      s.getOutputStream().write("boom".getBytes());
      SocketIo.Drained d = SocketIo.drain(s);
      double ms = ms(t0, d.endNanos());
      assertThat(d.ending()).as("client sees Connection reset").isEqualTo(SocketIo.Ending.RESET);
      assertThat(d.bytes()).as("the first chunk is discarded").isEmpty();
      assertThat(ms)
          .as("reset at %.1f ms, expected 200 ± 40 ms", ms)
          .isCloseTo(200.0, within(40.0));
    }
  }

  @Test
  void shouldLeaveAnIdleConnectionAlone() throws Exception {
    proxy.toxics().resetPeer("rst", ToxicDirection.UPSTREAM, 0);
    try (Socket s = ProxyFixture.connect(proxy)) {
      s.setSoTimeout(300);
      assertThat(SocketIo.drain(s).ending())
          .as("no data in that direction: never reset")
          .isEqualTo(SocketIo.Ending.TIMEOUT);
    }
  }

  @Test
  void shouldCloseWithFinAConnectionOpenedBeforeTheToxic() throws Exception {
    try (Socket s = ProxyFixture.connect(proxy)) {
      s.getOutputStream().write("a".getBytes());
      SocketIo.readExactly(s, 1);
      proxy.toxics().resetPeer("rst", ToxicDirection.UPSTREAM, 0);
      s.getOutputStream().write("b".getBytes());
      SocketIo.Drained d = SocketIo.drain(s);
      assertThat(d.ending())
          .as("added to an open connection: plain EOF, as the real server")
          .isEqualTo(SocketIo.Ending.EOF);
    }
  }
}
