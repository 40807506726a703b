package io.relayharness.sink;

import io.relayharness.vocab.SinkDefaults;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one sink worker until SIGTERM (or SIGINT), then stops cleanly, logs a summary and exits with
 * 0 (2 on bad flags). Example: {@code java -cp /app/classes:/app/lib/*
 * io.relayharness.sink.SinkMain --name worker0}. Flags ({@code --flag value} or {@code
 * --flag=value}) are those of {@link SinkConfig}, defaults those of {@link SinkDefaults}.
 *
 * <p>The flags are read here rather than by a command-line library: three sinks start at once with
 * every topology, and picocli's start alone cost a sink 0.15 s of its 0.6 s CPU (class-load log of
 * a sink start). Not thread-safe (one instance per process).
 */
public final class SinkMain {

  /** Each flag and its help line, in the order {@code --help} prints them. */
  private static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put("name", "worker name, e.g. worker0 (required)");
    FLAGS.put(
        "hostname", "greeting and EHLO name (default: <name>" + SinkDefaults.HOSTNAME_SUFFIX + ")");
    FLAGS.put("bind", "listen address (default: " + SinkDefaults.BIND + ")");
    FLAGS.put("smtp-port", "SMTP port, 0: any (default: " + SinkDefaults.SMTP_PORT + ")");
    FLAGS.put("http-port", "HTTP control port, 0: any (default: " + SinkDefaults.HTTP_PORT + ")");
    FLAGS.put("ledger", "ledger file (default: " + SinkDefaults.LEDGER_PATH + ")");
    FLAGS.put(
        "dropped-ledger",
        "arrivals left without a reply (default: "
            + SinkDefaults.DROPPED_LEDGER_FILE
            + " beside the ledger)");
    FLAGS.put(
        "max-connections",
        "concurrent SMTP sessions (default: " + SinkDefaults.MAX_CONNECTIONS + ")");
    FLAGS.put("backlog", "pending-connection backlog (default: " + SinkDefaults.BACKLOG + ")");
    FLAGS.put(
        "ledger-sync",
        "group (sessions share fsyncs) or per-message (one fsync each) (default: group)");
    FLAGS.put(
        "group-commit-ms",
        "with group commit, a fixed wait before each fsync; 0 = none (default: "
            + SinkDefaults.GROUP_COMMIT_MS
            + ")");
    FLAGS.put(
        "max-message-bytes",
        "larger content is refused with 552 (default: " + SinkDefaults.MAX_MESSAGE_BYTES + ")");
    FLAGS.put(
        "connection-timeout-ms",
        "idle time before a session is closed (default: "
            + SinkDefaults.CONNECTION_TIMEOUT_MS
            + ")");
  }

  private SinkMain() {}

  /** Parses the flags and runs the worker; exits with 0 after a clean stop, 2 on bad flags. */
  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "io/relayharness/sink/logback-sink.xml");
    }
    List<String> given = Arrays.asList(args);
    if (given.contains("--help") || given.contains("-h")) {
      System.out.print(usage());
      return;
    }
    SinkConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("sink: " + e.getMessage());
      System.err.print(usage());
      System.exit(2);
      return;
    }
    run(config);
    System.exit(0);
  }

  /**
   * Returns the validated settings that {@code args} give.
   *
   * @throws IllegalArgumentException naming the flag, for an unknown flag, a missing value, a value
   *     of the wrong type or one out of {@link SinkConfig}'s bounds
   */
  static SinkConfig parse(String... args) {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      String flag = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      if (!FLAGS.containsKey(flag)) {
        throw new IllegalArgumentException("unknown flag --" + flag);
      }
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("--" + flag + " needs a value");
      }
      given.put(flag, value);
    }
    if (!given.containsKey("name")) {
      throw new IllegalArgumentException("--name is required");
    }
    SinkConfig.Builder b =
        SinkConfig.builder()
            .name(given.get("name"))
            .hostname(given.get("hostname"))
            .listen(
                given.getOrDefault("bind", SinkDefaults.BIND),
                intFlag(given, "smtp-port", SinkDefaults.SMTP_PORT),
                intFlag(given, "http-port", SinkDefaults.HTTP_PORT))
            .ledger(Path.of(given.getOrDefault("ledger", SinkDefaults.LEDGER_PATH)))
            .maxConnections(intFlag(given, "max-connections", SinkDefaults.MAX_CONNECTIONS))
            .backlog(intFlag(given, "backlog", SinkDefaults.BACKLOG))
            .groupCommitMs(longFlag(given, "group-commit-ms", SinkDefaults.GROUP_COMMIT_MS))
            .maxMessageBytes(longFlag(given, "max-message-bytes", SinkDefaults.MAX_MESSAGE_BYTES))
            .connectionTimeoutMs(
                intFlag(given, "connection-timeout-ms", SinkDefaults.CONNECTION_TIMEOUT_MS));
    if (given.containsKey("dropped-ledger")) {
      b.droppedLedger(Path.of(given.get("dropped-ledger")));
    }
    if (given.containsKey("ledger-sync")) {
      b.ledgerSync(LedgerSync.ofFlag(given.get("ledger-sync")));
    }
    return b.build().validated();
  }

  /** Returns the help text: one line per flag. */
  static String usage() {
    StringBuilder out =
        new StringBuilder(
            "Usage: sink --name NAME [--flag value]...\n"
                + "SMTP sink worker with a durable ledger and an HTTP control API.\n");
    FLAGS.forEach((flag, help) -> out.append(String.format("  --%-22s %s%n", flag, help)));
    return out.toString();
  }

  private static int intFlag(Map<String, String> given, String flag, int otherwise) {
    long value = longFlag(given, flag, otherwise);
    if (value != (int) value) {
      throw new IllegalArgumentException("--" + flag + ": " + value + " is out of range");
    }
    return (int) value;
  }

  private static long longFlag(Map<String, String> given, String flag, long otherwise) {
    String value = given.get(flag);
    try {
      return value == null ? otherwise : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + flag + ": '" + value + "' is not a whole number");
    }
  }

  /** Runs the worker until SIGTERM or SIGINT (or another JVM shutdown), then stops it. */
  private static void run(SinkConfig config) throws Exception {
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
  }
}
