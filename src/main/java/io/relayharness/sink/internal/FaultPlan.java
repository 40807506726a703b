package io.relayharness.sink.internal;

import io.relayharness.sink.Fault;
import io.relayharness.sink.FaultEffect;
import io.relayharness.vocab.SmtpStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The faults a sink applies now, in the order they were added, and the decision for one event at a
 * stage. Thread-safe: faults are added and removed by the HTTP threads while session threads
 * decide.
 */
public final class FaultPlan {

  private final CopyOnWriteArrayList<ActiveFault> faults = new CopyOnWriteArrayList<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final LongSupplier clockEpochMs;

  public FaultPlan(LongSupplier clockEpochMs) {
    this.clockEpochMs = clockEpochMs;
  }

  /** Validates and adds {@code fault}, giving it an id if it has none; returns the stored fault. */
  public synchronized Fault add(Fault fault) {
    Fault f = fault.validated();
    if (f.id() == null || f.id().isBlank()) {
      f = f.toBuilder().id("f" + nextId.getAndIncrement()).build();
    } else if (faults.stream().anyMatch(a -> a.fault().id().equals(fault.id()))) {
      throw new IllegalArgumentException("fault: id " + fault.id() + " is already in use");
    }
    faults.add(new ActiveFault(f));
    return f;
  }

  /** Removes the fault with {@code id}; returns whether there was one. */
  public boolean remove(String id) {
    return faults.removeIf(a -> a.fault().id().equals(id));
  }

  /** Removes every fault; returns how many there were. */
  public synchronized int clear() {
    int n = faults.size();
    faults.clear();
    return n;
  }

  /** Returns each fault with its {@code fired}, {@code remaining} and {@code active} state. */
  public List<Map<String, Object>> status() {
    long now = clockEpochMs.getAsLong();
    List<Map<String, Object>> out = new ArrayList<>();
    for (ActiveFault a : faults) {
      out.add(a.status(now));
    }
    return out;
  }

  /**
   * Decides one event at {@code stage}: firing faults add their delays; the first reply/drop wins.
   */
  FaultDecision decide(SmtpStage stage) {
    if (faults.isEmpty()) {
      return FaultDecision.NONE;
    }
    long now = clockEpochMs.getAsLong();
    long delayMs = 0;
    for (ActiveFault a : faults) {
      Fault f = a.fault();
      if (f.stage() != stage || !a.tryFire(now, ThreadLocalRandom.current())) {
        continue;
      }
      delayMs += f.delayMs();
      if (f.action() != FaultEffect.DELAY) {
        return new FaultDecision(delayMs, f);
      }
    }
    return delayMs == 0 ? FaultDecision.NONE : new FaultDecision(delayMs, null);
  }
}
