package io.relayharness.sink;

import java.util.Locale;

/**
 * How the sink makes its ledger durable before each 250. Immutable; thread-safe.
 *
 * <ul>
 *   <li>{@link #GROUP}: sessions share fsyncs. The first writer to find no fsync running starts one
 *       for everything written so far; what is written meanwhile goes into the next, started by one
 *       of those waiting (leader/follower, no timer unless {@code groupCommitMs} &gt; 0).
 *   <li>{@link #PER_MESSAGE}: each record has its own fsync, one at a time (for comparison).
 * </ul>
 */
public enum LedgerSync {
  GROUP,
  PER_MESSAGE;

  /** Returns the name used on the command line: {@code group} or {@code per-message}. */
  public String flag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@link #flag()}'s form (case-insensitive); fails naming the accepted values. */
  public static LedgerSync ofFlag(String value) {
    for (LedgerSync s : values()) {
      if (s.flag().equalsIgnoreCase(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "bad ledger sync '" + value + "' (expected group or per-message)");
  }
}
