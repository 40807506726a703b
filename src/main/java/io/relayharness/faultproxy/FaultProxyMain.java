package io.relayharness.faultproxy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fault proxy as a process with the real server's flags: {@code -host} (localhost), {@code
 * -port} (8474), {@code -config FILE}, {@code -version}, {@code -seed} (accepted, no effect, as in
 * 2.12.0), plus {@code -dial-timeout-ms} (ours). Flags may be written {@code -x v}, {@code -x=v},
 * {@code --x=v}. Logs JSON lines on stdout; stops cleanly on SIGTERM/SIGINT. Not meant to be used
 * from other threads.
 */
public final class FaultProxyMain {

  private static final String USAGE =
      "Usage of faultproxy (Toxiproxy "
          + FaultProxyServer.TOXIPROXY_VERSION
          + "-compatible):\n"
          + "  -config string\n\tJSON file containing proxies to create on startup\n"
          + "  -dial-timeout-ms int\n\ttime allowed to dial an upstream (default 5000)\n"
          + "  -host string\n\tHost for toxiproxy's API to listen on (default \"localhost\")\n"
          + "  -port string\n\tPort for toxiproxy's API to listen on (default \"8474\")\n"
          + "  -seed int\n\tSeed for randomizing toxics with (accepted, no effect)\n"
          + "  -version\n\tshow version and exit\n";

  private FaultProxyMain() {}

  /** Entry point; exit status 2 on bad flags, as Go's flag package does. */
  public static void main(String[] args) throws Exception {
    Map<String, String> flags;
    try {
      flags = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (flags.containsKey("help")) {
      System.err.print(USAGE);
      return;
    }
    if (Boolean.parseBoolean(flags.getOrDefault("version", "false"))) {
      System.out.println(
          "toxiproxy-server version "
              + FaultProxyServer.TOXIPROXY_VERSION
              + " (relay-harness faultproxy)");
      return;
    }
    String host = flags.getOrDefault("host", "localhost");
    int port;
    int dialTimeoutMs;
    try {
      port = Integer.parseInt(flags.getOrDefault("port", "8474"));
      dialTimeoutMs =
          Integer.parseInt(
              flags.getOrDefault(
                  "dial-timeout-ms", String.valueOf(FaultProxyServer.DEFAULT_DIAL_TIMEOUT_MS)));
    } catch (NumberFormatException e) {
      System.err.println("invalid value for flag: " + e.getMessage());
      System.exit(2);
      return;
    }
    FaultProxyServer server = FaultProxyServer.start(host, port, dialTimeoutMs);
    String config = flags.get("config");
    if (config != null && !config.isEmpty()) {
      try {
        int n = server.populate(Files.readAllBytes(Path.of(config)));
        log(System.out, "info", "Populated proxies from file", "config", config, "proxies", n);
      } catch (IOException e) {
        log(System.out, "error", "Error reading config file", "config", config, "error", e);
      } catch (IllegalArgumentException e) {
        log(System.out, "error", "Failed to populate proxies from file", "error", e.getMessage());
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log(System.out, "info", "Shutdown started");
                  server.close();
                  log(System.out, "info", "Shutdown finished");
                  stopped.countDown();
                },
                "faultproxy-shutdown"));
    log(
        System.out,
        "info",
        "Starting relay-harness faultproxy, a Toxiproxy "
            + FaultProxyServer.TOXIPROXY_VERSION
            + "-compatible HTTP server",
        "version",
        FaultProxyServer.TOXIPROXY_VERSION,
        "host",
        host,
        "port",
        String.valueOf(server.apiPort()));
    stopped.await();
  }

  /** Parses Go-style flags into name → value ("true" for bare booleans). */
  static Map<String, String> parse(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("-") || a.equals("-") || a.equals("--")) {
        break; // Go stops at the first non-flag argument
      }
      String body = a.startsWith("--") ? a.substring(2) : a.substring(1);
      String name = body;
      String value = null;
      int eq = body.indexOf('=');
      if (eq >= 0) {
        name = body.substring(0, eq);
        value = body.substring(eq + 1);
      }
      switch (name) {
        case "h", "help" -> out.put("help", "true");
        case "version", "proxy-metrics", "runtime-metrics" ->
            out.put(name, value == null ? "true" : value);
        case "host", "port", "config", "seed", "dial-timeout-ms" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("flag needs an argument: -" + name);
            }
            value = args[++i];
          }
          out.put(name, value);
        }
        default -> throw new IllegalArgumentException("flag provided but not defined: -" + name);
      }
    }
    return out;
  }

  /** Writes one JSON log line: level, key/value pairs, time, message. */
  static void log(PrintStream out, String level, String message, Object... keyValues) {
    StringBuilder sb = new StringBuilder("{\"level\":\"").append(level).append('"');
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      Object v = keyValues[i + 1];
      sb.append(",\"").append(keyValues[i]).append("\":");
      if (v instanceof Number) {
        sb.append(v);
      } else {
        sb.append('"').append(escape(String.valueOf(v))).append('"');
      }
    }
    sb.append(",\"time\":\"")
        .append(OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .append("\",\"message\":\"")
        .append(escape(message))
        .append("\"}");
    out.println(sb);
    out.flush();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
