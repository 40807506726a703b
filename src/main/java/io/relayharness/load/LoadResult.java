package io.relayharness.load;

import java.nio.file.Path;

/**
 * The summary of a finished load run. Immutable; thread-safe.
 *
 * @param sent messages whose transaction started
 * @param accepted messages the server took (250 to the end of data)
 * @param rejected messages refused with a 4xx/5xx code
 * @param failed messages with no deciding reply (refused connection, timeout, reset)
 * @param errors Gatling KOs: rejected + failed + accepted-but-partly-refused
 * @param p50Ms median response time (wait for a connection included)
 * @param p95Ms 95th percentile response time
 * @param p99Ms 99th percentile response time
 * @param meanMs mean response time
 * @param startEpochMs when the run started
 * @param endEpochMs when the run (report included) ended
 * @param gatlingStatus Gatling's status code (0 = success)
 * @param reportIndex Gatling's {@code index.html}, or null
 * @param ledgerFile the {@code AcceptedMail} ledger, or null
 */
public record LoadResult(
    long sent,
    long accepted,
    long rejected,
    long failed,
    long errors,
    long p50Ms,
    long p95Ms,
    long p99Ms,
    double meanMs,
    long startEpochMs,
    long endEpochMs,
    int gatlingStatus,
    Path reportIndex,
    Path ledgerFile) {

  /** Returns accepted messages per second over the whole run (report time excluded is not). */
  public double acceptedPerSecond() {
    long ms = Math.max(1, endEpochMs - startEpochMs);
    return accepted * 1000.0 / ms;
  }
}
