package io.relayharness.sink.internal;

import io.relayharness.vocab.SmtpStage;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The running counts behind {@code GET /counters}. Thread-safe (adders and concurrent maps). */
public final class RunningCounters {

  private final LongAdder accepted = new LongAdder();
  private final LongAdder acceptedBytes = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder delayed = new LongAdder();
  private final LongAdder sessionsTotal = new LongAdder();
  private final ConcurrentHashMap<Integer, LongAdder> rejectedByCode = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<SmtpStage, LongAdder> rejectedByStage = new ConcurrentHashMap<>();

  /** Counts one message answered 250. */
  public void accepted(long sizeBytes) {
    accepted.increment();
    acceptedBytes.add(sizeBytes);
  }

  /** Counts one rejection reply this sink chose to send. */
  public void rejected(SmtpStage stage, int code) {
    rejectedByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
    rejectedByStage.computeIfAbsent(stage, s -> new LongAdder()).increment();
  }

  /** Counts one message taken and left without a reply. */
  public void countDropped() {
    dropped.increment();
  }

  /** Counts one event that was delayed. */
  public void countDelayed() {
    delayed.increment();
  }

  /** Counts one new SMTP connection. */
  public void sessionStarted() {
    sessionsTotal.increment();
  }

  public long accepted() {
    return accepted.sum();
  }

  public long acceptedBytes() {
    return acceptedBytes.sum();
  }

  public long dropped() {
    return dropped.sum();
  }

  public long delayed() {
    return delayed.sum();
  }

  public long sessionsTotal() {
    return sessionsTotal.sum();
  }

  /** Returns rejections by code, as strings for JSON keys, sorted. */
  public Map<String, Long> rejectedByCode() {
    Map<String, Long> out = new TreeMap<>();
    rejectedByCode.forEach((k, v) -> out.put(String.valueOf(k), v.sum()));
    return out;
  }

  /** Returns rejections by stage name, sorted. */
  public Map<String, Long> rejectedByStage() {
    Map<String, Long> out = new TreeMap<>();
    rejectedByStage.forEach((k, v) -> out.put(k.wireName(), v.sum()));
    return out;
  }
}
