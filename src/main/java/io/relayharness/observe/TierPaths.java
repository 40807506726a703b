package io.relayharness.observe;

import io.relayharness.ledger.SinkArrival;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Each message of a relay-tier run followed by its id: injector (ledger) → sending MTA (the run's
 * relay log, by the queue id of its 250) → relays (each relay's log, by Message-ID: {@link
 * TierHop}) → workers (the sinks' ledgers; a copy names the relay queue id it came through in its
 * {@code Received:} header). From that: where each lost message was last seen, and which relay
 * handed each copy on. Immutable; thread-safe.
 *
 * <pre>
 *   injector ──250 queued as Q──► sender ──Message-ID──► relay&lt;k&gt; (queue id R) ──R──► worker
 *   lost: never reached the sender │ stuck in the sender │ last seen in relay&lt;k&gt;'s queue
 * </pre>
 */
public final class TierPaths {

  /** The last hop of a lost message the sending MTA holds (or gave up on). */
  public static final String SENDER = "sender";

  /** The last hop of a lost message no MTA of the tier logged. */
  public static final String NOWHERE = "nowhere";

  /**
   * A lost message and where it was last seen.
   *
   * @param message its timeline
   * @param phase the phase it was accepted in ({@link RunPhases})
   * @param lastHop {@link #SENDER}, a relay's name, or {@link #NOWHERE}
   * @param where in words, e.g. {@code last seen in relay0's queue: on its disk when relay0 came
   *     back without it}
   * @param lastLine what the last hop logged last about it, or empty
   */
  public record Lost(
      MessageTimeline message, String phase, String lastHop, String where, String lastLine) {}

  private final TierObservations tiers;
  private final RunPhases phases;
  private final boolean viaSender;
  private final Map<String, List<TierHop>> hopsByMessageId = new HashMap<>();
  private final Map<String, List<TierHop>> hopsByQueueId = new HashMap<>();
  private final List<Lost> lost = new ArrayList<>();

  private TierPaths(RunObservations obs, TierObservations tiers) {
    this.tiers = tiers;
    this.phases = RunPhases.of(obs.faults());
    for (TierHop h : tiers.hops()) {
      hopsByMessageId
          .computeIfAbsent(MessageIds.normalize(h.messageId()), k -> new ArrayList<>())
          .add(h);
      hopsByQueueId.computeIfAbsent(h.queueId(), k -> new ArrayList<>()).add(h);
    }
    hopsByMessageId
        .values()
        .forEach(l -> l.sort(Comparator.comparingLong(TierHop::receivedEpochMs)));
    // without a sending MTA the injector talks to a relay: its 250 names that relay's queue id
    this.viaSender =
        obs.timelines().stream()
            .filter(t -> t.queueId() != null)
            .noneMatch(t -> hopsByQueueId.containsKey(t.queueId()));
    for (MessageTimeline t : obs.timelines()) {
      if (t.notDelivered()) {
        lost.add(lostOf(obs, t));
      }
    }
  }

  /** Follows the messages of {@code obs}, or empty when the run had no relay tier. */
  public static java.util.Optional<TierPaths> of(RunObservations obs) {
    return obs.tiers().map(t -> new TierPaths(obs, t));
  }

  /** The run's phases. */
  public RunPhases phases() {
    return phases;
  }

  /** Whether a sending MTA took the load in front of the relays. */
  public boolean viaSender() {
    return viaSender;
  }

  /** The accepted messages no worker has, each with where it was last seen, in ledger order. */
  public List<Lost> lost() {
    return lost;
  }

  /** Lost messages per last hop: the sender, each relay (0 when none), and nowhere when any. */
  public Map<String, Long> lostByHop() {
    Map<String, Long> out = new LinkedHashMap<>();
    if (viaSender) {
      out.put(SENDER, 0L);
    }
    tiers.regions().keySet().forEach(r -> out.put(r, 0L));
    lost.forEach(l -> out.merge(l.lastHop(), 1L, Long::sum));
    return out;
  }

  /** The relays' hops of a message (by Message-ID), earliest first. */
  public List<TierHop> hopsOf(String messageId) {
    return hopsByMessageId.getOrDefault(MessageIds.normalize(messageId), List.of());
  }

