package io.relayharness.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A test double for the Docker side: records each call with the time it came, keeps an MX set, and
 * can be told to fail a call. Thread-safe.
 */
public final class RecordingFaultTarget implements FaultTarget {

  /** One call: when, and what (e.g. {@code proxy worker1 false}). */
  public record Call(long atMs, String what) {}

  private final LongSupplier clock;
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Integer> mx = new LinkedHashMap<>();
  private String failOn;

  public RecordingFaultTarget(LongSupplier clock, Map<String, Integer> mx) {
    this.clock = clock;
    this.mx.putAll(mx);
  }

  public synchronized void failOn(String prefix) {
    this.failOn = prefix;
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<String> whats() {
    return calls.stream().map(Call::what).toList();
  }

  private synchronized void record(String what) {
    if (failOn != null && what.startsWith(failOn)) {
      throw new IllegalStateException("refused: " + what);
    }
    calls.add(new Call(clock.getAsLong(), what));
  }

  @Override
  public void setProxyEnabled(String worker, boolean enabled) {
    record("proxy " + worker + " " + enabled);
  }

  @Override
  public void addToxic(
      String worker,
      String toxicName,
      String type,
      String stream,
      double toxicity,
      Map<String, Long> attributes) {
    record(
        "toxic+ "
            + worker
            + " "
            + toxicName
            + " "
            + type
            + " "
            + stream
            + " "
            + new java.util.TreeMap<>(attributes));
  }

  @Override
  public void removeToxic(String worker, String toxicName) {
    record("toxic- " + worker + " " + toxicName);
  }

  @Override
  public void killWorker(String worker) {
    record("kill " + worker);
  }

  @Override
  public void startWorker(String worker) {
    record("start " + worker);
  }

  @Override
  public void pauseWorker(String worker) {
    record("pause " + worker);
  }

  @Override
  public void unpauseWorker(String worker) {
    record("unpause " + worker);
  }

  @Override
  public void restartRelay() {
    record("restart relay");
  }

  @Override
  public void restartRelay(String relay) {
    record("restart " + relay);
  }

  @Override
  public void killRelay(String relay) {
    record("kill " + relay);
  }

  @Override
  public void startRelay(String relay, boolean diskLost) {
    record("start " + relay + (diskLost ? " empty" : " with queue"));
  }

  @Override
  public void pauseRelay(String relay) {
    record("pause " + relay);
  }

  @Override
  public void unpauseRelay(String relay) {
    record("unpause " + relay);
  }

  @Override
  public void setRelayLinkEnabled(String relay, boolean enabled) {
    record("link " + relay + " " + enabled);
  }

  @Override
  public String addSinkFault(String worker, Map<String, Object> fault) {
    record("fault+ " + worker + " " + fault.get("stage"));
    return "f-" + worker;
  }

  @Override
  public void clearSinkFaults(String worker) {
    record("fault- " + worker);
  }

  @Override
  public synchronized Map<String, Integer> mxRecords() {
    return Map.copyOf(mx);
  }

  @Override
  public synchronized void setMxRecords(Map<String, Integer> workerPreference) {
    record("mx " + new java.util.TreeMap<>(workerPreference));
    mx.clear();
    mx.putAll(workerPreference);
  }
}
