package io.relayharness.sink;

import io.relayharness.vocab.SinkDefaults;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one sink worker until SIGTERM (or SIGINT), then stops cleanly, logs a summary and exits with
 * 0 (2 on bad flags). Example: {@code java -cp /app/classes:/app/lib/*
 * io.relayharness.sink.SinkMain --name worker0}. Flags are those of {@link SinkConfig}, defaults
 * those of {@link SinkDefaults}. Not thread-safe (one instance per process).
 */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = "SMTP sink worker with a durable ledger and an HTTP control API.")
public final class SinkMain implements Callable<Integer> {

  @Option(names = "--name", required = true, description = "worker name, e.g. worker0")
  String name;

  @Option(
      names = "--hostname",
      description = "greeting and EHLO name (default: <name>" + SinkDefaults.HOSTNAME_SUFFIX + ")")
  String hostname;

  @Option(names = "--bind", description = "listen address")
  String bind = SinkDefaults.BIND;

  @Option(names = "--smtp-port", description = "SMTP port (0: any)")
  int smtpPort = SinkDefaults.SMTP_PORT;

  @Option(names = "--http-port", description = "HTTP control port (0: any)")
  int httpPort = SinkDefaults.HTTP_PORT;

  @Option(names = "--ledger", description = "ledger file")
  Path ledger = Path.of(SinkDefaults.LEDGER_PATH);

  @Option(
      names = "--dropped-ledger",
      description =
          "arrivals left without a reply (default: "
              + SinkDefaults.DROPPED_LEDGER_FILE
              + " beside the ledger)")
  Path droppedLedger;

  @Option(names = "--max-connections", description = "concurrent SMTP sessions")
  int maxConnections = SinkDefaults.MAX_CONNECTIONS;

  @Option(names = "--backlog", description = "pending-connection backlog")
  int backlog = SinkDefaults.BACKLOG;

  @Option(
      names = "--ledger-sync",
      converter = LedgerSyncConverter.class,
      description = "group (sessions share fsyncs) or per-message (one fsync each)")
  LedgerSync ledgerSync = LedgerSync.GROUP;

  @Option(
      names = "--group-commit-ms",
      description = "with group commit, a fixed wait before each fsync; 0 = none")
  long groupCommitMs = SinkDefaults.GROUP_COMMIT_MS;

  @Option(names = "--max-message-bytes", description = "larger content is refused with 552")
  long maxMessageBytes = SinkDefaults.MAX_MESSAGE_BYTES;

  @Option(names = "--connection-timeout-ms", description = "idle time before a session is closed")
  int connectionTimeoutMs = SinkDefaults.CONNECTION_TIMEOUT_MS;

  /** Parses the flags and runs the worker; exits with 0 after a clean stop, 2 on bad flags. */
  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "io/relayharness/sink/logback-sink.xml");
    }
    System.exit(new CommandLine(new SinkMain()).execute(args));
  }

  /** Returns the settings the flags give. */
  SinkConfig config() {
    return SinkConfig.builder()
        .name(name)
        .hostname(hostname)
        .listen(bind, smtpPort, httpPort)
        .ledger(ledger)
        .droppedLedger(droppedLedger)
        .maxConnections(maxConnections)
        .backlog(backlog)
        .ledgerSync(ledgerSync)
        .groupCommitMs(groupCommitMs)
        .maxMessageBytes(maxMessageBytes)
        .connectionTimeoutMs(connectionTimeoutMs)
        .build()
        .validated();
  }

  @Override
  public Integer call() throws Exception {
    SinkConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    SinkServer server = SinkServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runnable stop =
        () -> {
          server.close();
          stopped.countDown();
        };
    // SIGTERM/SIGINT: stop before the JVM's shutdown hooks run, so logging still works and the
    // exit code is 0; the hook is the fallback for other ways the JVM ends
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.run());
      } catch (IllegalArgumentException e) {
        // signal not available here: the shutdown hook covers it
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "sink-shutdown"));
    stopped.await();
    return 0;
  }

  /** Reads {@code --ledger-sync group|per-message}. */
  static final class LedgerSyncConverter implements CommandLine.ITypeConverter<LedgerSync> {
    @Override
    public LedgerSync convert(String value) {
      return LedgerSync.ofFlag(value);
    }
  }
}
