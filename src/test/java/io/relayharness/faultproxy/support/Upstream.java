package io.relayharness.faultproxy.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback upstream server for tests: echoes by default, or hands each accepted socket to the
 * test ({@link #nextAccepted()}) so the test plays the server side. Thread-safe.
 */
public final class Upstream implements AutoCloseable {

  private final ServerSocket server;
  private final boolean echo;
  private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
  private final List<Socket> all = new CopyOnWriteArrayList<>();
  private final Thread acceptThread;

  private Upstream(boolean echo) throws IOException {
    this.echo = echo;
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    acceptThread = new Thread(this::acceptLoop, "test-upstream");
    acceptThread.setDaemon(true);
    acceptThread.start();
  }

  /** An echo server: every byte received is sent back. */
  public static Upstream echo() throws IOException {
    return new Upstream(true);
  }

  /** A server whose accepted sockets the test drives through {@link #nextAccepted()}. */
  public static Upstream scripted() throws IOException {
    return new Upstream(false);
  }

  /** {@code 127.0.0.1:port}, for the proxy's upstream. */
  public String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** The next socket accepted (scripted mode), waiting at most 5 s. */
  public Socket nextAccepted() throws InterruptedException {
    Socket s = accepted.poll(5, TimeUnit.SECONDS);
    if (s == null) {
      throw new AssertionError("upstream accepted no connection within 5000 ms");
    }
    return s;
  }

  private void acceptLoop() {
    while (true) {
      Socket s;
      try {
        s = server.accept();
        s.setTcpNoDelay(true);
      } catch (IOException e) {
        return;
      }
      all.add(s);
      if (echo) {
        Thread t = new Thread(() -> echoLoop(s), "test-echo");
        t.setDaemon(true);
        t.start();
      } else {
        accepted.add(s);
      }
    }
  }

  private static void echoLoop(Socket s) {
    byte[] buf = new byte[64 * 1024];
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
      }
    } catch (IOException ignored) {
      // The proxy closed the connection.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : all) {
      s.close();
    }
  }
}
