package io.relayharness.load.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback SMTP server that plays one conversation from a script, for tests that read like a
 * transcript: {@code server.send("220 hi").expect("EHLO").send("250 ok")...}. Each {@code expect}
 * reads one line from the client and checks that it starts with the given text; {@code
 * expectContent} reads a message up to its final dot; {@code hangUp} closes the connection. The
 * transcript ({@code S: ...}, {@code C: ...}) and the first mismatch are kept for assertions.
 * Thread-safe: the script is written before {@link #start()}, played on its own thread.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

  private static final int READ_TIMEOUT_MS = 10_000;

  private enum Kind {
    SEND,
    EXPECT,
    CONTENT,
    HANG_UP,
    SILENCE
  }

  private record Step(Kind kind, String text) {}

  private final ServerSocket socket;
  private final List<Step> script = new ArrayList<>();
  private final List<String> transcript = new CopyOnWriteArrayList<>();
  private final List<String> mismatches = new CopyOnWriteArrayList<>();
  private volatile boolean finished;
  private Thread player;

  private ScriptedSmtpServer() throws IOException {
    socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  /** Opens the server socket; write the script, then {@link #start()}. */
  public static ScriptedSmtpServer script() throws IOException {
    return new ScriptedSmtpServer();
  }

  /** The server writes {@code line} (CRLF added; a multi-line reply is several calls). */
  public ScriptedSmtpServer send(String line) {
    script.add(new Step(Kind.SEND, line));
    return this;
  }

  /** The client's next line must start with {@code prefix} (e.g. {@code "MAIL FROM:<"}). */
  public ScriptedSmtpServer expect(String prefix) {
    script.add(new Step(Kind.EXPECT, prefix));
    return this;
  }

  /** The client sends message content, read up to the line with a single dot. */
  public ScriptedSmtpServer expectContent() {
    script.add(new Step(Kind.CONTENT, null));
    return this;
  }

  /** The server closes the connection without a word. */
  public ScriptedSmtpServer hangUp() {
    script.add(new Step(Kind.HANG_UP, null));
    return this;
  }

  /** The server says nothing more and waits for the client to close the connection. */
  public ScriptedSmtpServer silence() {
    script.add(new Step(Kind.SILENCE, null));
    return this;
  }

  /** Plays the script on the first connection, on a thread of its own. */
  public ScriptedSmtpServer start() {
    player = new Thread(this::play, "scripted-smtp");
    player.setDaemon(true);
    player.start();
    return this;
  }

  /** The port to connect to. */
  public int port() {
    return socket.getLocalPort();
  }

  /** The conversation so far, one entry a line: {@code S: 220 hi}, {@code C: EHLO x}. */
  public List<String> transcript() {
    return List.copyOf(transcript);
  }

  /** Lines that did not match the script (empty when the client followed it). */
  public List<String> mismatches() {
    return List.copyOf(mismatches);
  }

  /** Whether the whole script was played and the client then closed or was hung up on. */
  public boolean finished() {
    return finished;
  }

  private void play() {
    try (Socket s = socket.accept()) {
      s.setSoTimeout(READ_TIMEOUT_MS);
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = s.getOutputStream();
      for (Step step : script) {
        switch (step.kind()) {
          case SEND -> {
            transcript.add("S: " + step.text());
            out.write((step.text() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
          }
          case EXPECT -> {
            String line = in.readLine();
            transcript.add("C: " + line);
            if (line == null || !line.startsWith(step.text())) {
              mismatches.add("expected '" + step.text() + "…', got '" + line + "'");
              return;
            }
          }
          case CONTENT -> {
            int lines = 0;
            for (String line = in.readLine(); !".".equals(line); line = in.readLine()) {
              if (line == null) {
                mismatches.add("connection closed inside the content");
                return;
              }
              lines++;
            }
            transcript.add("C: <" + lines + " lines of content>");
            transcript.add("C: .");
          }
          case HANG_UP -> {
            transcript.add("S: <hangs up>");
            finished = true;
            return;
          }
          case SILENCE -> {
            s.setSoTimeout(0);
            String extra = in.readLine();
            if (extra != null) {
              transcript.add("C: " + extra);
              mismatches.add("expected silence, got '" + extra + "'");
            }
          }
        }
      }
      String extra = in.readLine();
      if (extra != null) {
        transcript.add("C: " + extra);
        mismatches.add("script ended, client sent '" + extra + "'");
      }
      finished = true;
    } catch (SocketTimeoutException e) {
      mismatches.add("client said nothing for " + READ_TIMEOUT_MS + " ms");
    } catch (IOException e) {
      if (!socket.isClosed()) {
        mismatches.add("I/O: " + e);
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    if (player != null) {
      try {
        player.join(READ_TIMEOUT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
