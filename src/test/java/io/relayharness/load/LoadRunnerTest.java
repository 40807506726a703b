package io.relayharness.load;

import static io.relayharness.load.smtp.client.AuthMechanism.LOGIN;
import static io.relayharness.load.smtp.client.AuthMechanism.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.AcceptedMail.Outcome;
import io.relayharness.ledger.BodyHash;
import io.relayharness.ledger.JsonLines;
import io.relayharness.load.mail.MailGeneratorConfig;
import io.relayharness.load.profile.LoadProfile;
import io.relayharness.load.smtp.TestSmtpServer;
import io.relayharness.load.smtp.client.PipeliningMode;
import io.relayharness.load.smtp.client.SmtpClientConfig;
import io.relayharness.load.smtp.client.SmtpCredentials;
import io.relayharness.load.smtp.client.StartTlsMode;
import io.relayharness.load.smtp.client.TlsTrust;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole load runs through Gatling, started with the runner API, into an in-process server. */
class LoadRunnerTest {

  @TempDir Path dir;

  private static MailGeneratorConfig.Builder smallMail(String prefix) {
    return MailGeneratorConfig.builder().seed(5).idPrefix(prefix).size(2_000, 4_000).sizeSigma(0.3);
  }

  private LoadRunSpec spec(TestSmtpServer server, LoadProfile profile, MailGeneratorConfig mail) {
    return options(server, profile, mail).build();
  }

  private LoadRunSpec.Builder options(
      TestSmtpServer server, LoadProfile profile, MailGeneratorConfig mail) {
    return LoadRunSpec.builder()
        .target("127.0.0.1", server.port())
        .profile(profile)
        .mail(mail)
        .ledgerFile(dir.resolve("accepted.jsonl"))
        .resultsFolder(dir.resolve("gatling"))
        .consoleLog(dir.resolve("gatling-console.log")); // as a scenario run does
  }

