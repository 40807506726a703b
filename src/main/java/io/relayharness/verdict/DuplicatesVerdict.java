package io.relayharness.verdict;

import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.MessageIds;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TierHop;
import io.relayharness.observe.TierObservations;
import io.relayharness.observe.TierPaths;
import io.relayharness.verdict.internal.Fmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Duplicates: copies at the sinks beyond the first per harness id (Message-ID for mail without
 * one), each explained by one relay event or not.
 *
 * <p>SMTP delivers at least once: when a worker stores a message but its 250 after the final dot
 * never reaches the relay, the relay cannot know the message arrived, defers it and sends it again
 * later. The relay logs that moment for the queue id: "message may be sent more than once", "lost
 * connection with .. while sending end of data", "conversation with .. timed out while sending end
 * of data". Such a line is an <b>explaining event</b> (a line that is both a deferral and a warning
 * counts once; a "delivery temporarily suspended" deferral, which only repeats the reason that
 * throttled the destination, is none). Copy k (k >= 2) of a message is <b>explained</b> when an
 * explaining event of the queue id it came through (its own {@code Received:} queue id, else the
 * timeline's) happened after copy k-1 arrived and before copy k arrived (each with {@value
 * #SLACK_MS} ms of slack for clocks); each event explains at most one copy, the earliest unused one
 * being taken.
 *
 * <p>Anything else is <b>unexplained</b>: a copy with no known queue id, copies through different
 * queue ids (the message entered the relay twice), two {@code sent} hand-overs without a failure
 * after the data, an event logged only after the copy arrived, or a second copy for one event. The
 * verdict fails on more than {@code maxUnexplained} unexplained copies, more than {@code maxTotal}
 * copies in all, or fewer than {@code minDuplicates} explained ones.
 *
 * <p>In a relay-tier run the same rule is applied hop by hop: a copy's queue id is a tier relay's
 * (the sending MTA's log does not know it), so each copy is first followed to the relay that handed
 * it on ({@link TierPaths}). A second copy through the same relay queue id needs that relay's own
 * line; a copy that entered the tier again (another relay queue id) needs the sending MTA's own
 * line that it lost the previous relay's reply after the final dot. The tables give each copy's
 * path and count the extra copies per relay and per phase. Immutable; thread-safe.
 */
public final class DuplicatesVerdict implements Verdict {

  /**
   * Slack between sink and relay log clocks: an event may be stamped this much before copy k-1 or
   * after copy k.
   */
  public static final long SLACK_MS = 1000;

  private final DuplicatesConfig config;

  /** Makes the verdict with {@code config}. */
  public DuplicatesVerdict(DuplicatesConfig config) {
    this.config = config;
  }

  /** Makes the verdict with the defaults. */
  public DuplicatesVerdict() {
    this(DuplicatesConfig.DEFAULT);
  }

  @Override
  public String name() {
    return "duplicates";
  }

  /** A relay log line saying the data went out but the 250 after it did not come back. */
  private record Event(int index, long epochMs, String queueId, String line) {}

  /**
   * A throttled destination defers mail without connecting and repeats the reason of the failure
   * that throttled it, which may be a loss after the final dot of another message.
   */
  static final String SUSPENDED = "delivery temporarily suspended";

  /** Returns whether an attempt's detail says the connection failed after the final dot. */
  static boolean failedAfterData(String detail) {
    if (detail == null) {
      return false;
    }
    String d = detail.toLowerCase(Locale.ROOT);
    if (d.contains(SUSPENDED)) {
      return false;
    }
    return d.contains("may be sent more than once")
        || d.contains("end of data") && (d.contains("lost connection") || d.contains("timed out"));
  }

  /** What the copies of a run came to: counts, the ids left unexplained, evidence tables. */
  private static final class Tally {
    int messages;
    int duplicated;
    int extra;
    int unexplained;
    int eventCount;
    int usedCount;
    final Set<String> unexplainedIds = new LinkedHashSet<>();
    final List<Table> tables = new ArrayList<>();
    final Map<String, Double> figures = new LinkedHashMap<>();

    /** Words the summary ends with (a tier run's copies per relay and phase), or empty. */
    String where = "";
  }

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    Optional<TierPaths> tier = TierPaths.of(obs);
    Tally tally = tier.isPresent() ? tierCopies(obs, tier.get()) : relayCopies(obs);
    int messages = tally.messages;
    int duplicated = tally.duplicated;
    int extra = tally.extra;
    int unexplained = tally.unexplained;
    Set<String> unexplainedIds = tally.unexplainedIds;
    int explained = extra - unexplained;
    int eventCount = tally.eventCount;
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("messages", (double) messages);
    figures.put("duplicated", (double) duplicated);
    figures.put("duplicates", (double) extra);
    figures.put("extraCopies", (double) extra);
    figures.put("explained", (double) explained);
    figures.put("unexplained", (double) unexplained);
    figures.put("explainingEvents", (double) eventCount);
    figures.put("unusedEvents", (double) (eventCount - tally.usedCount));
    figures.putAll(tally.figures);

    List<String> failures = new ArrayList<>();
    if (unexplained > config.maxUnexplained()) {
      failures.add(
          unexplained
              + " unexplained, more than the "
              + config.maxUnexplained()
              + " allowed: "
              + first(unexplainedIds));
    }
    if (config.maxTotal() != null && extra > config.maxTotal()) {
      failures.add(extra + " extra copies in all, more than the " + config.maxTotal() + " allowed");
    }
    if (messages == 0 && !config.allowNoData()) {
      failures.add("no message arrived: nothing shows there are no duplicates");
    }
    if (explained < config.minDuplicates()) {
      failures.add(
          "expected at least "
              + config.minDuplicates()
              + " explained duplicates, saw "
              + explained
              + (extra == explained ? "" : " (of " + extra + " extra copies)"));
    }
    String expected =
        "expected <= "
            + config.maxUnexplained()
            + " unexplained extra copies"
            + (config.maxTotal() == null ? ", total any" : ", total <= " + config.maxTotal())
            + (config.minDuplicates() > 0 ? ", >= " + config.minDuplicates() + " explained" : "");
    String seen =
        extra == 0
            ? "saw no message arrive more than once (" + messages + " messages)"
            : "saw "
                + extra
                + " extra copies of "
                + duplicated
                + " of "
                + messages
                + " messages: "
                + explained
                + " explained, "
                + unexplained
                + " unexplained"
                + (unexplainedIds.isEmpty() ? "" : " (" + first(unexplainedIds) + ")")
                + tally.where;
    boolean passed = failures.isEmpty();
    String summary =
        expected + "; " + seen + (passed ? "" : "; FAILED: " + String.join("; ", failures));
    return new VerdictResult(name(), passed, summary, figures, tally.tables);
  }

  /** A relay host in a sending MTA's line: which relay's reply it lost. */
  private static final Pattern RELAY_HOST = Pattern.compile("(relay\\d+)\\.relays\\.example\\.com");

  /**
   * The copies of a relay-tier run, each followed to the relay that handed it on ({@link
   * TierPaths#hopOf}). Per message, the original is the first arrival through its earliest
   * hand-over into the tier; every other copy needs one explaining event:
   *
   * <ul>
   *   <li>a copy that is the first through a later hand-over (the message entered the tier again):
   *       the sending MTA's line for the message's queue id that it lost the reply after the final
   *       dot, logged between the previous hand-over and this one (with slack) and, when it names a
   *       relay, naming the relay of the previous hand-over;
   *   <li>a later copy through the same relay queue id: that relay's own line for its queue id,
   *       between the previous copy through it and this one, as in a one-relay run.
   * </ul>
   *
   * A copy whose relay is not known (no queue id, or one no relay logged for the message) is
   * unexplained; so is a second hand-over when no sending MTA is in front of the relays.
   */
  private static Tally tierCopies(RunObservations obs, TierPaths paths) {
    Tally tally = new Tally();
    Map<String, List<Event>> events = new HashMap<>();
    int[] index = {0};
    events(obs.attempts(), obs.warnings(), "", "sender: ", events, index);
    TierObservations tiers = obs.tiers().orElseThrow();
    tiers
        .regions()
        .keySet()
        .forEach(
            relay ->
                events(
                    tiers.failedAttempts().getOrDefault(relay, List.of()),
                    tiers.warnings().getOrDefault(relay, List.of()),
                    relay + "/",
                    relay + ": ",
                    events,
                    index));
    Map<String, MessageTimeline> byKey = new HashMap<>();
    for (MessageTimeline t : obs.timelines()) {
      if (t.harnessId() != null) {
        byKey.put(t.harnessId(), t);
      }
      if (t.messageId() != null) {
        byKey.putIfAbsent("mid:" + MessageIds.normalize(t.messageId()), t);
      }
    }
    Table.Builder perMessage =
        Table.builder(
            "Duplicated messages through the tier",
            "harness id",
            "accepted in",
            "copies",
            "path of each copy",
            "explained",
            "unexplained",
            "explaining log lines");
    Table.Builder perCopy =
        Table.builder(
            "Extra copies through the tier",
            "harness id",
            "copy",
            "path",
            "arrived at",
            "handed on by",
            "explained",
            "reason");
    Map<String, long[]> byRelay = new TreeMap<>();
    tiers.regions().keySet().forEach(r -> byRelay.put(r, new long[2]));
    Map<String, long[]> byPhase = new LinkedHashMap<>();
    paths.phases().names().forEach(p -> byPhase.put(p, new long[2]));
    Set<Integer> used = new HashSet<>();
    for (Map.Entry<String, List<SinkArrival>> group : obs.arrivalIndex().groups().entrySet()) {
      tally.messages++;
      List<SinkArrival> copies = group.getValue();
      if (copies.size() < 2) {
        continue;
      }
      tally.duplicated++;
      MessageTimeline timeline = byKey.get(group.getKey());
      String phase =
          timeline == null || !timeline.accepted()
              ? "unknown"
              : paths.phases().at(timeline.acceptEpochMs());
      List<TierHop> hops = new ArrayList<>();
      TierHop earliest = null;
      for (SinkArrival c : copies) {
        TierHop h = paths.hopOf(c);
        hops.add(h);
        if (h != null && (earliest == null || h.receivedEpochMs() < earliest.receivedEpochMs())) {
          earliest = h;
        }
      }
      int original = earliest == null ? 0 : hops.indexOf(earliest);
      List<TierHop> handOvers =
          timeline != null && timeline.messageId() != null
              ? paths.hopsOf(timeline.messageId())
              : paths.hopsOf(copies.get(0).messageId());
      List<String> lines = new ArrayList<>();
      List<String> pathWords = new ArrayList<>();
      int messageUnexplained = 0;
      for (int k = 0; k < copies.size(); k++) {
        SinkArrival copy = copies.get(k);
        TierHop hop = hops.get(k);
        String path = pathOf(paths, hop, copy);
        pathWords.add(path + " at " + Fmt.time(copy.arrivalEpochMs()));
        if (k == original) {
          continue;
        }
        tally.extra++;
        String reason = null;
        Event e = null;
        if (hop == null) {
          reason =
              copy.relayQueueId() == null
                  ? "no relay queue id known for this copy"
                  : "no relay of the tier logged queue id "
                      + copy.relayQueueId()
                      + " for this message";
        } else {
          SinkArrival previousSameHop = null;
          for (int j = k - 1; j >= 0; j--) {
            if (hop.equals(hops.get(j))) {
              previousSameHop = copies.get(j);
              break;
            }
          }
          if (previousSameHop != null) {
            // the relay sent its queue file again: its own line after the final dot
            String key = hop.relay() + "/" + hop.queueId();
            e = explain(events.getOrDefault(key, List.of()), previousSameHop, copy, used);
            if (e == null) {
              reason =
                  hop.relay()
                      + ": "
                      + noEventReason(hop.queueId(), previousSameHop, copy, events.get(key), used);
            }
          } else if (!paths.viaSender()) {
            reason =
                "the message entered the tier twice (relay queue ids "
                    + (earliest == null ? "?" : earliest.relay() + " " + earliest.queueId())
                    + " and "
                    + hop.relay()
                    + " "
                    + hop.queueId()
                    + ") with no sending MTA in front to send it again";
          } else {
            TierHop previous = null;
            for (TierHop h : handOvers) {
              if (h.receivedEpochMs() < hop.receivedEpochMs()
                  || h.receivedEpochMs() == hop.receivedEpochMs() && !h.equals(hop)) {
                previous = h;
              }
            }
            String senderQid = timeline == null ? null : timeline.queueId();
            e =
                previous == null || senderQid == null
                    ? null
                    : resend(events.getOrDefault(senderQid, List.of()), previous, hop, used);
            if (e == null) {
              reason =
                  "the message entered the tier again through "
                      + hop.relay()
                      + " ("
                      + hop.queueId()
                      + " at "
                      + Fmt.time(hop.receivedEpochMs())
                      + ") and the sender logged no lost reply after the final dot"
                      + (previous == null
                          ? ""
                          : " from "
                              + previous.relay()
                              + " between "
                              + Fmt.time(previous.receivedEpochMs())
                              + " and then")
                      + (senderQid == null
                          ? " (its sender queue id is unknown)"
                          : " for " + senderQid);
            }
          }
        }
        String by = hop == null ? "unknown" : hop.relay();
        long[] r = byRelay.computeIfAbsent(by, x -> new long[2]);
        long[] p = byPhase.computeIfAbsent(phase, x -> new long[2]);
        r[0]++;
        p[0]++;
        if (e != null) {
          used.add(e.index());
          lines.add(e.line());
        } else {
          r[1]++;
          p[1]++;
          tally.unexplained++;
          messageUnexplained++;
          tally.unexplainedIds.add(group.getKey());
        }
        perCopy.row(
            group.getKey(),
            k + 1,
            path,
            Fmt.time(copy.arrivalEpochMs()),
            by,
            e != null ? "yes" : "NO",
            e != null ? e.line() : reason);
      }
      perMessage.row(
          group.getKey(),
          phase,
          copies.size(),
          String.join("; ", pathWords),
          copies.size() - 1 - messageUnexplained,
          messageUnexplained,
          lines.isEmpty() ? "none" : String.join(" | ", lines));
    }
    tally.eventCount = events.values().stream().mapToInt(List::size).sum();
    tally.usedCount = used.size();
    Table.Builder split =
        Table.builder(
            "Extra copies per relay and phase",
            "handed on by / accepted in",
            "extra copies",
            "unexplained");
    byRelay.forEach(
        (relay, n) -> {
          tally.figures.put("extra." + relay, (double) n[0]);
          tally.figures.put("unexplained." + relay, (double) n[1]);
          split.row(relay, n[0], n[1]);
        });
    byPhase.forEach(
        (phase, n) -> {
          tally.figures.put("phase." + phase + ".extra", (double) n[0]);
          tally.figures.put("phase." + phase + ".unexplained", (double) n[1]);
          split.row(phase, n[0], n[1]);
        });
    if (tally.extra > 0) {
      tally.tables.add(split.build());
      tally.tables.add(perMessage.build());
      tally.tables.add(perCopy.build());
      tally.where =
          "; handed on by: " + counts(byRelay) + "; by phase accepted in: " + counts(byPhase);
    }
    return tally;
  }

  /** {@code relay0 1 (1 unexplained), relay1 3}: the non-zero counts of {@code n[0]}. */
  private static String counts(Map<String, long[]> byName) {
    List<String> out = new ArrayList<>();
    byName.forEach(
        (name, n) -> {
          if (n[0] > 0) {
            out.add(name + " " + n[0] + (n[1] > 0 ? " (" + n[1] + " unexplained)" : ""));
          }
        });
    return String.join(", ", out);
  }

  /** {@code sender → relay1 (Q) → worker2}, or what is known of it. */
  private static String pathOf(TierPaths paths, TierHop hop, SinkArrival copy) {
    String entry = paths.viaSender() ? "sender → " : "";
    if (hop == null) {
      return entry
          + "? ("
          + (copy.relayQueueId() == null ? "no queue id" : copy.relayQueueId())
          + ") → "
          + copy.worker();
    }
    return entry + hop.relay() + " (" + hop.queueId() + ") → " + copy.worker();
  }

  /**
   * Returns the earliest unused sending-MTA event that explains the hand-over {@code hop}: logged
   * after the {@code previous} hand-over and before this one (each with slack), naming the previous
   * hand-over's relay when it names one.
   */
  private static Event resend(
      List<Event> events, TierHop previous, TierHop hop, Set<Integer> used) {
    for (Event e : events) {
      if (used.contains(e.index())
          || e.epochMs() < previous.receivedEpochMs() - SLACK_MS
          || e.epochMs() >= hop.receivedEpochMs() + SLACK_MS) {
        continue;
      }
      Matcher m = RELAY_HOST.matcher(e.line());
      if (m.find() && !m.group(1).equals(previous.relay())) {
        continue;
      }
      return e;
    }
    return null;
  }

  /** The copies of a one-relay run, each explained by the relay's own lines for its queue id. */
  private static Tally relayCopies(RunObservations obs) {
    Tally tally = new Tally();
    Map<String, List<Event>> events = new HashMap<>();
    int[] index = {0};
    events(obs.attempts(), obs.warnings(), "", "", events, index);
    Map<String, String> timelineQueueIds = new HashMap<>();
    for (MessageTimeline t : obs.timelines()) {
      if (t.harnessId() != null && t.queueId() != null) {
        timelineQueueIds.put(t.harnessId(), t.queueId());
      }
    }
    Table.Builder perMessage =
        Table.builder(
            "Duplicated messages",
            "harness id",
            "queue id",
            "copies",
            "workers",
            "explained",
            "unexplained",
            "explaining log lines");
    Table.Builder perCopy =
        Table.builder(
            "Extra copies",
            "harness id",
            "queue id",
            "copy",
            "worker",
            "arrived at",
            "explained",
            "reason");
    Set<Integer> used = new HashSet<>();
    for (Map.Entry<String, List<SinkArrival>> group : obs.arrivalIndex().groups().entrySet()) {
      tally.messages++;
      List<SinkArrival> copies = group.getValue();
      if (copies.size() < 2) {
        continue;
      }
      tally.duplicated++;
      String messageQueueId = null;
      List<String> lines = new ArrayList<>();
      int messageUnexplained = 0;
      for (int k = 1; k < copies.size(); k++) {
        tally.extra++;
        SinkArrival copy = copies.get(k);
        SinkArrival previous = copies.get(k - 1);
        String queueId =
            copy.relayQueueId() != null
                ? copy.relayQueueId()
                : timelineQueueIds.get(group.getKey());
        if (messageQueueId == null) {
          messageQueueId = queueId;
        }
        String reason = unexplainedReason(queueId, previous, copy);
        Event e = null;
        if (reason == null) {
          e = explain(events.getOrDefault(queueId, List.of()), previous, copy, used);
          if (e == null) {
            reason = noEventReason(queueId, previous, copy, events.get(queueId), used);
          }
        }
        if (e != null) {
          used.add(e.index());
          lines.add(e.line());
        } else {
          tally.unexplained++;
          messageUnexplained++;
          tally.unexplainedIds.add(group.getKey());
        }
        perCopy.row(
            group.getKey(),
            queueId,
            k + 1,
            copy.worker(),
            Fmt.time(copy.arrivalEpochMs()),
            e != null ? "yes" : "NO",
            e != null ? e.line() : reason);
      }
      perMessage.row(
          group.getKey(),
          messageQueueId,
          copies.size(),
          String.join(", ", copies.stream().map(SinkArrival::worker).toList()),
          copies.size() - 1 - messageUnexplained,
          messageUnexplained,
          lines.isEmpty() ? "none" : String.join(" | ", lines));
    }
    tally.eventCount = events.values().stream().mapToInt(List::size).sum();
    tally.usedCount = used.size();
    if (tally.extra > 0) {
      tally.tables.add(perMessage.build());
      tally.tables.add(perCopy.build());
    }
    return tally;
  }

  /**
   * Adds the explaining events of one MTA's log to {@code out}, keyed by {@code keyPrefix} and
   * queue id, each list in time order; a warning on a deferral's line counts once. Lines are
   * prefixed with {@code linePrefix} (a tier relay's name).
   */
  private static void events(
      List<DeliveryAttempt> attempts,
      List<RelayWarning> warnings,
      String keyPrefix,
      String linePrefix,
      Map<String, List<Event>> out,
      int[] index) {
    Set<String> attemptKeys = new HashSet<>();
    for (DeliveryAttempt a : attempts) {
      if (a.queueId() != null && !a.delivered() && failedAfterData(a.detail())) {
        out.computeIfAbsent(keyPrefix + a.queueId(), k -> new ArrayList<>())
            .add(new Event(index[0]++, a.epochMs(), a.queueId(), linePrefix + lineOf(a)));
        attemptKeys.add(a.queueId() + "@" + a.epochMs());
      }
    }
    for (RelayWarning w : warnings) {
      if (RelayWarning.MAY_BE_SENT_MORE_THAN_ONCE.equals(w.kind())
          && w.queueId() != null
          && !w.line().toLowerCase(Locale.ROOT).contains(SUSPENDED)
          && !attemptKeys.contains(w.queueId() + "@" + w.epochMs())) {
        out.computeIfAbsent(keyPrefix + w.queueId(), k -> new ArrayList<>())
            .add(new Event(index[0]++, w.epochMs(), w.queueId(), linePrefix + w.line()));
      }
    }
    out.values().forEach(l -> l.sort(Comparator.comparingLong(Event::epochMs)));
  }

  private static String lineOf(DeliveryAttempt a) {
    return Fmt.time(a.epochMs()) + " " + a.logText();
  }

  /**
   * Returns the earliest unused event after {@code previous} and before {@code copy}, each with
   * slack: the engine stamps relay lines when it reads them, a few ms after the relay wrote them,
   * so the line of the failure that caused copy k can carry a time just after copy k arrived.
   */
  private static Event explain(
      List<Event> events, SinkArrival previous, SinkArrival copy, Set<Integer> used) {
    for (Event e : events) {
      if (!used.contains(e.index())
          && e.epochMs() >= previous.arrivalEpochMs() - SLACK_MS
          && e.epochMs() < copy.arrivalEpochMs() + SLACK_MS) {
        return e;
      }
    }
    return null;
  }

  /** Why a copy cannot be explained at all, or null when an event might explain it. */
  private static String unexplainedReason(String queueId, SinkArrival previous, SinkArrival copy) {
    if (queueId == null) {
      return "no relay queue id known for this copy";
    }
    if (previous.relayQueueId() != null
        && copy.relayQueueId() != null
        && !previous.relayQueueId().equals(copy.relayQueueId())) {
      return "copies came through different relay queue ids "
          + previous.relayQueueId()
          + " and "
          + copy.relayQueueId()
          + " (the message entered the relay twice)";
    }
    return null;
  }

  private static String noEventReason(
      String queueId,
      SinkArrival previous,
      SinkArrival copy,
      List<Event> events,
      Set<Integer> used) {
    if (events == null || events.isEmpty()) {
      return "no 'may be sent more than once' / lost connection after end of data logged for "
          + queueId;
    }
    long after = events.stream().filter(e -> e.epochMs() >= copy.arrivalEpochMs()).count();
    long before =
        events.stream().filter(e -> e.epochMs() < previous.arrivalEpochMs() - SLACK_MS).count();
    long spent =
        events.stream()
            .filter(
                e ->
                    used.contains(e.index())
                        && e.epochMs() >= previous.arrivalEpochMs() - SLACK_MS
                        && e.epochMs() < copy.arrivalEpochMs())
            .count();
    List<String> why = new ArrayList<>();
    if (spent > 0) {
      why.add(spent + " already explained an earlier copy");
    }
    if (after > 0) {
      why.add(after + " logged only after this copy arrived");
    }
    if (before > 0) {
      why.add(before + " logged before the previous copy arrived");
    }
    return "no unused explaining event for "
        + queueId
        + " between "
        + Fmt.time(previous.arrivalEpochMs())
        + " and "
        + Fmt.time(copy.arrivalEpochMs())
        + " ("
        + events.size()
        + " for this queue id: "
        + String.join(", ", why)
        + ")";
  }

  private static String first(Set<String> ids) {
    List<String> list = List.copyOf(ids);
    String shown = String.join(", ", list.subList(0, Math.min(5, list.size())));
    return list.size() > 5 ? shown + " and " + (list.size() - 5) + " more" : shown;
  }
}
