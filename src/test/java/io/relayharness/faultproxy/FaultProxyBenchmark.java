package io.relayharness.faultproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.relayharness.bench.LabNotebook;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Added latency (100-byte ping-pong) and throughput (one-way bulk transfer) of the fault proxy with
 * no toxics, against the same servers reached directly in the same run. Prints; asserts nothing.
 * Run: {@code mvn -o -Pbench test -Dtest=FaultProxyBenchmark}.
 */
class FaultProxyBenchmark {

  private static final int PING_BYTES = 100;
  private static final int WARMUP_ROUND_TRIPS = 5_000;
  private static final int ROUND_TRIPS = 20_000;
  private static final long WARMUP_BYTES = 256L << 20;
  private static final long TRANSFER_BYTES = 2L << 30;

  /** Echo server on loopback: one thread per connection, a direct buffer, TCP_NODELAY. */
  private static ServerSocketChannel echoServer() throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread t =
        new Thread(
            () -> {
              while (true) {
                try {
                  SocketChannel ch = server.accept();
                  ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                  Thread w = new Thread(() -> echo(ch), "bench-echo");
                  w.setDaemon(true);
                  w.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "bench-echo-accept");
    t.setDaemon(true);
    t.start();
    return server;
  }

  private static void echo(SocketChannel ch) {
    ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
    try (ch) {
      while (ch.read(buf) >= 0) {
        buf.flip();
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        buf.clear();
      }
    } catch (IOException ignored) {
      // Client gone.
    }
  }

  /** Sink server socket; {@link #acceptAndDrain} reads and discards one connection's bytes. */
  private static ServerSocketChannel sinkServer() throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return server;
  }

  private static CompletableFuture<Long> acceptAndDrain(ServerSocketChannel server, long bytes) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (SocketChannel ch = server.accept()) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            long total = 0;
            long start = 0;
            while (total < bytes) {
              buf.clear();
              int n = ch.read(buf);
              if (n < 0) {
                break;
              }
              if (start == 0) {
                start = System.nanoTime();
              }
              total += n;
            }
            return System.nanoTime() - start;
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
        });
  }

  private static SocketChannel connect(int port) throws IOException {
    SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
    return ch;
  }

  /** Round-trip times in microseconds, sorted. */
  private static double[] pingPong(int port, int warmup, int count) throws IOException {
    try (SocketChannel ch = connect(port)) {
      ByteBuffer out = ByteBuffer.allocateDirect(PING_BYTES);
      ByteBuffer in = ByteBuffer.allocateDirect(PING_BYTES);
      double[] micros = new double[count];
      for (int i = 0; i < warmup + count; i++) {
        out.clear();
        in.clear();
        long t0 = System.nanoTime();
        while (out.hasRemaining()) {
          ch.write(out);
        }
        while (in.hasRemaining()) {
          if (ch.read(in) < 0) {
            throw new IOException("EOF");
          }
        }
        if (i >= warmup) {
          micros[i - warmup] = (System.nanoTime() - t0) / 1e3;
        }
      }
      Arrays.sort(micros);
      return micros;
    }
  }

  /** MB/s (10^6 bytes) of a one-way transfer of {@code bytes} to the sink through {@code port}. */
  private static double transfer(ServerSocketChannel sink, int port, long bytes) throws Exception {
    CompletableFuture<Long> nanos = acceptAndDrain(sink, bytes);
    try (SocketChannel ch = connect(port)) {
      ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
      long sent = 0;
      while (sent < bytes) {
        buf.clear();
        if (bytes - sent < buf.capacity()) {
          buf.limit((int) (bytes - sent));
        }
        while (buf.hasRemaining()) {
          sent += ch.write(buf);
        }
      }
      return bytes / 1e6 / (nanos.get() / 1e9);
    }
  }

  private static double pct(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
  }

  private static int port(ServerSocketChannel s) throws IOException {
    return ((InetSocketAddress) s.getLocalAddress()).getPort();
  }

  @Test
  void addedLatencyAndThroughputWithoutToxics() throws Exception {
    try (FaultProxyServer server = FaultProxyServer.start("127.0.0.1", 0);
        ServerSocketChannel echo = echoServer();
        ServerSocketChannel sink = sinkServer()) {
      ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.apiPort());
      Proxy echoProxy = client.createProxy("echo", "127.0.0.1:0", "127.0.0.1:" + port(echo));
      Proxy sinkProxy = client.createProxy("sink", "127.0.0.1:0", "127.0.0.1:" + port(sink));
      int echoProxyPort = Integer.parseInt(echoProxy.getListen().split(":")[1]);
      int sinkProxyPort = Integer.parseInt(sinkProxy.getListen().split(":")[1]);

      double[] direct = pingPong(port(echo), WARMUP_ROUND_TRIPS, ROUND_TRIPS);
      double[] proxied = pingPong(echoProxyPort, WARMUP_ROUND_TRIPS, ROUND_TRIPS);
      // Measure direct again after the proxy run so both see a warm machine; keep the better.
      double[] direct2 = pingPong(port(echo), WARMUP_ROUND_TRIPS, ROUND_TRIPS);
      if (pct(direct2, 0.5) < pct(direct, 0.5)) {
        direct = direct2;
      }

      transfer(sink, port(sink), WARMUP_BYTES);
      transfer(sink, sinkProxyPort, WARMUP_BYTES);
      double directMbps = transfer(sink, port(sink), TRANSFER_BYTES);
      double proxiedMbps = transfer(sink, sinkProxyPort, TRANSFER_BYTES);

      double addedP50 = pct(proxied, 0.5) - pct(direct, 0.5);
      double addedP99 = pct(proxied, 0.99) - pct(direct, 0.99);
      new LabNotebook(
              "fault proxy, no toxics: added latency and throughput on loopback",
              "mvn -o -Pbench test -Dtest=FaultProxyBenchmark")
          .note(
              ROUND_TRIPS
                  + " round trips of "
                  + PING_BYTES
                  + " bytes after "
                  + WARMUP_ROUND_TRIPS
                  + " warm-up; one-way transfer of "
                  + (TRANSFER_BYTES >> 20)
                  + " MiB after "
                  + (WARMUP_BYTES >> 20)
                  + " MiB warm-up")
          .figure("round trip direct p50", pct(direct, 0.5), "µs")
          .figure("round trip direct p99", pct(direct, 0.99), "µs")
          .figure("round trip through proxy p50", pct(proxied, 0.5), "µs")
          .figure("round trip through proxy p99", pct(proxied, 0.99), "µs")
          .figure("added latency p50 (goal < 100; real ~60)", addedP50, "µs")
          .figure("added latency p99", addedP99, "µs")
          .ratio("round trip p50 proxy / direct", pct(proxied, 0.5), pct(direct, 0.5), "-")
          .figure("throughput direct", directMbps, "MB/s")
          .figure("throughput through proxy (goal ~1000; real ~785)", proxiedMbps, "MB/s")
          .ratio("throughput proxy / direct", proxiedMbps, directMbps, "real 785/2480 = 0.32")
          .print();
    }
  }
}
