package io.relayharness.observe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the relays of a relay tier saw, followed by Message-ID from each relay's own log: which
 * relay took each message and when, which worker it delivered it to, what sat in a relay's queue
 * while it was down (and whether it came back without its disk), how often the sending MTA failed
 * to reach each relay, and each relay's queue depth. The run folder keeps it as {@code tiers.json}.
 * Immutable; thread-safe.
 *
 * @param regions the region of each relay
 * @param preferences the archive domain's MX preference of each relay
 * @param pools the workers of each relay's own pool (empty: the relays share every worker)
 * @param hops one per message and relay that took it
 * @param held the messages on a relay's disk when it started again, or when it was thawed after a
 *     pause
 * @param senderConnectFailures per relay, the sending MTA's failed connections or sessions (its log
 *     lines naming the relay's host that are not a delivery: {@code connect to ...}, {@code lost
 *     connection with ...}, a deferral): its retries made visible
 * @param queues the relays' queue samples
 * @param failedAttempts per relay, its delivery attempts that did not hand a message over
 *     (deferred, bounced, expired), in log order: where mail stuck in a relay last stood, and the
 *     lines that say a worker may hold a copy the relay sends again
 * @param warnings per relay, its log's warnings in log order (e.g. "message may be sent more than
 *     once" when the next MX took the message within the same delivery)
 */
