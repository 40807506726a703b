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
 * The sinks' arrivals grouped by message: by {@code X-Harness-Id}, or by Message-ID for arrivals
 * without one. Each group is sorted earliest first. Immutable after construction; thread-safe.
 */
public final class ArrivalIndex {

  private final Map<String, List<SinkArrival>> byKey = new LinkedHashMap<>();
  private final Map<String, List<SinkArrival>> byMessageId = new HashMap<>();

  /** Indexes {@code arrivals}. */
  public ArrivalIndex(List<SinkArrival> arrivals) {
    for (SinkArrival a : arrivals) {
      String key = keyOf(a);
      if (key != null) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
      }
      String mid = MessageIds.normalize(a.messageId());
      if (mid != null) {
        byMessageId.computeIfAbsent(mid, k -> new ArrayList<>()).add(a);
      }
    }
    Comparator<SinkArrival> byTime = Comparator.comparingLong(SinkArrival::arrivalEpochMs);
    byKey.values().forEach(l -> l.sort(byTime));
    byMessageId.values().forEach(l -> l.sort(byTime));
  }

  /** Returns the grouping key of an arrival: its harness id, else {@code mid:<Message-ID>}. */
  public static String keyOf(SinkArrival a) {
    if (a.harnessId() != null && !a.harnessId().isBlank()) {
      return a.harnessId();
    }
    String mid = MessageIds.normalize(a.messageId());
    return mid == null ? null : "mid:" + mid;
  }

  /** Returns every group: key → copies, earliest first. */
  public Map<String, List<SinkArrival>> groups() {
    return java.util.Collections.unmodifiableMap(byKey);
  }

  /** Returns the copies of {@code mail}: by harness id, else by Message-ID; earliest first. */
  public List<SinkArrival> copiesOf(AcceptedMail mail) {
    return copiesOf(mail.harnessId(), mail.messageId());
  }

  /** Returns the copies with {@code harnessId}, else with {@code messageId}; earliest first. */
  public List<SinkArrival> copiesOf(String harnessId, String messageId) {
    if (harnessId != null) {
      List<SinkArrival> found = byKey.get(harnessId);
      if (found != null) {
        return List.copyOf(found);
      }
    }
    String mid = MessageIds.normalize(messageId);
    if (mid != null) {
      List<SinkArrival> found = byMessageId.get(mid);
      if (found != null) {
        return List.copyOf(found);
      }
    }
    return List.of();
  }
}
