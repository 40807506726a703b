package io.relayharness.vocab;

/**
 * The sink worker's defaults, listed once: the sink's config and command line take them from here,
 * and so does the topology that starts sink containers (ports, ledger path). Constants only.
 */
public final class SinkDefaults {

  /** Listen address. */
  public static final String BIND = "0.0.0.0";

  /** SMTP port (inside the sink container). */
  public static final int SMTP_PORT = 2525;

  /** HTTP control port (inside the sink container). */
  public static final int HTTP_PORT = 8025;

  /** Where the ledger lives (inside the sink container). */
  public static final String LEDGER_PATH = "/data/ledger.jsonl";

  /** The dropped ledger's file name, beside the ledger. */
  public static final String DROPPED_LEDGER_FILE = "dropped.jsonl";

  /** Concurrent SMTP sessions. */
  public static final int MAX_CONNECTIONS = 1000;

  /** Pending-connection backlog. */
  public static final int BACKLOG = 1024;

  /**
   * Group commit's fixed wait before each fsync, in ms: 0, the fsync starts as soon as none is
   * running, and what arrives meanwhile goes into the next one.
   */
  public static final long GROUP_COMMIT_MS = 0;

  /** Larger content is refused with 552 (50 MiB). */
  public static final long MAX_MESSAGE_BYTES = 52_428_800L;

  /** Idle time before a session is closed with 421. */
  public static final int CONNECTION_TIMEOUT_MS = 300_000;

  /** The greeting and EHLO name's suffix after the worker name. */
  public static final String HOSTNAME_SUFFIX = ".int.example.com";

  private SinkDefaults() {}
}