  /**
   * The hop a copy came through: the relay whose queue id its {@code Received:} header names (of
   * the same message, when two relays happen to share a queue id), or null when none is known.
   */
  public TierHop hopOf(SinkArrival copy) {
    if (copy.relayQueueId() == null) {
      return null;
    }
    List<TierHop> found = hopsByQueueId.getOrDefault(copy.relayQueueId(), List.of());
    String mid = MessageIds.normalize(copy.messageId());
    for (TierHop h : found) {
      if (Objects.equals(MessageIds.normalize(h.messageId()), mid)) {
        return h;
      }
    }
    return found.size() == 1 && mid == null ? found.get(0) : null;
  }

  /** Peak queue depth per relay (0 for a relay never sampled above 0). */
  public Map<String, Integer> queuePeaks() {
    Map<String, Integer> out = new TreeMap<>();
    tiers.regions().keySet().forEach(r -> out.put(r, 0));
    tiers.queues().forEach(q -> out.merge(q.relay(), q.depth(), Math::max));
    return out;
  }

  /** Per relay: messages on its disk at a restart that came back with it, and that went with it. */
  public Map<String, long[]> heldByRelay() {
    Map<String, long[]> out = new TreeMap<>();
    tiers.regions().keySet().forEach(r -> out.put(r, new long[2]));
    tiers
        .held()
        .forEach(h -> out.computeIfAbsent(h.relay(), r -> new long[2])[h.diskLost() ? 1 : 0]++);
    return out;
  }

  private Lost lostOf(RunObservations obs, MessageTimeline t) {
    String phase = phases.at(t.acceptEpochMs());
    List<TierHop> hops = t.messageId() == null ? List.of() : hopsOf(t.messageId());
    if (!hops.isEmpty()) {
      TierHop last = hops.get(hops.size() - 1);
      return new Lost(t, phase, last.relay(), relayWhere(last), relayLine(last));
    }
    RelayMessage entry = t.queueId() == null ? null : obs.relayMessages().get(t.queueId());
    if (!viaSender) {
      return new Lost(t, phase, NOWHERE, "in no relay's log", "");
    }
    if (entry == null && t.attempts().isEmpty()) {
      return new Lost(
          t,
          phase,
          NOWHERE,
          "never reached the sender: its log has no line for "
              + (t.queueId() == null ? "the message" : "queue id " + t.queueId()),
          "");
    }
    DeliveryAttempt lastTry =
        t.attempts().isEmpty() ? null : t.attempts().get(t.attempts().size() - 1);
    String state;
    if (lastTry == null) {
      state = "no delivery attempt logged";
    } else if (lastTry.delivered()) {
      state =
          "it logged it sent to "
              + lastTry.relay()
              + " at "
              + time(lastTry.epochMs())
              + ", but no relay logged its Message-ID";
    } else {
      state = lastTry.status() + (lastTry.detail() == null ? "" : " (" + lastTry.detail() + ")");
    }
    return new Lost(
        t,
        phase,
        SENDER,
        "stuck in the sender: " + state,
        entry == null || entry.lastLine() == null ? "" : entry.lastLine());
  }

  private String relayWhere(TierHop hop) {
    String prefix = "last seen in " + hop.relay() + "'s queue";
    for (HeldMail h : tiers.held()) {
      if (h.relay().equals(hop.relay()) && h.queueId().equals(hop.queueId()) && h.diskLost()) {
        return prefix + ": on its disk when " + hop.relay() + " came back without it";
      }
    }
    if (hop.deliveredEpochMs() != null) {
      return prefix
          + ": it logged it sent to "
          + hop.worker()
          + " at "
          + time(hop.deliveredEpochMs())
          + ", but no worker has it";
    }
    DeliveryAttempt a = lastFailure(hop);
    if (a == null) {
      return prefix + ": no delivery attempt logged";
    }
    return prefix + ": " + a.status() + (a.detail() == null ? "" : " (" + a.detail() + ")");
  }

  private String relayLine(TierHop hop) {
    DeliveryAttempt a = lastFailure(hop);
    return a == null ? "" : time(a.epochMs()) + " " + hop.relay() + " " + a.logText();
  }

  private DeliveryAttempt lastFailure(TierHop hop) {
    DeliveryAttempt last = null;
    for (DeliveryAttempt a : tiers.failedAttempts().getOrDefault(hop.relay(), List.of())) {
      if (hop.queueId().equals(a.queueId())) {
        last = a;
      }
    }
    return last;
  }

  private static String time(long epochMs) {
    return Instant.ofEpochMilli(epochMs).toString();
  }
}
