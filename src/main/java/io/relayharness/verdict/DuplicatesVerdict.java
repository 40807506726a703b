package io.relayharness.verdict;

import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunObservations;
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
import java.util.Set;

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
 * copies in all, or fewer than {@code minDuplicates} explained ones. Immutable; thread-safe.
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

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    Map<String, List<Event>> events = events(obs);
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
    int messages = 0;
    int duplicated = 0;
    int extra = 0;
    int unexplained = 0;
    Set<String> unexplainedIds = new LinkedHashSet<>();
    for (Map.Entry<String, List<SinkArrival>> group : obs.arrivalIndex().groups().entrySet()) {
      messages++;
      List<SinkArrival> copies = group.getValue();
      if (copies.size() < 2) {
        continue;
      }
      duplicated++;
      String messageQueueId = null;
      List<String> lines = new ArrayList<>();
      int messageUnexplained = 0;
      for (int k = 1; k < copies.size(); k++) {
        extra++;
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
          unexplained++;
          messageUnexplained++;
          unexplainedIds.add(group.getKey());
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
    int explained = extra - unexplained;
    int eventCount = events.values().stream().mapToInt(List::size).sum();
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("messages", (double) messages);
    figures.put("duplicated", (double) duplicated);
    figures.put("duplicates", (double) extra);
    figures.put("extraCopies", (double) extra);
    figures.put("explained", (double) explained);
    figures.put("unexplained", (double) unexplained);
    figures.put("explainingEvents", (double) eventCount);
    figures.put("unusedEvents", (double) (eventCount - used.size()));

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
                + (unexplainedIds.isEmpty() ? "" : " (" + first(unexplainedIds) + ")");
    boolean passed = failures.isEmpty();
    String summary =
        expected + "; " + seen + (passed ? "" : "; FAILED: " + String.join("; ", failures));
    List<Table> tables = extra == 0 ? List.of() : List.of(perMessage.build(), perCopy.build());
    return new VerdictResult(name(), passed, summary, figures, tables);
  }

  /** Explaining events per queue id, in time order; a warning on a deferral's line counts once. */
  private static Map<String, List<Event>> events(RunObservations obs) {
    Map<String, List<Event>> out = new HashMap<>();
    Set<String> attemptKeys = new HashSet<>();
    int index = 0;
    for (DeliveryAttempt a : obs.attempts()) {
      if (a.queueId() != null && !a.delivered() && failedAfterData(a.detail())) {
        out.computeIfAbsent(a.queueId(), k -> new ArrayList<>())
            .add(new Event(index++, a.epochMs(), a.queueId(), lineOf(a)));
        attemptKeys.add(a.queueId() + "@" + a.epochMs());
      }
    }
    for (RelayWarning w : obs.warnings()) {
      if (RelayWarning.MAY_BE_SENT_MORE_THAN_ONCE.equals(w.kind())
          && w.queueId() != null
          && !w.line().toLowerCase(Locale.ROOT).contains(SUSPENDED)
          && !attemptKeys.contains(w.queueId() + "@" + w.epochMs())) {
        out.computeIfAbsent(w.queueId(), k -> new ArrayList<>())
            .add(new Event(index++, w.epochMs(), w.queueId(), w.line()));
      }
    }
    out.values().forEach(l -> l.sort(Comparator.comparingLong(Event::epochMs)));
    return out;
  }

  private static String lineOf(DeliveryAttempt a) {
    return Fmt.time(a.epochMs())
        + " "
        + a.queueId()
        + ": to=<"
        + a.recipient()
        + ">, relay="
        + a.relay()
        + ", status="
        + a.status()
        + (a.detail() == null ? "" : " (" + a.detail() + ")");
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
