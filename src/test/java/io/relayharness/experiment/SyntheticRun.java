package io.relayharness.experiment;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.Fixtures;
import io.relayharness.observe.QueueSample;
import io.relayharness.observe.RunFolder;
import io.relayharness.observe.RunInfo;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.VerdictResult;
import io.relayharness.verdict.VerdictResults;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small synthetic run folder with observe's typed records and {@link RunFolder}'s writers:
 * {@code messages} accepted one every 10 ms from {@link Fixtures#T0}, message i reaching worker i
 * mod 3 after {@code e2eMs + i} ms (so e2e percentiles are known), the first {@code lost} ones
 * never arriving and the next {@code duplicated} ones arriving twice, a worker1 outage from 0.2 s
 * to 0.5 s, queue samples every 100 ms that empty {@code drainMs} after the outage ended, and
 * verdicts (loss, evenness, retryTiming). Not thread-safe.
 */
final class SyntheticRun {

  int messages = 100;
  long e2eMs = 200;
  int lost;
  int duplicated;
  long drainMs = 700;
  boolean drains = true;
  int queuePeak = 40;
  boolean lossPassed = true;
  double retryP95Ms = 350;
  String variant = "mx-roundrobin";
  Map<String, String> relaySettings = new LinkedHashMap<>(Map.of("maximal_backoff_time", "20s"));

  /** The relay tier the run had, or null for one relay. */
  io.relayharness.observe.TierObservations tiers;

  static final long OUTAGE_END = Fixtures.T0 + 500;

  /** Writes the folder under {@code reportsRoot/<scenario>/} and returns it. */
  RunFolder write(Path reportsRoot, String scenario, Instant at) {
    RunFolder folder = RunFolder.create(reportsRoot, scenario, at);
    long t0 = Fixtures.T0;
    List<AcceptedMail> accepted = new ArrayList<>();
    List<SinkArrival> arrivals = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      String id = "h" + i;
      String qid = "Q" + i;
      long acceptAt = t0 + 10L * i;
      accepted.add(Fixtures.accepted(id, qid, acceptAt));
      if (i < lost) {
        continue;
      }
      String worker = "worker" + (i % 3);
      arrivals.add(Fixtures.arrival(id, worker, qid, acceptAt + e2eMs + i));
      if (i < lost + duplicated) {
        arrivals.add(Fixtures.arrival(id, "worker" + ((i + 1) % 3), qid, acceptAt + e2eMs + i + 5));
      }
    }
    List<QueueSample> queue = new ArrayList<>();
    long emptyAt = drains ? OUTAGE_END + drainMs : Long.MAX_VALUE;
    for (long t = t0; t <= OUTAGE_END + drainMs + 1000; t += 100) {
      int depth = t >= emptyAt ? 0 : (t < t0 + 300 ? queuePeak : Math.max(1, queuePeak / 2));
      queue.add(new QueueSample(t, 0, depth, 0, 0, depth, 0));
    }
    RunObservations obs =
        RunObservations.builder()
            .run(t0 - 5000, t0 + 10_000)
            .accepted(accepted)
            .arrivals(arrivals)
            .queueSamples(queue)
            .faults(
                List.of(new FaultEvent(t0 + 200, OUTAGE_END, "proxy-down", "worker1", "", "down")))
            .tiers(tiers)
            .build();
    folder.writeObservations(obs);
    folder.writeRunInfo(
        new RunInfo(
            scenario,
            "synthetic",
            variant,
            t0 - 5000,
            t0 + 10_000,
            lossPassed,
            relaySettings,
            Map.of("maximal_backoff_time", "4000s"),
            null,
            null));
    VerdictResults.write(
        folder,
        List.of(
            new VerdictResult("loss", lossPassed, "synthetic", Map.of("lost", (double) lost), null),
            new VerdictResult("evenness", true, "synthetic", Map.of(), null),
            new VerdictResult(
                "retryTiming",
                true,
                "synthetic",
                Map.of("latenessP50Ms", 120.0, "latenessP95Ms", retryP95Ms),
                null)));
    return folder;
  }
}
