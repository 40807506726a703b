package io.relayharness.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.relayharness.faultproxy.support.ProxyFixture;
import io.relayharness.faultproxy.support.SocketIo;
import io.relayharness.faultproxy.support.Upstream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proxy lifecycle: disable, enable, delete, reset, failed dials. */
class ProxyLifecycleTest {

  private ProxyFixture fixture;
  private Upstream echo;
  private Proxy proxy;

  @BeforeEach
  void start() throws Exception {
    fixture = new ProxyFixture();
    echo = Upstream.echo();
    proxy = fixture.createProxy("life", echo);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    echo.close();
  }

  private static String echoThrough(Socket s, String text) throws Exception {
    s.getOutputStream().write(text.getBytes());
    return new String(SocketIo.readExactly(s, text.length()));
  }

  private static void assertRefused(int port) {
    assertThatThrownBy(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
              }
            })
        .as("new connections to port %d are refused", port)
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void shouldCloseOpenConnectionsAndRefuseNewOnesWhenDisabled() throws Exception {
    int port = ProxyFixture.portOf(proxy);
    try (Socket open = ProxyFixture.connect(proxy)) {
      assertThat(echoThrough(open, "hi")).isEqualTo("hi");
      proxy.disable();
      assertThat(SocketIo.drain(open).ending())
          .as("open connection closed on disable")
          .isIn(SocketIo.Ending.EOF, SocketIo.Ending.RESET);
    }
    assertRefused(port);
    assertThat(fixture.client().getProxy("life").isEnabled()).isFalse();
  }

  @Test
  void shouldRebindTheSameAddressWhenEnabledAgain() throws Exception {
    String listen = proxy.getListen();
    proxy.toxics().latency("kept", ToxicDirection.DOWNSTREAM, 1);
    proxy.disable();
    proxy.enable();
    Proxy again = fixture.client().getProxy("life");
    assertThat(again.getListen()).as("re-enable rebinds the same address").isEqualTo(listen);
    assertThat(again.toxics().getAll()).as("toxics survive disable/enable").hasSize(1);
    try (Socket s = ProxyFixture.connect(again)) {
      assertThat(echoThrough(s, "back")).isEqualTo("back");
    }
  }

  @Test
  void shouldCloseConnectionsAndFreeThePortWhenDeleted() throws Exception {
    int port = ProxyFixture.portOf(proxy);
    try (Socket open = ProxyFixture.connect(proxy)) {
      assertThat(echoThrough(open, "x")).isEqualTo("x");
      proxy.delete();
      assertThat(SocketIo.drain(open).ending()).isIn(SocketIo.Ending.EOF, SocketIo.Ending.RESET);
    }
    assertRefused(port);
    assertThat(fixture.client().getProxyOrNull("life")).isNull();
  }

  @Test
  void shouldEnableEveryProxyAndRemoveEveryToxicOnReset() throws Exception {
    proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 500);
    proxy.toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 0);
    proxy.disable();
    fixture.client().reset();
    Proxy after = fixture.client().getProxy("life");
    assertThat(after.isEnabled()).as("reset enables").isTrue();
    assertThat(after.toxics().getAll()).as("reset removes toxics").isEmpty();
    try (Socket s = ProxyFixture.connect(after)) {
      long t0 = System.nanoTime();
      assertThat(echoThrough(s, "fast")).isEqualTo("fast");
      assertThat(SocketIo.ms(t0, System.nanoTime()))
          .as("no latency after reset (< 100 ms)")
          .isLessThan(100);
    }
  }

  @Test
  void shouldKeepHealthyConnectionsOpenOnReset() throws Exception {
    try (Socket open = ProxyFixture.connect(proxy)) {
      assertThat(echoThrough(open, "1")).isEqualTo("1");
      fixture.client().reset();
      assertThat(echoThrough(open, "2"))
          .as("reset does not close healthy connections")
          .isEqualTo("2");
    }
  }

  @Test
  void shouldCloseTheClientWhenTheUpstreamRefuses() throws Exception {
    int deadPort;
    try (ServerSocket ss = new ServerSocket(0)) {
      deadPort = ss.getLocalPort();
    }
    Proxy broken = fixture.client().createProxy("broken", "127.0.0.1:0", "127.0.0.1:" + deadPort);
    try (Socket s = ProxyFixture.connect(broken)) {
      assertThat(SocketIo.drain(s).ending())
          .as("connect succeeds, then EOF when the dial fails")
          .isIn(SocketIo.Ending.EOF, SocketIo.Ending.RESET);
    }
  }

  @Test
  void shouldRestartAndCloseConnectionsWhenTheUpstreamChanges() throws Exception {
    try (Upstream other = Upstream.echo();
        Socket open = ProxyFixture.connect(proxy)) {
      assertThat(echoThrough(open, "a")).isEqualTo("a");
      proxy.setUpstream(other.address());
      assertThat(SocketIo.drain(open).ending()).isIn(SocketIo.Ending.EOF, SocketIo.Ending.RESET);
      Proxy moved = fixture.client().getProxy("life");
      assertThat(moved.getUpstream()).isEqualTo(other.address());
      try (Socket s = ProxyFixture.connect(moved)) {
        assertThat(echoThrough(s, "b")).isEqualTo("b");
      }
    }
  }

  @Test
  void shouldApplyAToxicAddedToAnOpenConnectionAndLiftItWhenRemoved() throws Exception {
    try (Socket open = ProxyFixture.connect(proxy)) {
      assertThat(echoThrough(open, "a")).isEqualTo("a");
      var lat = proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 150);
      long t0 = System.nanoTime();
      assertThat(echoThrough(open, "b")).isEqualTo("b");
      double slowMs = SocketIo.ms(t0, System.nanoTime());
      lat.remove();
      t0 = System.nanoTime();
      assertThat(echoThrough(open, "c")).isEqualTo("c");
      double fastMs = SocketIo.ms(t0, System.nanoTime());
      assertThat(slowMs)
          .as("with the toxic: %.1f ms, expected 150 ± 20", slowMs)
          .isBetween(130.0, 170.0);
      assertThat(fastMs).as("after removal: %.1f ms, expected < 50", fastMs).isLessThan(50.0);
      assertThat(echoThrough(open, "d".repeat(100_000)))
          .as("the link is back on the direct path and carries bulk data")
          .hasSize(100_000);
    }
  }
}
