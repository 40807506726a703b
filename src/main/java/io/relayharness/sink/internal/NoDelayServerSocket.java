package io.relayharness.sink.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A server socket whose connections have Nagle's algorithm off. SubEtha writes each reply of a
 * pipelined group separately; with Nagle on, the second reply waits for the client's delayed ACK
 * (about 40 ms on Linux) before it leaves. Reuses the address so a restarted worker can bind at
 * once. Thread-safe as {@link ServerSocket} is.
 */
public final class NoDelayServerSocket extends ServerSocket {

  public NoDelayServerSocket() throws IOException {
    super();
    setReuseAddress(true);
  }

  @Override
  public Socket accept() throws IOException {
    Socket socket = super.accept();
    socket.setTcpNoDelay(true);
    return socket;
  }
}
