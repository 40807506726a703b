package io.relayharness.report;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.QueueSample;
import io.relayharness.observe.RateSample;
import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunFolder;
import io.relayharness.observe.RunInfo;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.Table;
import io.relayharness.verdict.VerdictResult;
import io.relayharness.verdict.VerdictResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Writes a realistic synthetic run folder (every file of reports/README.md "Run folder") through
 * observe's and the verdicts' writers, from typed records, the per-message timeline joined by
 * observe as in a real run: the harness starts {@link Spec#leadInMs()} before the first message
 * (building images, starting containers: the queue sampler and rates.jsonl already run), then a few
 * hundred messages over a minute, a single-worker outage, an all-workers outage whose mail is
 * deferred and retried on Postfix's backoff ladder (0, 7, 17, 37 s), a relay restart marker, and an
 * exact split of first arrivals over three workers. Deterministic for a given spec. Not
 * thread-safe.
 */
final class SyntheticRunFolder {

  /** Worker names, as in the topology. */
  static final List<String> WORKERS = List.of("worker0", "worker1", "worker2");

  /**
   * Seconds since the first injected message (the chart origin) of the single-worker outage
   * (worker1 proxy down). Every time below counts from there too.
   */
  static final double WORKER1_DOWN_FROM_SEC = 6;

  static final double WORKER1_DOWN_TO_SEC = 12;

  /** How long applying the all-down fault took, and how long before its end its undo began. */
  static final double ALL_DOWN_APPLY_SEC = 0.5;

  static final double ALL_DOWN_UNDO_SEC = 1;

  /** Seconds since the first message of the all-workers outage. */
  static final double ALL_DOWN_FROM_SEC = 20;

  static final double ALL_DOWN_TO_SEC = 40;

  /** The relay restart (instantaneous) at this second. */
  static final double RELAY_RESTART_SEC = 45;

  private static final long[] RETRY_AGES_MS = {0, 7_000, 17_000, 37_000, 57_000, 77_000};

  /**
   * What to generate.
   *
   * @param scenario the scenario name
   * @param variant the config variant label
   * @param startEpochMs the run's start (the harness's, run.json's startEpochMs)
   * @param split first arrivals per worker (worker0, worker1, worker2); their sum is the message
   *     count
   * @param cacheOnDemand the relay's smtp_connection_cache_on_demand
   * @param duplicates how many messages arrive a second time at another worker
   * @param seed the random seed
   * @param leadInMs how long after the start the first message's transaction starts
   */
  record Spec(
      String scenario,
      String variant,
      long startEpochMs,
      int[] split,
      boolean cacheOnDemand,
      int duplicates,
      long seed,
      long leadInMs) {

    /** This spec with the first message {@code ms} after the start. */
    Spec withLeadIn(long ms) {
      return new Spec(scenario, variant, startEpochMs, split, cacheOnDemand, duplicates, seed, ms);
    }

    /** When the first message's transaction starts: t = 0 on the charts. */
    long firstMessageEpochMs() {
      return startEpochMs + leadInMs;
    }
  }

  /**
   * The uneven run of the connection-caching-skew scenario: 40/193/67 with caching on demand; the
   * first message 55 s after the harness started.
   */
  static Spec uneven() {
    return new Spec(
        "connection-caching-skew",
        "cache-on-demand",
        1_795_000_000_000L,
        new int[] {40, 193, 67},
        true,
        2,
        7,
        55_000);
  }

  /**
   * The even run of the same scenario: 100/100/100 with caching on demand off; the first message
   * 12.5 s after the harness started (images were cached).
   */
  static Spec even() {
    return new Spec(
        "connection-caching-skew",
        "no-connection-cache",
        1_795_000_600_000L,
        new int[] {100, 100, 100},
        false,
        0,
        11,
        12_500);
  }

  private record Attempt(long epochMs, String worker, String status) {}

  private record Message(
      int index,
      String harnessId,
      String messageId,
      String queueId,
      String bodyHash,
      long acceptEpochMs,
      List<Attempt> attempts,
      List<SinkArrival> arrivals) {}

  private final Spec spec;
  private final Random random;

  /** The harness's start (run.json). */
  private final long harnessStart;

  /** The first message's transaction start: every time of the load and faults counts from it. */
  private final long start;

  private final long end;

  private SyntheticRunFolder(Spec spec) {
    this.spec = spec;
    this.random = new Random(spec.seed());
    this.harnessStart = spec.startEpochMs();
    this.start = spec.firstMessageEpochMs();
    this.end = start + 80_000;
  }

  /** Writes the run folder for {@code spec} into {@code dir} (created) and returns {@code dir}. */
  static Path write(Path dir, Spec spec) {
    try {
      Files.createDirectories(dir);
      new SyntheticRunFolder(spec).writeAll(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeAll(Path dir) throws IOException {
    List<Message> messages = messages();
    RunFolder folder = RunFolder.open(dir);
    List<SinkArrival> arrivals =
        messages.stream()
            .flatMap(m -> m.arrivals().stream())
            .sorted(Comparator.comparingLong(SinkArrival::arrivalEpochMs))
            .toList();
    // Every observation file through observe's writers, the per-message timelines joined by
    // observe itself: a change to a record or to the join shows in the report tests.
    folder.writeObservations(
        RunObservations.builder()
            .run(harnessStart, end)
            .accepted(accepted(messages))
            .arrivals(arrivals)
            .attempts(attempts(messages))
            .warnings(warnings(messages))
            .queueSamples(queue(messages))
            .faults(faults())
            .rates(rates(messages))
            .build());
    VerdictResults.write(folder, verdicts(messages));
    folder.writeScenarioYaml(scenarioYaml());
    folder.writeText(RunFolder.RELAY_LOG, relayLog(messages));
    String gatling = "gatling/smtpsimulation-" + spec.startEpochMs() + "/index.html";
    Files.createDirectories(dir.resolve(gatling).getParent());
    Files.writeString(
        dir.resolve(gatling), "<!DOCTYPE html><title>Gatling</title><p>Gatling report</p>");
    folder.writeRunInfo(runInfo(gatling));
  }

  private List<Message> messages() {
    int n = 0;
    for (int c : spec.split()) {
      n += c;
    }
    int[] quota = spec.split().clone();
    List<Message> out = new ArrayList<>();
    double gapMs = 58_000.0 / n;
    for (int i = 0; i < n; i++) {
      int jitter = random.nextInt(40);
      // the first transaction starts exactly at `start` (it takes 6 ms, see accepted())
      long accept = start + 6 + Math.round(i * gapMs) + (i == 0 ? 0 : jitter);
      List<Attempt> attempts = new ArrayList<>();
      long sentAt;
      if (within(accept, ALL_DOWN_FROM_SEC, ALL_DOWN_TO_SEC)) {
        int k = 0;
        long at = accept + 20 + random.nextInt(30);
        while (at < start + (long) (ALL_DOWN_TO_SEC * 1000)) {
          attempts.add(new Attempt(at, WORKERS.get((i + k) % 3), "deferred"));
          k++;
          // next try: the backoff ladder, picked up at the next queue scan (up to 1 s later)
          at = accept + RETRY_AGES_MS[Math.min(k, RETRY_AGES_MS.length - 1)] + random.nextInt(900);
        }
        sentAt = at;
      } else {
        sentAt = accept + 15 + (long) Math.exp(3 + random.nextGaussian() * 0.6);
      }
      String worker = pickWorker(quota, sentAt);
      attempts.add(new Attempt(sentAt, worker, "sent"));
      String harnessId = String.format(Locale.ROOT, "h-%06d", i);
      String body = sha(i);
      String queueId = queueId();
      List<SinkArrival> arrivals = new ArrayList<>();
      arrivals.add(arrival(worker, harnessId, queueId, body, sentAt - 4));
      out.add(
          new Message(
              i,
              harnessId,
              "<" + harnessId + "@load.example.com>",
              queueId,
              body,
              accept,
              attempts,
              arrivals));
    }
    for (int d = 0; d < spec.duplicates(); d++) {
      Message m = out.get(37 + d * 91);
      SinkArrival first = m.arrivals().get(0);
      String other = WORKERS.get((WORKERS.indexOf(first.worker()) + 1) % 3);
      m.arrivals()
          .add(
              arrival(
                  other, m.harnessId(), m.queueId(), m.bodyHash(), first.arrivalEpochMs() + 7_050));
    }
    return out;
  }

  /** A worker that is up at {@code epochMs}, weighted by the first arrivals it still has to get. */
  private String pickWorker(int[] quota, long epochMs) {
    int total = 0;
    for (int w = 0; w < 3; w++) {
      total += up(w, epochMs) ? quota[w] : 0;
    }
    if (total == 0) {
      for (int w = 0; w < 3; w++) {
        total += quota[w];
      }
    }
    int r = random.nextInt(total);
    for (int w = 0; w < 3; w++) {
      int q = up(w, epochMs) || totalUp(quota, epochMs) == 0 ? quota[w] : 0;
      if (r < q) {
        quota[w]--;
        return WORKERS.get(w);
      }
      r -= q;
    }
    throw new IllegalStateException("no quota left");
  }

  private int totalUp(int[] quota, long epochMs) {
    int t = 0;
    for (int w = 0; w < 3; w++) {
      t += up(w, epochMs) ? quota[w] : 0;
    }
    return t;
  }

  private boolean up(int worker, long epochMs) {
    return !(worker == 1 && within(epochMs, WORKER1_DOWN_FROM_SEC, WORKER1_DOWN_TO_SEC));
  }

  private boolean within(long epochMs, double fromSec, double toSec) {
    return epochMs >= start + fromSec * 1000 && epochMs < start + toSec * 1000;
  }

  private SinkArrival arrival(
      String worker, String harnessId, String queueId, String body, long epochMs) {
    return new SinkArrival(
        worker,
        worker + "-s" + random.nextInt(1000),
        "<" + harnessId + "@load.example.com>",
        harnessId,
        queueId,
        "load@load.example.com",
        List.of("user@archive.example.com"),
        5_120,
        body,
        body,
        epochMs);
  }

  private List<AcceptedMail> accepted(List<Message> messages) {
    List<AcceptedMail> out = new ArrayList<>();
    for (Message m : messages) {
      out.add(
          new AcceptedMail(
              m.harnessId(),
              m.messageId(),
              "load@load.example.com",
              List.of("user@archive.example.com"),
              5_120,
              m.bodyHash(),
              AcceptedMail.Outcome.ACCEPTED,
              250,
              "2.0.0 Ok: queued as " + m.queueId(),
              m.queueId(),
              m.acceptEpochMs() - 6,
              m.acceptEpochMs()));
    }
    return out;
  }

  private DeliveryAttempt attempt(Message m, Attempt a) {
    int w = WORKERS.indexOf(a.worker());
    String relay = a.worker() + ".int.example.com[127.0.1.1" + w + "]:2525";
    boolean sent = a.status().equals(DeliveryAttempt.SENT);
    double delay = (a.epochMs() - m.acceptEpochMs()) / 1000.0;
    return new DeliveryAttempt(
        a.epochMs(),
        m.queueId(),
        "user@archive.example.com",
        relay,
        a.worker(),
        sent ? "2.0.0" : "4.4.1",
        a.status(),
        Math.round(delay * 100) / 100.0,
        String.format(Locale.ROOT, "0.01/%.2f/0.01/0.01", Math.max(0, delay - 0.03)),
        sent
            ? "250 2.0.0 Ok: queued as " + a.worker().toUpperCase(Locale.ROOT) + m.index()
            : "connect to " + relay + ": Connection refused");
  }

  private List<DeliveryAttempt> attempts(List<Message> messages) {
    List<DeliveryAttempt> all = new ArrayList<>();
    for (Message m : messages) {
      m.attempts().forEach(a -> all.add(attempt(m, a)));
    }
    all.sort(Comparator.comparingLong(DeliveryAttempt::epochMs));
    return all;
  }

  private List<RelayWarning> warnings(List<Message> messages) {
    List<RelayWarning> out = new ArrayList<>();
    for (Message m : messages) {
      if (m.arrivals().size() > 1) {
        out.add(
            new RelayWarning(
                m.arrivals().get(0).arrivalEpochMs() + 5,
                m.queueId(),
                RelayWarning.MAY_BE_SENT_MORE_THAN_ONCE,
                m.queueId()
                    + ": to=<user@archive.example.com>, message may be sent more than once"));
      }
    }
    return out;
  }

  private List<QueueSample> queue(List<Message> messages) {
    List<QueueSample> out = new ArrayList<>();
    for (long t = harnessStart; t <= end; t += 1_000) {
      int active = 0;
      int deferred = 0;
      double oldest = 0;
      for (Message m : messages) {
        long sent = m.attempts().get(m.attempts().size() - 1).epochMs();
        if (m.acceptEpochMs() <= t && t < sent) {
          long tt = t;
          boolean wasDeferred =
              m.attempts().stream()
                  .anyMatch(a -> a.status().equals("deferred") && a.epochMs() <= tt);
          if (wasDeferred) {
            deferred++;
          } else {
            active++;
          }
          oldest = Math.max(oldest, (t - m.acceptEpochMs()) / 1000.0);
        }
      }
      out.add(new QueueSample(t, 0, active, deferred, 0, active + deferred, Math.round(oldest)));
    }
    return out;
  }

  private List<FaultEvent> faults() {
    return List.of(
        fault(WORKER1_DOWN_FROM_SEC, WORKER1_DOWN_TO_SEC, "proxy-down", "worker1", "refuse"),
        fault(ALL_DOWN_FROM_SEC, ALL_DOWN_TO_SEC, "proxy-down", "all workers", "step all-down")
            .withEffect(
                start + (long) ((ALL_DOWN_FROM_SEC + ALL_DOWN_APPLY_SEC) * 1000),
                start + (long) ((ALL_DOWN_TO_SEC - ALL_DOWN_UNDO_SEC) * 1000)),
        fault(RELAY_RESTART_SEC, null, "relay-restart", "relay", "postfix reload"));
  }

  private FaultEvent fault(
      double fromSec, Double toSec, String action, String target, String detail) {
    return new FaultEvent(
        start + (long) (fromSec * 1000),
        toSec == null ? null : start + (long) (toSec * 1000),
        action,
        target,
        detail);
  }

  private List<RateSample> rates(List<Message> messages) {
    List<RateSample> out = new ArrayList<>();
    // sampled counters, from the harness start on (the file the charts no longer use)
    for (long t = harnessStart; t < end; t += 1_000) {
      long from = t;
      long to = t + 1_000;
      long offered =
          messages.stream()
              .filter(m -> m.acceptEpochMs() >= from && m.acceptEpochMs() < to)
              .count();
      Map<String, Long> delivered = new LinkedHashMap<>();
      for (String w : WORKERS) {
        delivered.put(
            w,
            messages.stream()
                .flatMap(m -> m.arrivals().stream())
                .filter(
                    a ->
                        a.worker().equals(w)
                            && a.arrivalEpochMs() >= from
                            && a.arrivalEpochMs() < to)
                .count());
      }
      out.add(new RateSample(t, offered, offered, 0, 0, delivered));
    }
    return out;
  }

  private List<VerdictResult> verdicts(List<Message> messages) {
    List<VerdictResult> out = new ArrayList<>();
    int n = messages.size();
    out.add(
        verdict("loss", true, "0 of " + n + " accepted messages lost", "accepted", n, "lost", 0));
    List<Message> duplicated = messages.stream().filter(m -> m.arrivals().size() > 1).toList();
    List<Table> dupTables = new ArrayList<>();
    if (!duplicated.isEmpty()) {
      Table.Builder t = Table.builder("Duplicated messages", "harnessId", "queueId", "workers");
      duplicated.forEach(
          m ->
              t.row(
                  m.harnessId(),
                  m.queueId(),
                  String.join(", ", m.arrivals().stream().map(SinkArrival::worker).toList())));
      dupTables.add(t.build());
    }
    out.add(
        new VerdictResult(
            "duplicates",
            true,
            duplicated.size() + " duplicates, all explained by relay warnings",
            figures("total", duplicated.size(), "unexplained", 0),
            dupTables));
    out.add(verdict("integrity", true, "every body hash matches", "mismatched", 0));
    double expected = n / 3.0;
    double chi = 0;
    double maxDev = 0;
    for (int c : spec.split()) {
      chi += (c - expected) * (c - expected) / expected;
      maxDev = Math.max(maxDev, Math.abs(c - expected) / expected);
    }
    double p = Math.exp(-chi / 2); // chi-square survival function, 2 degrees of freedom
    boolean even = p >= 0.001 && maxDev <= 0.25;
    Table.Builder split =
        Table.builder("First arrivals per worker", "worker", "messages", "expected", "share");
    for (int w = 0; w < 3; w++) {
      split.row(
          WORKERS.get(w),
          spec.split()[w],
          Math.round(expected * 10) / 10.0,
          Math.round(spec.split()[w] * 1000.0 / n) / 1000.0);
    }
    out.add(
        new VerdictResult(
            "evenness",
            even,
            String.format(
                Locale.ROOT,
                "split %d/%d/%d, max deviation %.0f %% (limit 25 %%), p = %.2g",
                spec.split()[0],
                spec.split()[1],
                spec.split()[2],
                maxDev * 100,
                p),
            figures(
                "chiSquare",
                Math.round(chi * 100) / 100.0,
                "pValue",
                p,
                "maxRelativeDeviation",
                Math.round(maxDev * 1000) / 1000.0),
            List.of(split.build())));
    out.add(
        verdict(
            "queueing",
            true,
            "queue peaked during all-down and drained in 4 s",
            "peak",
            61,
            "drainSeconds",
            4));
    out.add(
        verdict(
            "retryTiming",
            true,
            "retries at 7 s and 17 s ages, within ±2500 ms",
            "gaps",
            2,
            "maxErrorMs",
            940));
    out.add(
        verdict("slo", true, "accepted 5.1 msg/s, p95 12 ms", "acceptedRate", 5.1, "p95Ms", 12));
    return out;
  }

  /** A verdict without tables; {@code figures} alternate name and value. */
  private static VerdictResult verdict(
      String name, boolean passed, String summary, Object... figures) {
    return new VerdictResult(name, passed, summary, figures(figures), List.of());
  }

  private static Map<String, Double> figures(Object... nameValue) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      out.put((String) nameValue[i], ((Number) nameValue[i + 1]).doubleValue());
    }
    return out;
  }

  private RunInfo runInfo(String gatling) {
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> defaults = new LinkedHashMap<>();
    BiConsumer<String, String[]> setting =
        (name, valueAndDefault) -> {
          settings.put(name, valueAndDefault[0]);
          defaults.put(name, valueAndDefault[1]);
        };
    setting.accept("compatibility_level", new String[] {"3.6", "0"});
    setting.accept("enable_long_queue_ids", new String[] {"yes", "no"});
    setting.accept("inet_interfaces", new String[] {"127.0.0.1, 172.28.0.2", "all"});
    setting.accept("maillog_file", new String[] {"/dev/stdout", ""});
    setting.accept("maximal_backoff_time", new String[] {"20s", "4000s"});
    setting.accept("minimal_backoff_time", new String[] {"5s", "300s"});
    setting.accept(
        "mydestination", new String[] {"", "$myhostname, localhost.$mydomain, localhost"});
    setting.accept("myhostname", new String[] {"relay.example.com", "localhost"});
    setting.accept(
        "mynetworks", new String[] {"127.0.0.0/8, 172.28.0.0/16", "127.0.0.0/8 [::1]/128"});
    setting.accept("queue_run_delay", new String[] {"5s", "300s"});
    setting.accept("relay_domains", new String[] {"archive.example.com", ""});
    setting.accept(
        "smtp_connection_cache_on_demand",
        new String[] {spec.cacheOnDemand() ? "yes" : "no", "yes"});
    setting.accept("smtp_tls_security_level", new String[] {"", ""});
    setting.accept(
        "transport_maps",
        new String[] {"inline:{archive.example.com=relay:workers.int.example.com:2525}", ""});
    return new RunInfo(
        spec.scenario(),
        "Equal-preference MX over three workers under a burst, with a worker outage and an"
            + " all-workers outage: does connection caching skew the split?",
        spec.variant(),
        harnessStart,
        end,
        spec.split()[0] == spec.split()[1] && spec.split()[1] == spec.split()[2],
        settings,
        defaults,
        gatling,
        null);
  }

  private String scenarioYaml() {
    return String.join(
        "\n",
        "name: " + spec.scenario(),
        "description: Equal-preference MX under a burst; does connection caching skew the split?",
        "relay:",
        "  variant: " + spec.variant(),
        "  settings:",
        "    smtp_connection_cache_on_demand: \"" + (spec.cacheOnDemand() ? "yes" : "no") + "\"",
        "    minimal_backoff_time: 5s",
        "    maximal_backoff_time: 20s",
        "    queue_run_delay: 5s",
        "load:",
        "  ratePerSec: 5",
        "  durationSec: 60",
        "  sizeBytes: 5120",
        "timeline:",
        "  - { at: 6s, action: proxy-down, target: worker1, for: 6s }",
        "  - { at: 20s, name: all-down, action: proxy-down, target: all, for: 20s }",
        "  - { at: 45s, action: relay-restart }",
        "expect:",
        "  loss: { maxLost: 0 }",
        "  evenness: { maxRelativeDeviation: 0.25, minPValue: 0.001 }",
        "  queueing: { during: all-down, minPeak: 1, maxDrainSeconds: 60 }",
        "");
  }

  private String relayLog(List<Message> messages) {
    StringBuilder b = new StringBuilder();
    for (Message m : messages.subList(0, Math.min(20, messages.size()))) {
      b.append(Instant.ofEpochMilli(m.acceptEpochMs()))
          .append(" relay postfix/smtpd[101]: ")
          .append(m.queueId())
          .append(": client=load[172.28.0.9]\n");
    }
    return b.toString();
  }

  private String queueId() {
    String alphabet = "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz";
    StringBuilder b = new StringBuilder("4d");
    for (int i = 0; i < 11; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static String sha(int i) {
    return String.format(Locale.ROOT, "%064x", (long) i * 2_654_435_761L);
  }
}
