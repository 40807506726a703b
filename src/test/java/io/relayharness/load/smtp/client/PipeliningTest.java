package io.relayharness.load.smtp.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.netty.util.Transports;
import io.netty.channel.EventLoopGroup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pipelining, proven with a scripted server that offers PIPELINING and answers MAIL, RCPT and DATA
 * only after it has read all three: a client that waits for each reply times out instead.
 */
class PipeliningTest {

  @Test
  void shouldSendMailRcptAndDataInOneBatchWhenOffered() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      CompletableFuture<List<String>> transcript =
          CompletableFuture.supplyAsync(() -> serveOnce(listener));
      EventLoopGroup group = Transports.newEventLoopGroup(false, false, 1, "pipelining-test");
      try (SmtpClient client =
          new SmtpClient(
              SmtpClientConfig.builder()
                  .target("127.0.0.1", listener.getLocalPort())
                  .connectTimeoutMs(2000)
                  .commandTimeoutMs(1500)
                  .dataTimeoutMs(2000)
                  .build(),
              Transports.newSocketChannelFactory(false, false))) {
        CompletableFuture<TransactionResult> done = new CompletableFuture<>();
        client.send(
            group.next(),
            new SmtpTransaction(
                "a@example.com",
                List.of("journal@archive.example.com", "copy@archive.example.com"),
                ByteBuffer.wrap("Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)),
                done::complete));
        TransactionResult result = done.get(10, TimeUnit.SECONDS);

        assertThat(result.outcome()).as("result " + result).isEqualTo(TransactionOutcome.ACCEPTED);
        assertThat(result.queueId()).isEqualTo("PIPE1");
      } finally {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      }
      assertThat(transcript.get(10, TimeUnit.SECONDS))
          .as("commands the server read before answering the envelope")
          .containsExactly(
              "MAIL FROM:<a@example.com>",
              "RCPT TO:<journal@archive.example.com>",
              "RCPT TO:<copy@archive.example.com>",
              "DATA");
    }
  }

  /** Plays one session; returns the envelope commands read before the first envelope reply. */
  private static List<String> serveOnce(ServerSocket listener) {
    try (Socket s = listener.accept()) {
      s.setSoTimeout(5000);
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = s.getOutputStream();
      send(out, "220 scripted ESMTP");
      in.readLine(); // EHLO
      send(out, "250-scripted\r\n250-PIPELINING\r\n250 8BITMIME");
      List<String> batch = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        batch.add(line);
        if (line.equals("DATA")) {
          break;
        }
      }
      send(
          out,
          "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>");
      while ((line = in.readLine()) != null && !line.equals(".")) {
        // message content
      }
      send(out, "250 2.0.0 Ok: queued as PIPE1");
      return batch;
    } catch (Exception e) {
      throw new IllegalStateException("scripted server failed", e);
    }
  }

  private static void send(OutputStream out, String reply) throws java.io.IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