  @Test
  void shouldDeliverAsManyAsItSentAndLedgerEachOne() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.start()) {
      LoadResult r =
          LoadRunner.run(
              spec(
                  server,
                  LoadProfile.builder().warmUp(100, 1).constant(200, 2).build(),
                  smallMail("count").build()));

      List<AcceptedMail> ledger = JsonLines.read(r.ledgerFile(), AcceptedMail.class);
      assertThat(r.sent()).as("sent").isGreaterThan(400);
      assertThat(server.receivedCount())
          .as("received by the server vs sent")
          .isEqualTo((int) r.sent());
      assertThat(r.accepted()).isEqualTo(r.sent());
      assertThat(r.errors()).isZero();
      assertThat(ledger).as("ledger lines").hasSize((int) r.sent());
      assertThat(ledger)
          .allSatisfy(
              m -> {
                assertThat(m.outcome()).isEqualTo(Outcome.ACCEPTED);
                assertThat(m.replyCode()).isEqualTo(250);
                assertThat(m.relayQueueId()).startsWith("Q");
                assertThat(m.harnessId()).startsWith("count-");
                assertThat(m.endEpochMs()).isGreaterThanOrEqualTo(m.startEpochMs());
              });
      Map<String, String> receivedHashes =
          server.received().stream()
              .collect(
                  Collectors.toMap(
                      x -> header(x.bytes(), BodyHash.ID_HEADER), x -> BodyHash.of(x.bytes())));
      assertThat(ledger)
          .allSatisfy(
              m ->
                  assertThat(receivedHashes.get(m.harnessId()))
                      .as("body hash of " + m.harnessId())
                      .isEqualTo(m.bodyHash()));
      assertThat(r.reportIndex()).as("Gatling report").isNotNull();
      assertThat(Files.exists(r.reportIndex())).isTrue();
      assertThat(r.p99Ms()).isGreaterThanOrEqualTo(r.p50Ms());
      awaitNoConnections(server);
    }
  }

  @Test
  void shouldStopTheLoadWhenAskedAndKeepTheLedgerOfWhatWasSent() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.start()) {
      LoadRun run =
          LoadRunner.start(
              spec(
                  server,
                  LoadProfile.builder().constant(100, 60).build(),
                  smallMail("stop").build()));
      org.awaitility.Awaitility.await("the first messages")
          .atMost(java.time.Duration.ofSeconds(30))
          .until(() -> run.counters().snapshot().decided() > 20);
      long askedNs = System.nanoTime();
      run.counters().requestStop("the relay is broken");

      LoadResult r = run.await(java.time.Duration.ofSeconds(30));
      long seconds = (System.nanoTime() - askedNs) / 1_000_000_000L;

      assertThat(seconds).as("seconds from the request to the end of a 60 s load").isLessThan(20);
      assertThat(r.sent()).as("sent before the stop").isBetween(20L, 3000L);
      assertThat(JsonLines.read(r.ledgerFile(), AcceptedMail.class))
          .as("every decided transaction is in the ledger")
          .hasSizeGreaterThanOrEqualTo(20);
    }
  }

  @Test
  void shouldLedgerRefusalsAtRcptAndEndOfDataWithTheirCodes() throws Exception {
    for (PipeliningMode mode : List.of(PipeliningMode.OFF, PipeliningMode.ON)) {
      try (TestSmtpServer server = TestSmtpServer.start()) {
        MailGeneratorConfig mail =
            smallMail("codes-" + mode)
                .archiveRecipients(
                    List.of(
                        "ok@archive.example.com",
                        "rcpt-451@archive.example.com",
                        "rcpt-550@archive.example.com",
                        "eod-452@archive.example.com",
                        "eod-554@archive.example.com"))
                .build();
        Path ledgerFile = dir.resolve("codes-" + mode + ".jsonl");
        LoadRunSpec.Builder options =
            options(server, LoadProfile.builder().constant(100, 2).build(), mail);
        LoadRunSpec spec =
            options
                .smtp(options.build().smtp().toBuilder().pipelining(mode).build())
                .ledgerFile(ledgerFile)
                .description("codes " + mode)
                .build();

        LoadResult r = LoadRunner.run(spec);
        List<AcceptedMail> ledger = JsonLines.read(ledgerFile, AcceptedMail.class);

        Map<String, List<AcceptedMail>> byRcpt =
            ledger.stream().collect(Collectors.groupingBy(m -> m.rcptTo().get(0)));
        assertThat(byRcpt).as("every recipient drawn, pipelining " + mode).hasSize(5);
        assertThat(byRcpt.get("ok@archive.example.com"))
            .allMatch(m -> m.outcome() == Outcome.ACCEPTED && m.replyCode() == 250);
        for (int code : List.of(451, 550)) {
          assertThat(byRcpt.get("rcpt-" + code + "@archive.example.com"))
              .as("RCPT refused with %d, pipelining %s", code, mode)
              .allMatch(
                  m ->
                      m.outcome() == Outcome.REJECTED
                          && m.replyCode() == code
                          && m.replyText().startsWith(code + " "));
        }
        for (int code : List.of(452, 554)) {
          assertThat(byRcpt.get("eod-" + code + "@archive.example.com"))
              .as("end of data refused with %d, pipelining %s", code, mode)
              .allMatch(
                  m ->
                      m.outcome() == Outcome.REJECTED
                          && m.replyCode() == code
                          && m.relayQueueId() == null);
        }
        assertThat(r.rejected())
            .isEqualTo(ledger.stream().filter(m -> m.outcome() == Outcome.REJECTED).count());
        assertThat(r.errors()).as("Gatling KOs").isEqualTo(r.rejected());
        assertThat(r.failed()).isZero();
        assertThat(server.receivedCount()).isEqualTo((int) r.accepted());
      }
    }
  }

  @Test
  void shouldHoldTheConnectionCapAt2000MessagesPerSecond() throws Exception {
    try (TestSmtpServer server = TestSmtpServer.start()) {
      int cap = 2;
      LoadRunSpec spec =
          spec(
              server,
              LoadProfile.builder().constant(2000, 3).build(),
              smallMail("cap")
                  .size(1_000, 1_500)
                  .sizeSigma(0)
                  .journalFraction(0)
                  .attachmentProbability(0)
                  .build());
      spec =
          spec.toBuilder()
              .smtp(spec.smtp().toBuilder().maxConnectionsPerEventLoop(cap).build())
              .build();

      LoadResult r = LoadRunner.run(spec);

      int eventLoops = 2 * Runtime.getRuntime().availableProcessors();
      assertThat(r.failed()).as("connection errors and timeouts").isZero();
      assertThat(r.rejected()).isZero();
      assertThat(r.sent()).as("offered at 2000/s for 3 s").isBetween(5_900L, 6_100L);
      assertThat(server.receivedCount()).isEqualTo((int) r.sent());
      assertThat(server.maxConcurrentConnections())
          .as("server-side concurrent connections vs cap %d x %d event loops", cap, eventLoops)
          .isLessThanOrEqualTo(cap * eventLoops);
      assertThat(server.sessions())
          .as("connections opened in total (reused, no storm)")
          .isLessThanOrEqualTo(cap * eventLoops);
    }
  }

  @Test
  void shouldReport535WhenCredentialsAreWrongOverStartTls() throws Exception {
    try (TestSmtpServer server =
        TestSmtpServer.builder().startTls(true).requireAuth("loader", "s3cret").start()) {
      LoadRunSpec good =
          spec(server, LoadProfile.builder().burst(20).build(), smallMail("auth").build());
      SmtpClientConfig.Builder tls =
          good.smtp().toBuilder().startTls(StartTlsMode.REQUIRED).tlsTrust(TlsTrust.trustAll());
      good =
          good.toBuilder()
              .smtp(tls.credentials(new SmtpCredentials("loader", "s3cret", LOGIN)).build())
              .build();
      LoadResult ok = LoadRunner.run(good);
      assertThat(ok.accepted()).as("accepted with STARTTLS + AUTH LOGIN").isEqualTo(20);

      Path ledgerFile = dir.resolve("bad-auth.jsonl");
      LoadRunSpec bad =
          good.toBuilder()
              .smtp(tls.credentials(new SmtpCredentials("loader", "wrong", PLAIN)).build())
              .mail(smallMail("bad").build())
              .ledgerFile(ledgerFile)
              .description("bad auth")
              .build();
      LoadResult ko = LoadRunner.run(bad);

      assertThat(ko.rejected()).as("rejected with wrong credentials").isEqualTo(20);
      assertThat(JsonLines.read(ledgerFile, AcceptedMail.class))
          .allMatch(m -> m.outcome() == Outcome.REJECTED && m.replyCode() == 535);
      assertThat(server.receivedCount()).isEqualTo(20);
    }
  }

  private static void awaitNoConnections(TestSmtpServer server) {
    await("server sessions to close after the run (QUIT on close)")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .untilAsserted(
            () ->
                assertThat(server.openConnections())
                    .as("server sessions left open after the run (QUIT on close)")
                    .isZero());
  }

  @Test
  void shouldWriteGatlingsConsoleOutputToTheConsoleLogInsteadOfStandardOutput() throws Exception {
    // Two runs in one JVM, as mvn verify runs scenarios: each run's output lands in its own file.
    for (String run : List.of("first", "second")) {
      Path consoleLog = dir.resolve(run + "/gatling-console.log");
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      try (TestSmtpServer server = TestSmtpServer.start();
          PrintStream capture = new PrintStream(stdout, true, StandardCharsets.UTF_8)) {
        LoadRunSpec spec =
            options(server, LoadProfile.builder().constant(50, 6).build(), smallMail(run).build())
                .consoleLog(consoleLog)
                .build();
        // Stands in for the terminal: whatever Gatling would print there lands in "stdout".
        scala.Function0<LoadResult> load = () -> LoadRunner.run(spec);
        LoadResult r = scala.Console$.MODULE$.withOut(capture, load);
        assertThat(r.accepted()).as("accepted in the %s run", run).isGreaterThan(200);
      }
      assertThat(Files.readString(consoleLog))
          .as("Gatling's console output of the %s run in %s", run, consoleLog)
          .contains("---- Requests ---")
          .contains("elapsed")
          .contains("---- Global Information ---")
          .contains("Reports generated");
      assertThat(stdout.toString(StandardCharsets.UTF_8))
          .as("what Gatling printed to the console in the %s run", run)
          .doesNotContain("---- Requests ---")
          .doesNotContain("Global Information")
          .doesNotContain("Simulation");
    }
  }

  private static String header(byte[] message, String name) {
    return io.relayharness.load.internal.RawMessage.header(message, name);
  }
}
