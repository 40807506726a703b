package io.relayharness.verdict;

import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TimelineJoin;
import io.relayharness.verdict.internal.Fmt;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Duplicates: copies at the sinks beyond the first per harness id (Message-ID for mail without
 * one), each classified as explained or not.
 *
 * <p>SMTP delivers at least once: when a worker stores a message but its 250 after the final dot
 * never reaches the relay, the relay cannot know the message arrived, defers it and sends it again
 * later. Copy k (k >= 2) of a message is <b>explained</b> when, for the relay queue id the message
 * went through (the copy's own {@code Received:} queue id, else the timeline's):
 *
 * <ol>
 *   <li>the relay logged "message may be sent more than once" for that queue id, or
 *   <li>the relay logged a non-{@code sent} attempt for that queue id no earlier than copy k-1's
 *       arrival and no later than copy k's (each with {@value #SLACK_MS} ms of slack for clocks):
 *       it believed the earlier hand-over failed and retried.
 * </ol>
 *
 * Anything else is <b>unexplained</b>: a copy with no known queue id, copies through different
 * queue ids (the message entered the relay twice), or two {@code sent} hand-overs without a failure
 * in between. Immutable; thread-safe.
 */
public final class DuplicatesVerdict implements Verdict {

  /** Slack between sink and relay log clocks when ordering a deferral against arrivals. */
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

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    Map<String, List<DeliveryAttempt>> attempts = TimelineJoin.byQueueId(obs.attempts());
    Map<String, RelayWarning> mayBeSentTwice = new HashMap<>();
    for (RelayWarning w : obs.warnings()) {
      if (RelayWarning.MAY_BE_SENT_MORE_THAN_ONCE.equals(w.kind()) && w.queueId() != null) {
        mayBeSentTwice.putIfAbsent(w.queueId(), w);
      }
    }
    Map<String, String> timelineQueueIds = new HashMap<>();
    for (MessageTimeline t : obs.timelines()) {
      if (t.harnessId() != null && t.queueId() != null) {
        timelineQueueIds.put(t.harnessId(), t.queueId());
      }
    }
    Table.Builder table =
        Table.builder(
            "Extra copies",
            "harness id",
            "queue id",
            "copy",
            "worker",
            "arrived at",
            "explained",
            "reason");
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
      for (int k = 1; k < copies.size(); k++) {
        extra++;
        SinkArrival copy = copies.get(k);
        SinkArrival previous = copies.get(k - 1);
        String queueId =
            copy.relayQueueId() != null
                ? copy.relayQueueId()
                : timelineQueueIds.get(group.getKey());
        String reason = explain(queueId, previous, copy, attempts, mayBeSentTwice);
        boolean ok = reason != null;
        if (!ok) {
          unexplained++;
          unexplainedIds.add(group.getKey());
          reason = unexplainedReason(queueId, previous, copy);
        }
        table.row(
            group.getKey(),
            queueId,
            k + 1,
            copy.worker(),
            Fmt.time(copy.arrivalEpochMs()),
            ok ? "yes" : "NO",
            reason);
      }
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("messages", (double) messages);
    figures.put("duplicated", (double) duplicated);
    figures.put("extraCopies", (double) extra);
    figures.put("explained", (double) (extra - unexplained));
    figures.put("unexplained", (double) unexplained);
    boolean passed =
        unexplained <= config.maxUnexplained()
            && (config.maxTotal() == null || extra <= config.maxTotal());
    String summary;
    if (extra == 0) {
      summary = "no message arrived more than once (" + messages + " messages)";
    } else {
      summary =
          extra
              + " extra copies of "
              + duplicated
              + " messages, "
              + unexplained
              + " unexplained (max "
              + config.maxUnexplained()
              + (config.maxTotal() == null ? "" : ", total max " + config.maxTotal())
              + ")"
              + (unexplainedIds.isEmpty() ? "" : ": " + first(unexplainedIds));
    }
    return new VerdictResult(
        name(), passed, summary, figures, extra == 0 ? List.of() : List.of(table.build()));
  }

  private static String explain(
      String queueId,
      SinkArrival previous,
      SinkArrival copy,
      Map<String, List<DeliveryAttempt>> attempts,
      Map<String, RelayWarning> mayBeSentTwice) {
    if (queueId == null) {
      return null;
    }
    if (previous.relayQueueId() != null
        && copy.relayQueueId() != null
        && !previous.relayQueueId().equals(copy.relayQueueId())) {
      return null;
    }
    RelayWarning w = mayBeSentTwice.get(queueId);
    if (w != null) {
      return "relay warned 'message may be sent more than once' at " + Fmt.time(w.epochMs());
    }
    for (DeliveryAttempt a : attempts.getOrDefault(queueId, List.of())) {
      if (!a.delivered()
          && a.epochMs() >= previous.arrivalEpochMs() - SLACK_MS
          && a.epochMs() <= copy.arrivalEpochMs() + SLACK_MS) {
        return "relay logged "
            + a.status()
            + " at "
            + Fmt.time(a.epochMs())
            + " after the previous copy arrived, then retried"
            + (a.detail() == null ? "" : " (" + a.detail() + ")");
      }
    }
    return null;
  }

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
    return "no 'may be sent more than once' warning and no failed attempt on "
        + queueId
        + " between the copies";
  }

  private static String first(Set<String> ids) {
    List<String> list = List.copyOf(ids);
    String shown = String.join(", ", list.subList(0, Math.min(5, list.size())));
    return list.size() > 5 ? shown + " and " + (list.size() - 5) + " more" : shown;
  }
}
