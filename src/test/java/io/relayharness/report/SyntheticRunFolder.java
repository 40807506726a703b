package io.relayharness.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.JsonLines;
import io.relayharness.ledger.SinkArrival;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a realistic synthetic run folder (every file of reports/README.md "Run folder"): the
 * harness starts {@link Spec#leadInMs()} before the first message (building images, starting
 * containers: the queue sampler and rates.jsonl already run), then a few hundred messages over a
 * minute, a single-worker outage, an all-workers outage whose mail is deferred and retried on
 * Postfix's backoff ladder (0, 7, 17, 37 s), a relay restart marker, and an exact split of first
 * arrivals over three workers. Deterministic for a given spec. Not thread-safe.
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
      String bodySha256,
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
    writeLines(dir.resolve("accepted.jsonl"), accepted(messages));
    List<String> arrivalLines = new ArrayList<>();
    messages.stream()
        .flatMap(m -> m.arrivals().stream())
        .sorted((a, b) -> Long.compare(a.arrivalEpochMs(), b.arrivalEpochMs()))
        .forEach(a -> arrivalLines.add(JsonLines.toLine(a)));
    writeLines(dir.resolve("arrivals.jsonl"), arrivalLines);
    writeLines(dir.resolve("attempts.jsonl"), attempts(messages));
    writeLines(dir.resolve("warnings.jsonl"), warnings(messages));
    writeLines(dir.resolve("queue.jsonl"), queue(messages));
    writeLines(dir.resolve("faults.jsonl"), faults());
    writeLines(dir.resolve("rates.jsonl"), rates(messages));
    writeLines(dir.resolve("timeline.jsonl"), timeline(messages));
    Files.writeString(dir.resolve("verdicts.json"), JsonLines.toLine(verdicts(messages)));
    Files.writeString(dir.resolve("scenario.yaml"), scenarioYaml());
    Files.writeString(dir.resolve("relay.log"), relayLog(messages));
    String gatling = "gatling/smtpsimulation-" + spec.startEpochMs() + "/index.html";
    Files.createDirectories(dir.resolve(gatling).getParent());
    Files.writeString(
        dir.resolve(gatling), "<!DOCTYPE html><title>Gatling</title><p>Gatling report</p>");
    Files.writeString(dir.resolve("run.json"), JsonLines.toLine(runJson(messages, gatling)));
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
                  other,
                  m.harnessId(),
                  m.queueId(),
                  m.bodySha256(),
                  first.arrivalEpochMs() + 7_050));
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

  private List<String> accepted(List<Message> messages) {
    List<String> out = new ArrayList<>();
    for (Message m : messages) {
      out.add(
          JsonLines.toLine(
              new AcceptedMail(
                  m.harnessId(),
                  m.messageId(),
                  "load@load.example.com",
                  List.of("user@archive.example.com"),
                  5_120,
                  m.bodySha256(),
                  AcceptedMail.Outcome.ACCEPTED,
                  250,
                  "2.0.0 Ok: queued as " + m.queueId(),
                  m.queueId(),
                  m.acceptEpochMs() - 6,
                  m.acceptEpochMs())));
    }
    return out;
  }

  private ObjectNode attemptJson(Message m, Attempt a) {
    ObjectNode o = JsonLines.MAPPER.createObjectNode();
    o.put("epochMs", a.epochMs());
    o.put("queueId", m.queueId());
    o.put("recipient", "user@archive.example.com");
    int w = WORKERS.indexOf(a.worker());
    String relay = a.worker() + ".int.example.com[127.0.1.1" + w + "]:2525";
    boolean sent = a.status().equals("sent");
    o.put("relay", relay);
    o.put("worker", a.worker());
    o.put("dsn", sent ? "2.0.0" : "4.4.1");
    o.put("status", a.status());
    double delay = (a.epochMs() - m.acceptEpochMs()) / 1000.0;
    o.put("delaySeconds", Math.round(delay * 100) / 100.0);
    o.put("delays", String.format(Locale.ROOT, "0.01/%.2f/0.01/0.01", Math.max(0, delay - 0.03)));
    o.put(
        "detail",
        sent
            ? "250 2.0.0 Ok: queued as " + a.worker().toUpperCase(Locale.ROOT) + m.index()
            : "connect to " + relay.replace("]:", "]:") + ": Connection refused");
    return o;
  }

  private List<String> attempts(List<Message> messages) {
    List<ObjectNode> all = new ArrayList<>();
    for (Message m : messages) {
      m.attempts().forEach(a -> all.add(attemptJson(m, a)));
    }
    all.sort((a, b) -> Long.compare(a.get("epochMs").asLong(), b.get("epochMs").asLong()));
    return all.stream().map(JsonLines::toLine).toList();
  }

  private List<String> warnings(List<Message> messages) {
    List<String> out = new ArrayList<>();
    for (Message m : messages) {
      if (m.arrivals().size() > 1) {
        ObjectNode o = JsonLines.MAPPER.createObjectNode();
        o.put("epochMs", m.arrivals().get(0).arrivalEpochMs() + 5);
        o.put("queueId", m.queueId());
        o.put("kind", "may-be-sent-more-than-once");
        o.put(
            "line",
            m.queueId() + ": to=<user@archive.example.com>, message may be sent more than once");
        out.add(JsonLines.toLine(o));
      }
    }
    return out;
  }

  private List<String> queue(List<Message> messages) {
    List<String> out = new ArrayList<>();
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
      ObjectNode o = JsonLines.MAPPER.createObjectNode();
      o.put("epochMs", t);
      o.put("incoming", 0);
      o.put("active", active);
      o.put("deferred", deferred);
      o.put("hold", 0);
      o.put("total", active + deferred);
      o.put("oldestAgeSeconds", Math.round(oldest * 10) / 10.0);
      out.add(JsonLines.toLine(o));
    }
    return out;
  }

  private List<String> faults() {
    List<String> out = new ArrayList<>();
    out.add(fault(WORKER1_DOWN_FROM_SEC, WORKER1_DOWN_TO_SEC, "proxy-down", "worker1", "refuse"));
    out.add(
        fault(ALL_DOWN_FROM_SEC, ALL_DOWN_TO_SEC, "proxy-down", "all workers", "step all-down"));
    out.add(fault(RELAY_RESTART_SEC, null, "relay-restart", "relay", "postfix reload"));
    return out;
  }

  private String fault(double fromSec, Double toSec, String action, String target, String detail) {
    ObjectNode o = JsonLines.MAPPER.createObjectNode();
    o.put("startEpochMs", start + (long) (fromSec * 1000));
    if (toSec == null) {
      o.putNull("endEpochMs");
    } else {
      o.put("endEpochMs", start + (long) (toSec * 1000));
    }
    o.put("action", action);
    o.put("target", target);
    o.put("detail", detail);
    return JsonLines.toLine(o);
  }

  private List<String> rates(List<Message> messages) {
    List<String> out = new ArrayList<>();
    // sampled counters, from the harness start on (the file the charts no longer use)
    for (long t = harnessStart; t < end; t += 1_000) {
      long from = t;
      long to = t + 1_000;
      long offered =
          messages.stream()
              .filter(m -> m.acceptEpochMs() >= from && m.acceptEpochMs() < to)
              .count();
      ObjectNode o = JsonLines.MAPPER.createObjectNode();
      o.put("epochMs", t);
      o.put("offered", offered);
      o.put("accepted", offered);
      o.put("rejected", 0);
      o.put("failed", 0);
      ObjectNode delivered = o.putObject("delivered");
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
      out.add(JsonLines.toLine(o));
    }
    return out;
  }

  private List<String> timeline(List<Message> messages) {
    List<String> out = new ArrayList<>();
    for (Message m : messages) {
      ObjectNode o = JsonLines.MAPPER.createObjectNode();
      o.put("harnessId", m.harnessId());
      o.put("messageId", m.messageId());
      o.put("queueId", m.queueId());
      o.put("acceptEpochMs", m.acceptEpochMs());
      o.put("outcome", "ACCEPTED");
      ArrayNode attempts = o.putArray("attempts");
      m.attempts().forEach(a -> attempts.add(attemptJson(m, a)));
      ArrayNode arrivals = o.putArray("arrivals");
      for (SinkArrival a : m.arrivals()) {
        arrivals
            .addObject()
            .put("worker", a.worker())
            .put("epochMs", a.arrivalEpochMs())
            .put("bodySha256", a.bodySha256());
      }
      o.put("endToEndMs", m.arrivals().get(0).arrivalEpochMs() - m.acceptEpochMs());
      out.add(JsonLines.toLine(o));
    }
    return out;
  }

  private ArrayNode verdicts(List<Message> messages) {
    ArrayNode out = JsonLines.MAPPER.createArrayNode();
    int n = messages.size();
    verdict(
        out,
        "loss",
        true,
        "0 of " + n + " accepted messages lost",
        Map.of("accepted", n, "lost", 0));
    long dups = messages.stream().filter(m -> m.arrivals().size() > 1).count();
    ObjectNode d =
        verdict(
            out,
            "duplicates",
            true,
            dups + " duplicates, all explained by relay warnings",
            Map.of("total", dups, "unexplained", 0));
    if (dups > 0) {
      ObjectNode t = d.withArray("tables").addObject();
      t.put("title", "Duplicated messages");
      t.putArray("columns").add("harnessId").add("queueId").add("workers");
      ArrayNode rows = t.putArray("rows");
      messages.stream()
          .filter(m -> m.arrivals().size() > 1)
          .forEach(
              m ->
                  rows.addArray()
                      .add(m.harnessId())
                      .add(m.queueId())
                      .add(
                          String.join(
                              ", ", m.arrivals().stream().map(SinkArrival::worker).toList())));
    }
    verdict(out, "integrity", true, "every body hash matches", Map.of("mismatched", 0));
    double expected = n / 3.0;
    double chi = 0;
    double maxDev = 0;
    for (int c : spec.split()) {
      chi += (c - expected) * (c - expected) / expected;
      maxDev = Math.max(maxDev, Math.abs(c - expected) / expected);
    }
    double p = Math.exp(-chi / 2); // chi-square survival function, 2 degrees of freedom
    boolean even = p >= 0.001 && maxDev <= 0.25;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("chiSquare", Math.round(chi * 100) / 100.0);
    figures.put("pValue", p);
    figures.put("maxRelativeDeviation", Math.round(maxDev * 1000) / 1000.0);
    ObjectNode e =
        verdict(
            out,
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
            figures);
    ObjectNode t = e.withArray("tables").addObject();
    t.put("title", "First arrivals per worker");
    t.putArray("columns").add("worker").add("messages").add("expected").add("share");
    ArrayNode rows = t.putArray("rows");
    for (int w = 0; w < 3; w++) {
      rows.addArray()
          .add(WORKERS.get(w))
          .add(spec.split()[w])
          .add(Math.round(expected * 10) / 10.0)
          .add(Math.round(spec.split()[w] * 1000.0 / n) / 1000.0);
    }
    verdict(
        out,
        "queueing",
        true,
        "queue peaked during all-down and drained in 4 s",
        Map.of("peak", 61, "drainSeconds", 4));
    verdict(
        out,
        "retryTiming",
        true,
        "retries at 7 s and 17 s ages, within ±2500 ms",
        Map.of("gaps", 2, "maxErrorMs", 940));
    verdict(
        out,
        "slo",
        true,
        "accepted 5.1 msg/s, p95 12 ms",
        Map.of("acceptedRate", 5.1, "p95Ms", 12));
    return out;
  }

  private static ObjectNode verdict(
      ArrayNode out, String name, boolean passed, String summary, Map<String, ?> figures) {
    ObjectNode v = out.addObject();
    v.put("name", name);
    v.put("passed", passed);
    v.put("summary", summary);
    ObjectNode f = v.putObject("figures");
    new TreeMap<>(figures).forEach((k, val) -> f.set(k, JsonLines.MAPPER.valueToTree(val)));
    v.putArray("tables");
    return v;
  }

  private ObjectNode runJson(List<Message> messages, String gatling) {
    ObjectNode o = JsonLines.MAPPER.createObjectNode();
    o.put("scenario", spec.scenario());
    o.put(
        "description",
        "Equal-preference MX over three workers under a burst, with a worker outage and an"
            + " all-workers outage: does connection caching skew the split?");
    o.put("variant", spec.variant());
    o.put("startEpochMs", harnessStart);
    o.put("endEpochMs", end);
    o.put("passed", spec.split()[0] == spec.split()[1] && spec.split()[1] == spec.split()[2]);
    ObjectNode s = o.putObject("relaySettings");
    ObjectNode d = o.putObject("relayDefaults");
    setting(s, d, "compatibility_level", "3.6", "0");
    setting(s, d, "enable_long_queue_ids", "yes", "no");
    setting(s, d, "inet_interfaces", "127.0.0.1, 172.28.0.2", "all");
    setting(s, d, "maillog_file", "/dev/stdout", "");
    setting(s, d, "maximal_backoff_time", "20s", "4000s");
    setting(s, d, "minimal_backoff_time", "5s", "300s");
    setting(s, d, "mydestination", "", "$myhostname, localhost.$mydomain, localhost");
    setting(s, d, "myhostname", "relay.example.com", "localhost");
    setting(s, d, "mynetworks", "127.0.0.0/8, 172.28.0.0/16", "127.0.0.0/8 [::1]/128");
    setting(s, d, "queue_run_delay", "5s", "300s");
    setting(s, d, "relay_domains", "archive.example.com", "");
    setting(s, d, "smtp_connection_cache_on_demand", spec.cacheOnDemand() ? "yes" : "no", "yes");
    setting(s, d, "smtp_tls_security_level", "", "");
    setting(
        s,
        d,
        "transport_maps",
        "inline:{archive.example.com=relay:workers.int.example.com:2525}",
        "");
    o.put("gatlingReport", gatling);
    return o;
  }

  private static void setting(ObjectNode s, ObjectNode d, String name, String value, String dflt) {
    s.put(name, value);
    d.put(name, dflt);
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
      b.append(m.acceptEpochMs())
          .append(" postfix/smtpd[101]: ")
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

  private static void writeLines(Path file, List<String> lines) throws IOException {
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
