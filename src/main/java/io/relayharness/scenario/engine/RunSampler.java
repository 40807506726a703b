package io.relayharness.scenario.engine;

import io.relayharness.load.LoadCounters;
import io.relayharness.observe.JsonLinesAppender;
import io.relayharness.observe.PostqueueJson;
import io.relayharness.observe.QueueSample;
import io.relayharness.observe.RateSample;
import io.relayharness.observe.RelayQueueSample;
import io.relayharness.observe.RunFolder;
import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.ProgressSnapshot;
import io.relayharness.topology.MailTopology;
import io.relayharness.topology.SinkWorker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Samples a running scenario once a second: the relay's queue ({@code postqueue -j}), the load's
 * counters and every sink's deliveries. Keeps the queue series and per-second rates for the run
 * folder and feeds the live progress line. A sample that cannot be taken (a restarting relay, a
 * killed sink) keeps the last value. Queue samples are also appended to the run folder's {@code
 * queue.jsonl} as they are taken, so a run killed part way leaves them behind. Thread-safe.
 */
final class RunSampler implements AutoCloseable {

  private static final long PERIOD_MS = 1000;

  private final MailTopology topology;
  private final ProgressListener progress;
  private final Supplier<String> currentFault;
  private final long startEpochMs;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "relay-harness-sampler");
            t.setDaemon(true);
            return t;
          });
  private final List<QueueSample> queue = new ArrayList<>();
  private final List<RateSample> rates = new ArrayList<>();
  private final Map<String, Long> delivered = new LinkedHashMap<>();
  private volatile LoadCounters load;
  private volatile String phase = "starting";
  private LoadCounters.Snapshot lastLoad = new LoadCounters.Snapshot(0, 0, 0, 0);
  private Map<String, Long> lastDelivered = Map.of();
  private volatile int queueDepth;
  private final JsonLinesAppender queueFile;
  private final JsonLinesAppender relayQueueFile;
  private final List<RelayQueueSample> relayQueues = new ArrayList<>();
  private final Map<String, Integer> relayDepth = new java.util.concurrent.ConcurrentHashMap<>();

  RunSampler(
      MailTopology topology,
      ProgressListener progress,
      Supplier<String> currentFault,
      java.nio.file.Path runDir) {
    this.queueFile = new JsonLinesAppender(runDir.resolve(RunFolder.QUEUE));
    this.relayQueueFile = new JsonLinesAppender(runDir.resolve(RunFolder.RELAY_QUEUES));
    this.topology = topology;
    this.progress = progress;
    this.currentFault = currentFault;
    this.startEpochMs = System.currentTimeMillis();
    topology.sinks().forEach(s -> delivered.put(s.name(), 0L));
  }

  void start() {
    timer.scheduleAtFixedRate(this::sampleQuietly, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  void load(LoadCounters counters) {
    this.load = counters;
  }

  void phase(String name) {
    this.phase = name;
    report();
  }

  /** The last sampled number of messages in the relay's queue. */
  int queueDepth() {
    return queueDepth;
  }

  synchronized List<QueueSample> queueSamples() {
    return List.copyOf(queue);
  }

  synchronized List<RateSample> rateSamples() {
    return List.copyOf(rates);
  }

  synchronized List<RelayQueueSample> relayQueueSamples() {
    return List.copyOf(relayQueues);
  }

  /**
   * Takes one queue sample now, of the relay the load goes to and of every relay of a tier, and
   * returns the total depth (for the drain wait). A relay that cannot be asked (killed, paused)
   * keeps its last depth.
   */
  int sampleQueueNow() {
    int entry = sampleEntryQueue();
    int tier = 0;
    for (var r : topology.tierRelays()) {
      if (r == topology.relay()) {
        continue;
      }
      try {
        QueueSample q = PostqueueJson.sample(r.queueJson(), System.currentTimeMillis());
        RelayQueueSample s = new RelayQueueSample(q.epochMs(), r.name(), q.total());
        synchronized (this) {
          relayQueues.add(s);
        }
        relayQueueFile.append(s);
        relayDepth.put(r.name(), q.total());
      } catch (RuntimeException e) {
        // killed or paused relay: keep its last depth
      }
      tier += relayDepth.getOrDefault(r.name(), 0);
    }
    return entry + tier;
  }

  private int sampleEntryQueue() {
    try {
      QueueSample s =
          PostqueueJson.sample(topology.relay().queueJson(), System.currentTimeMillis());
      synchronized (this) {
        queue.add(s);
      }
      queueFile.append(s);
      queueDepth = s.total();
    } catch (RuntimeException e) {
      // relay restarting: keep the last depth
    }
    return queueDepth;
  }

  private void sampleQuietly() {
    try {
      sample();
    } catch (RuntimeException e) {
      // a sample is best effort; the next one comes in a second
    }
  }

  private void sample() {
    long now = System.currentTimeMillis();
    sampleQueueNow();
    for (SinkWorker sink : topology.sinks()) {
      try {
        Map<String, Object> c = sink.client().counters();
        long total = number(c.get("accepted")) + number(c.get("ledgerRecordsAtStart"));
        delivered.put(sink.name(), Math.max(total, delivered.getOrDefault(sink.name(), 0L)));
      } catch (RuntimeException e) {
        // killed or paused sink: keep its last count
      }
    }
    LoadCounters counters = load;
    LoadCounters.Snapshot snap = counters == null ? lastLoad : counters.snapshot();
    Map<String, Long> deliveredNow = Map.copyOf(delivered);
    Map<String, Long> deliveredDelta = new LinkedHashMap<>();
    deliveredNow.forEach((w, n) -> deliveredDelta.put(w, n - lastDelivered.getOrDefault(w, 0L)));
    synchronized (this) {
      rates.add(
          new RateSample(
              now,
              snap.sent() - lastLoad.sent(),
              snap.accepted() - lastLoad.accepted(),
              snap.rejected() - lastLoad.rejected(),
              snap.failed() - lastLoad.failed(),
              deliveredDelta));
    }
    lastLoad = snap;
    lastDelivered = deliveredNow;
    report();
  }

  private void report() {
    LoadCounters.Snapshot snap = lastLoad;
    progress.onProgress(
        new ProgressSnapshot(
            phase,
            System.currentTimeMillis() - startEpochMs,
            snap.sent(),
            snap.accepted(),
            snap.rejected(),
            snap.failed(),
            Map.copyOf(delivered),
            queueDepth,
            currentFault.get()));
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queueFile.close();
    relayQueueFile.close();
  }
}
