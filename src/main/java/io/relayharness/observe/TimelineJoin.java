package io.relayharness.observe;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.SinkArrival;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the injector's ledger, the relay's attempts and the sinks' arrivals into one {@link
 * MessageTimeline} per harness id.
 *
 * <pre>
 * AcceptedMail ──queue id from "250 .. queued as QID"──► DeliveryAttempt*
 *      │          (else Message-ID → QID from the cleanup log line,
 *      │           else the QID a sink read from the Received: header)
 *      └──harness id (else Message-ID)──────────────────► SinkArrival*
 * </pre>
 *
 * A harness id the ledger holds twice keeps its first ACCEPTED record (else its last record).
 * Stateless; thread-safe.
 */
public final class TimelineJoin {

  private TimelineJoin() {}

  /** Returns one timeline per harness id of {@code accepted}, in ledger order. */
  public static List<MessageTimeline> join(
      List<AcceptedMail> accepted,
      List<SinkArrival> arrivals,
      List<DeliveryAttempt> attempts,
      Map<String, String> messageIdsByQueueId) {
    ArrivalIndex arrivalIndex = new ArrivalIndex(arrivals);
    Map<String, List<DeliveryAttempt>> attemptsByQueueId = byQueueId(attempts);
    Map<String, String> queueIdByMessageId = new HashMap<>();
    messageIdsByQueueId.forEach(
        (qid, mid) -> queueIdByMessageId.putIfAbsent(MessageIds.normalize(mid), qid));

    List<MessageTimeline> out = new ArrayList<>();
    for (AcceptedMail mail : deduplicate(accepted).values()) {
      List<SinkArrival> copies = arrivalIndex.copiesOf(mail);
      String queueId = queueIdOf(mail, queueIdByMessageId, copies);
      List<MessageTimeline.Arrival> entries = new ArrayList<>();
      for (SinkArrival a : copies) {
        entries.add(new MessageTimeline.Arrival(a.worker(), a.arrivalEpochMs(), a.bodyHash()));
      }
      Long endToEndMs =
          copies.isEmpty() ? null : endToEndMs(mail.endEpochMs(), copies.get(0).arrivalEpochMs());
      out.add(
          new MessageTimeline(
              mail.harnessId(),
              mail.messageId(),
              queueId,
              mail.endEpochMs(),
              mail.outcome(),
              queueId == null ? List.of() : attemptsByQueueId.getOrDefault(queueId, List.of()),
              entries,
              endToEndMs));
    }
    return out;
  }

  /**
   * Returns the end-to-end latency of a message accepted at {@code acceptEpochMs} whose first copy
   * arrived at {@code firstArrivalEpochMs}, never below 0: a sink records the arrival before the
   * injector may have read the relay's 250 (two clocks, two processes), so a message delivered at
   * once can show a few ms below zero; it was delivered, in about 0 ms.
   */
  public static long endToEndMs(long acceptEpochMs, long firstArrivalEpochMs) {
    return Math.max(0, firstArrivalEpochMs - acceptEpochMs);
  }

  /** Returns the ledger keyed by harness id (Message-ID when absent), one record per key. */
  public static Map<String, AcceptedMail> deduplicate(List<AcceptedMail> accepted) {
    Map<String, AcceptedMail> byId = new LinkedHashMap<>();
    for (AcceptedMail m : accepted) {
      String key =
          m.harnessId() != null ? m.harnessId() : "mid:" + MessageIds.normalize(m.messageId());
      AcceptedMail kept = byId.get(key);
      if (kept == null || kept.outcome() != AcceptedMail.Outcome.ACCEPTED) {
        byId.put(key, m);
      }
    }
    return byId;
  }

  /** Returns attempts grouped by queue id, each group in time order (log order for ties). */
  public static Map<String, List<DeliveryAttempt>> byQueueId(List<DeliveryAttempt> attempts) {
    Map<String, List<DeliveryAttempt>> out = new HashMap<>();
    for (DeliveryAttempt a : attempts) {
      out.computeIfAbsent(a.queueId(), k -> new ArrayList<>()).add(a);
    }
    out.values().forEach(l -> l.sort(Comparator.comparingLong(DeliveryAttempt::epochMs)));
    return out;
  }

  private static String queueIdOf(
      AcceptedMail mail, Map<String, String> queueIdByMessageId, List<SinkArrival> copies) {
    if (mail.relayQueueId() != null && !mail.relayQueueId().isBlank()) {
      return mail.relayQueueId();
    }
    String viaMessageId = queueIdByMessageId.get(MessageIds.normalize(mail.messageId()));
    if (viaMessageId != null) {
      return viaMessageId;
    }
    for (SinkArrival a : copies) {
      if (a.relayQueueId() != null) {
        return a.relayQueueId();
      }
    }
    return null;
  }
}
