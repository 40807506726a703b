package io.relayharness.sink;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one sink worker until SIGTERM (or SIGINT), then stops cleanly, logs a summary and exits with
 * 0 (2 on bad flags). Example: {@code java -cp /app/classes:/app/lib/*
 * io.relayharness.sink.SinkMain --name worker0}. Flags and defaults are those of {@link
 * SinkConfig}. Not thread-safe (one instance per process).
 */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    description = "SMTP sink worker with a durable ledger and an HTTP control API.")
public final class SinkMain implements Callable<Integer> {

  @Option(names = "--name", required = true, description = "worker name, e.g. worker0")
  String name;

  @Option(
      names = "--hostname",
      description = "greeting and EHLO name (default: <name>.int.example.com)")
  String hostname;

  @Option(names = "--bind", defaultValue = "0.0.0.0", description = "listen address")
  String bind;

  @Option(names = "--smtp-port", defaultValue = "2525", description = "SMTP port (0: any)")
  int smtpPort;

  @Option(names = "--http-port", defaultValue = "8025", description = "HTTP control port (0: any)")
  int httpPort;

  @Option(names = "--ledger", defaultValue = "/data/ledger.jsonl", description = "ledger file")
  Path ledger;

  @Option(
      names = "--dropped-ledger",
      description = "arrivals left without a reply (default: dropped.jsonl beside the ledger)")
  Path droppedLedger;

  @Option(
      names = "--max-connections",
      defaultValue = "1000",
      description = "concurrent SMTP sessions")
  int maxConnections;

  @Option(names = "--backlog", defaultValue = "1024", description = "pending-connection backlog")
  int backlog;

  @Option(
      names = "--group-commit-ms",
      defaultValue = "1",
      description = "group-commit gathering window; 0 = one fsync per message")
  long groupCommitMs;

  @Option(
      names = "--max-message-bytes",
      defaultValue = "52428800",
      description = "larger content is refused with 552")
  long maxMessageBytes;

  @Option(
      names = "--connection-timeout-ms",
      defaultValue = "300000",
      description = "idle time before a session is closed")
  int connectionTimeoutMs;

  /** Parses the flags and runs the worker; exits with 0 after a clean stop, 2 on bad flags. */
  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "io/relayharness/sink/logback-sink.xml");
    }
    System.exit(new CommandLine(new SinkMain()).execute(args));
  }

  /** Returns the settings the flags give. */
  SinkConfig config() {
    return new SinkConfig(
            name,
            hostname,
            bind,
            smtpPort,
            httpPort,
            ledger,
            droppedLedger,
            maxConnections,
            backlog,
            groupCommitMs,
            maxMessageBytes,
            connectionTimeoutMs)
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
}
