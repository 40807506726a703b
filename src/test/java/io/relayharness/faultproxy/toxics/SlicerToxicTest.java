package io.relayharness.faultproxy.toxics;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.relayharness.faultproxy.support.ProxyFixture;
import io.relayharness.faultproxy.support.Upstream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** slicer: chunks halved until avg + var, a pause in microseconds after each piece. */
class SlicerToxicTest {

  private ProxyFixture fixture;
  private Upstream upstream;
  private Proxy proxy;

  @BeforeEach
  void start() throws Exception {
    fixture = new ProxyFixture();
    upstream = Upstream.scripted();
    proxy = fixture.createProxy("slicer", upstream);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    upstream.close();
  }

  @Test
  void shouldSliceByHalvingInto62And63BytePieces() throws Exception {
    proxy.toxics().slicer("sl", ToxicDirection.DOWNSTREAM, 100, 0).setDelay(15_000); // 15 ms
    try (Socket client = ProxyFixture.connect(proxy);
        Socket server = upstream.nextAccepted()) {
      server.getOutputStream().write(new byte[1000]);
      List<Integer> reads = new ArrayList<>();
      InputStream in = client.getInputStream();
      byte[] buf = new byte[4096];
      int total = 0;
      while (total < 1000) {
        int r = in.read(buf);
        if (r < 0) {
          throw new IOException("EOF after " + total);
        }
        reads.add(r);
        total += r;
      }
      long pieces = reads.stream().filter(r -> r == 62 || r == 63).count();
      assertThat(total).isEqualTo(1000);
      assertThat(pieces)
          .as("reads %s: expected 16 pieces of 62/63 bytes (at least 13 seen apart)", reads)
          .isGreaterThanOrEqualTo(13);
      assertThat(reads).as("no read larger than the sliced pieces joined").allMatch(r -> r <= 126);
    }
  }

  @Test
  void shouldKeepPiecesBetweenHalfAverageAndAveragePlusVariation() {
    SlicerToxic slicer = new SlicerToxic(100, 20, 0);
    for (int round = 0; round < 50; round++) {
      List<Integer> cuts = slicer.boundaries(5000);
      for (int i = 1; i < cuts.size(); i++) {
        int piece = cuts.get(i) - cuts.get(i - 1);
        assertThat(piece).as("piece %d of %s", i, cuts).isBetween(1, 120);
      }
      assertThat(cuts.get(cuts.size() - 1)).isEqualTo(5000);
    }
  }
}
