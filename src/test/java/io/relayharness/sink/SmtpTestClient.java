package io.relayharness.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A tiny SMTP client over a raw socket, so tests read like transcripts: {@code expect("220
 * worker0"); send("EHLO relay"); expect("250")}. Not thread-safe: one per session.
 */
final class SmtpTestClient implements AutoCloseable {

  static final int REPLY_TIMEOUT_MS = 10_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private SmtpTestClient(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(REPLY_TIMEOUT_MS);
    socket.setTcpNoDelay(true);
    this.in = new java.io.BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects to {@code 127.0.0.1:port}. */
  static SmtpTestClient connect(int port) throws IOException {
    return new SmtpTestClient(new Socket("127.0.0.1", port));
  }

  /** Sends one command line (CRLF added). */
  SmtpTestClient send(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    return this;
  }

  /** Sends raw bytes as they are. */
  SmtpTestClient sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Sends message content (CRLF lines), dot-stuffed, followed by the final dot. */
  SmtpTestClient sendContent(String content) throws IOException {
    return sendRaw(dataBytes(content));
  }

  /** Returns content as DATA sends it: CRLF-terminated, dot-stuffed, with the final dot. */
  static byte[] dataBytes(String content) {
    String body = content.endsWith("\r\n") ? content : content + "\r\n";
    String stuffed = (body.startsWith(".") ? "." : "") + body.replace("\r\n.", "\r\n..");
    return (stuffed + ".\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Reads one (possibly multi-line) reply and checks that it starts with {@code prefix}. */
  String expect(String prefix) throws IOException {
    String reply = reply();
    assertThat(reply).as("SMTP reply").startsWith(prefix);
    return reply;
  }

  /** Returns whether a reply starts to arrive within {@code ms}; it stays unread either way. */
  boolean replyArrivesWithin(int ms) throws IOException {
    socket.setSoTimeout(ms);
    try {
      in.mark(1);
      int b = in.read();
      in.reset();
      return b != -1;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } finally {
      socket.setSoTimeout(REPLY_TIMEOUT_MS);
    }
  }

  /** Reads one (possibly multi-line) reply, lines joined by newlines. */
  String reply() throws IOException {
    StringBuilder all = new StringBuilder();
    while (true) {
      String line = readLine();
      if (line == null) {
        throw new IOException("connection closed; reply so far: " + all);
      }
      all.append(all.length() == 0 ? "" : "\n").append(line);
      if (line.length() < 4 || line.charAt(3) != '-') {
        return all.toString();
      }
    }
  }

  /** Reads until the server closes; fails if a reply comes instead (within the read timeout). */
  void expectClosedWithoutReply() throws IOException {
    String line;
    try {
      line = readLine();
    } catch (java.net.SocketException reset) {
      return; // reset: closed
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "expected the server to close the connection within " + REPLY_TIMEOUT_MS + " ms");
    }
    assertThat(line).as("what came instead of a closed connection").isNull();
  }

  /**
   * Sends one whole transaction (MAIL, RCPT*, DATA, content) pipelined; returns the final reply.
   */
  String sendMessage(String from, java.util.List<String> rcpts, String content) throws IOException {
    StringBuilder cmds = new StringBuilder("MAIL FROM:<" + from + ">\r\n");
    rcpts.forEach(r -> cmds.append("RCPT TO:<").append(r).append(">\r\n"));
    cmds.append("DATA\r\n");
    sendRaw(cmds.toString().getBytes(StandardCharsets.UTF_8));
    expect("250");
    for (int i = 0; i < rcpts.size(); i++) {
      expect("250");
    }
    expect("354");
    sendContent(content);
    return reply();
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
