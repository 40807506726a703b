package io.relayharness.load;

import io.relayharness.ledger.AcceptedMail.Outcome;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counts of a load run, for progress output while it runs and the summary after it: messages
 * sent (started), accepted, rejected, failed, and a histogram of response times (ms resolution up
 * to 10 minutes). Thread-safe; updated from the event loops.
 */
public final class LoadCounters {

  private static final int MAX_MS = 600_000;

  private final LongAdder sent = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder notClean = new LongAdder();
  private final AtomicLongArray histogram = new AtomicLongArray(MAX_MS + 1);
  private volatile String stopReason;

  /**
   * Asks the load to stop now (e.g. the relay is broken): the simulation stops its load generator
   * before the next message. The first reason given is kept.
   */
  public synchronized void requestStop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
  }

  /** Returns why the load was asked to stop, or null while it runs on. */
  public String stopReason() {
    return stopReason;
  }

  /** A consistent-enough view of the counts at one moment. */
  public record Snapshot(long sent, long accepted, long rejected, long failed) {
    /** Returns the transactions decided so far. */
    public long decided() {
      return accepted + rejected + failed;
    }
  }

  /** Counts a message as sent (its transaction started). */
  public void sent() {
    sent.increment();
  }

  /**
   * Counts a decided transaction.
   *
   * @param clean false when the transaction was KO in Gatling although accepted (some recipient
   *     refused)
   */
  public void decided(Outcome outcome, long responseTimeMs, boolean clean) {
    switch (outcome) {
      case ACCEPTED -> accepted.increment();
      case REJECTED -> rejected.increment();
      case FAILED -> failed.increment();
    }
    if (!clean) {
      notClean.increment();
    }
    histogram.incrementAndGet((int) Math.max(0, Math.min(MAX_MS, responseTimeMs)));
  }

  /** Returns the counts now. */
  public Snapshot snapshot() {
    return new Snapshot(sent.sum(), accepted.sum(), rejected.sum(), failed.sum());
  }

  /** Returns the transactions Gatling counted as KO: rejected, failed, or partly refused. */
  public long errors() {
    return notClean.sum();
  }

  /** Returns the response time at percentile {@code p} (0..100) of every decided transaction. */
  public long percentileMs(double p) {
    long total = 0;
    for (int i = 0; i <= MAX_MS; i++) {
      total += histogram.get(i);
    }
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
    long seen = 0;
    for (int i = 0; i <= MAX_MS; i++) {
      seen += histogram.get(i);
      if (seen >= rank) {
        return i;
      }
    }
    return MAX_MS;
  }

  /** Returns the mean response time of every decided transaction, in ms. */
  public double meanMs() {
    long total = 0;
    double sum = 0;
    for (int i = 0; i <= MAX_MS; i++) {
      long n = histogram.get(i);
      total += n;
      sum += (double) n * i;
    }
    return total == 0 ? 0 : sum / total;
  }
}
