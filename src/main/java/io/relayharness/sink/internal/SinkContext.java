package io.relayharness.sink.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.subethamail.smtp.server.Session;

/**
 * What every session of one sink shares: its name, ledgers, faults, counters and limits.
 * Thread-safe (all parts are).
 *
 * @param worker the worker name written into each record
 * @param ledger the durable ledger of arrivals
 * @param droppedLedger arrivals that were recorded but never answered ({@code drop-before-250})
 * @param faults the active faults
 * @param counters running counts
 * @param maxMessageBytes content beyond this is refused with 552
 * @param clockEpochMs the clock for arrival times and fault windows
 * @param openSessions sessions accepted and not yet ended
 */
public record SinkContext(
    String worker,
    SinkLedger ledger,
    SinkLedger droppedLedger,
    FaultPlan faults,
    RunningCounters counters,
    long maxMessageBytes,
    LongSupplier clockEpochMs,
    ConcurrentHashMap<Session, Boolean> openSessions) {

  /** Returns the number of open sessions, forgetting those whose socket is closed. */
  public int openSessionCount() {
    openSessions.keySet().removeIf(s -> s.getSocket() == null || s.getSocket().isClosed());
    return openSessions.size();
  }
}