public record TierObservations(
    Map<String, String> regions,
    Map<String, Integer> preferences,
    Map<String, List<String>> pools,
    List<TierHop> hops,
    List<HeldMail> held,
    Map<String, Integer> senderConnectFailures,
    List<RelayQueueSample> queues,
    Map<String, List<DeliveryAttempt>> failedAttempts,
    Map<String, List<RelayWarning>> warnings) {

  /** A sending-MTA line naming a relay host that is not a delivery ({@code status=sent}). */
  private static final Pattern RELAY_HOST =
      Pattern.compile("(relay\\d)\\.relays\\.example\\.com\\[");

  private static final String HELD = "relay: queued at start:";
  private static final String LOST = "relay: disk lost:";

  /** {@code relay: held while paused, thawed at <epochMs>: <queue ids>}, written at the thaw. */
  private static final Pattern PAUSED =
      Pattern.compile("relay: held while paused, thawed at (\\d+): (.*)$");

  public TierObservations {
    regions = Collections.unmodifiableMap(new TreeMap<>(regions));
    preferences = Collections.unmodifiableMap(new TreeMap<>(preferences));
    // tiers.json of a run from before worker pools has none: the relays shared the workers
    Map<String, List<String>> p = new TreeMap<>();
    if (pools != null) {
      pools.forEach((relay, pool) -> p.put(relay, List.copyOf(pool)));
    }
    pools = Collections.unmodifiableMap(p);
    hops = List.copyOf(hops);
    held = List.copyOf(held);
    senderConnectFailures = Collections.unmodifiableMap(new TreeMap<>(senderConnectFailures));
    queues = List.copyOf(queues);
    failedAttempts = copyByRelay(failedAttempts);
    warnings = copyByRelay(warnings);
  }

  /** A tier without the relays' failed attempts and warnings. */
  public TierObservations(
      Map<String, String> regions,
      Map<String, Integer> preferences,
      Map<String, List<String>> pools,
      List<TierHop> hops,
      List<HeldMail> held,
      Map<String, Integer> senderConnectFailures,
      List<RelayQueueSample> queues) {
    this(
        regions, preferences, pools, hops, held, senderConnectFailures, queues, Map.of(), Map.of());
  }

  private static <T> Map<String, List<T>> copyByRelay(Map<String, List<T>> byRelay) {
    Map<String, List<T>> out = new TreeMap<>();
    if (byRelay != null) {
      byRelay.forEach((relay, list) -> out.put(relay, List.copyOf(list)));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Reads the tier from the relays' logs ({@code docker logs -t} text, by relay) and the sending
   * MTA's log (may be empty).
   */
  public static TierObservations fromLogs(
      Map<String, String> regions,
      Map<String, Integer> preferences,
      Map<String, List<String>> pools,
      Map<String, String> relayLogs,
      String senderLog,
      List<RelayQueueSample> queues) {
    List<TierHop> hops = new ArrayList<>();
    List<HeldMail> held = new ArrayList<>();
    Map<String, List<DeliveryAttempt>> failed = new TreeMap<>();
    Map<String, List<RelayWarning>> warned = new TreeMap<>();
    new TreeMap<>(relayLogs)
        .forEach(
            (relay, text) -> {
              RelayLogParser parser = RelayLogParser.parseAll(text.lines()::iterator);
              Map<String, DeliveryAttempt> sent = new LinkedHashMap<>();
              List<DeliveryAttempt> notSent = new ArrayList<>();
              for (DeliveryAttempt a : parser.attempts()) {
                if (a.delivered()) {
                  sent.putIfAbsent(a.queueId(), a);
                } else {
                  notSent.add(a);
                }
              }
              failed.put(relay, notSent);
              warned.put(relay, parser.warnings());
              Map<String, String> mids = parser.messageIdsByQueueId();
              parser
                  .messages()
                  .forEach(
                      (qid, m) -> {
                        if (m.messageId() != null) {
                          DeliveryAttempt d = sent.get(qid);
                          hops.add(
                              new TierHop(
                                  relay,
                                  m.messageId(),
                                  qid,
                                  m.firstSeenEpochMs(),
                                  d == null ? null : d.epochMs(),
                                  d == null ? null : d.worker()));
                        }
                      });
              text.lines().forEach(line -> heldLine(relay, line, mids, held));
            });
    Map<String, Integer> failures = new TreeMap<>();
    senderLog
        .lines()
        .forEach(
            line -> {
              Matcher m = RELAY_HOST.matcher(line);
              if (m.find() && !line.contains("status=sent")) {
                failures.merge(m.group(1), 1, Integer::sum);
              }
            });
    return new TierObservations(
        regions, preferences, pools, hops, held, failures, queues, failed, warned);
  }

  private static void heldLine(
      String relay, String line, Map<String, String> mids, List<HeldMail> out) {
    Matcher paused = PAUSED.matcher(line);
    if (paused.find()) {
      // the thaw time the line carries: the log line itself is written a moment after the thaw
      long thawEpochMs = Long.parseLong(paused.group(1));
      for (String qid : paused.group(2).strip().split("\\s+")) {
        if (!qid.isEmpty()) {
          out.add(new HeldMail(relay, thawEpochMs, qid, mids.get(qid), false));
        }
      }
      return;
    }
    boolean lost = line.contains(LOST);
    int at = lost ? line.indexOf(LOST) : line.indexOf(HELD);
    if (at < 0) {
      return;
    }
    int space = line.indexOf(' ');
    long epochMs = space > 10 ? EngineTime.parse(line, 0, space) : -1;
    String ids = line.substring(at + (lost ? LOST : HELD).length()).strip();
    for (String qid : ids.split("\\s+")) {
      if (!qid.isEmpty()) {
        out.add(new HeldMail(relay, epochMs, qid, mids.get(qid), lost));
      }
    }
  }

  /** The relays with the lowest MX preference (the primaries). */
  public List<String> primaryRelays() {
    int lowest = preferences.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    return preferences.entrySet().stream()
        .filter(e -> e.getValue() == lowest)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The relays a fault target names: relay names, or region names for their relays. */
  public List<String> relaysOf(String target) {
    List<String> out = new ArrayList<>();
    for (String part : target.split(",")) {
      String name = part.strip();
      if (regions.containsKey(name)) {
        out.add(name);
      } else {
        regions.forEach(
            (relay, region) -> {
              if (region.equals(name)) {
                out.add(relay);
              }
            });
      }
    }
    return out;
  }

  /** Messages (by Message-ID) each relay took, counting each message once per relay. */
  public Map<String, Long> receivedByRelay() {
    Map<String, Long> out = new TreeMap<>();
    regions.keySet().forEach(r -> out.put(r, 0L));
    hops.stream()
        .map(h -> h.relay() + "\u0000" + h.messageId())
        .distinct()
        .forEach(k -> out.merge(k.substring(0, k.indexOf('\u0000')), 1L, Long::sum));
    return out;
  }

  /** Whether each relay had its own worker pool (else the relays shared every worker). */
  public boolean hasPools() {
    return !pools.isEmpty();
  }

  /** Messages each relay delivered to a worker, by relay and worker. */
  public Map<String, Map<String, Long>> deliveredByRelayAndWorker() {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    regions.keySet().forEach(r -> out.put(r, new TreeMap<>()));
    for (TierHop h : hops) {
      if (h.deliveredEpochMs() != null) {
        out.computeIfAbsent(h.relay(), r -> new TreeMap<>())
            .merge(h.worker() == null ? "unknown" : h.worker(), 1L, Long::sum);
      }
    }
    return out;
  }
}
