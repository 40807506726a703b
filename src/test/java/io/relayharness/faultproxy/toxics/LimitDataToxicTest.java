package io.relayharness.faultproxy.toxics;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.relayharness.faultproxy.support.ProxyFixture;
import io.relayharness.faultproxy.support.SocketIo;
import io.relayharness.faultproxy.support.Upstream;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** limit_data: at most N bytes per link, cut at the exact byte, then the connection closes. */
class LimitDataToxicTest {

  private ProxyFixture fixture;
  private Upstream upstream;
  private Proxy proxy;

  @BeforeEach
  void start() throws Exception {
    fixture = new ProxyFixture();
    upstream = Upstream.scripted();
    proxy = fixture.createProxy("limit", upstream);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    upstream.close();
  }

  @Test
  void shouldCutDownstreamAtTheExactByteThenClose() throws Exception {
    proxy.toxics().limitData("lim", ToxicDirection.DOWNSTREAM, 10);
    try (Socket client = ProxyFixture.connect(proxy);
        Socket server = upstream.nextAccepted()) {
      server.getOutputStream().write("0123456789abcdefghij".getBytes());
      SocketIo.Drained d = SocketIo.drain(client);
      assertThat(new String(d.bytes())).as("exactly 10 of 20 bytes").isEqualTo("0123456789");
      assertThat(d.ending()).isEqualTo(SocketIo.Ending.EOF);
    }
  }

  @Test
  void shouldCutUpstreamAndCloseTheServerSide() throws Exception {
    proxy.toxics().limitData("lim", ToxicDirection.UPSTREAM, 5);
    try (Socket client = ProxyFixture.connect(proxy);
        Socket server = upstream.nextAccepted()) {
      server.setSoTimeout(5_000);
      client.getOutputStream().write("0123456789abcdefghij".getBytes());
      SocketIo.Drained d = SocketIo.drain(server);
      assertThat(new String(d.bytes())).as("the sink got exactly 5 bytes").isEqualTo("01234");
      assertThat(d.ending()).isEqualTo(SocketIo.Ending.EOF);
      assertThat(SocketIo.drain(client).ending())
          .as("the client sees the close too")
          .isEqualTo(SocketIo.Ending.EOF);
    }
  }

  @Test
  void shouldCountPerConnectionAcrossSeveralChunks() throws Exception {
    proxy.toxics().limitData("lim", ToxicDirection.DOWNSTREAM, 7);
    for (int conn = 0; conn < 2; conn++) {
      try (Socket client = ProxyFixture.connect(proxy);
          Socket server = upstream.nextAccepted()) {
        server.getOutputStream().write("abcd".getBytes());
        assertThat(new String(SocketIo.readExactly(client, 4))).isEqualTo("abcd");
        server.getOutputStream().write("efgh".getBytes());
        SocketIo.Drained d = SocketIo.drain(client);
        assertThat(new String(d.bytes()))
            .as("connection %d: 4 + 3 bytes, counted on this link only", conn)
            .isEqualTo("efg");
        assertThat(d.ending()).isEqualTo(SocketIo.Ending.EOF);
      }
    }
  }

  @Test
  void shouldDropTheFirstChunkAndCloseWhenTheLimitIsZero() throws Exception {
    proxy.toxics().limitData("lim", ToxicDirection.DOWNSTREAM, 0);
    try (Socket client = ProxyFixture.connect(proxy);
        Socket server = upstream.nextAccepted()) {
      server.getOutputStream().write("x".getBytes());
      SocketIo.Drained d = SocketIo.drain(client);
      assertThat(d.bytes()).isEmpty();
      assertThat(d.ending()).isEqualTo(SocketIo.Ending.EOF);
    }
  }
}
