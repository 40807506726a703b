package io.relayharness.verdict;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.observe.FaultEvent;
import io.relayharness.observe.HeldMail;
import io.relayharness.observe.MessageIds;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TierObservations;
import io.relayharness.observe.TierStep;
import io.relayharness.verdict.internal.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mail that sat on the disk of a relay the timeline took down, named by id: the relay lists its
 * queue files by queue id when it starts again (its log gives each one's Message-ID). Without
 * {@code lost}, each held message must have arrived at a worker after the relay returned (or before
 * it went down: the worker had taken it and the relay was still waiting for the 250, as a paused
 * relay is) and none may be missing; with {@code lost} (the relay came back without its disk), the
 * messages missing from every worker must be exactly the held ones (a held message the sending MTA
 * sent again through another relay, because the killed relay never answered 250 for it, counts as
 * rightly arrived, and so does one a worker took before the relay went down, whose 250 the relay
 * never saw). Immutable; thread-safe.
 */
public final class HeldMailVerdict implements Verdict {

  private final HeldMailConfig config;

  /** Makes the verdict with {@code config}. */
  public HeldMailVerdict(HeldMailConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "heldMail";
  }

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    if (obs.tiers().isEmpty()) {
      return new VerdictResult(
          name(), false, "the run had no relay tier to judge", Map.of(), List.of());
    }
    TierObservations tiers = obs.tiers().get();
    TierStep step = TierStep.of(obs, config.during()).orElse(null);
    if (step == null) {
      return new VerdictResult(
          name(),
          false,
          "step '" + config.during() + "' did not happen in this run",
          Map.of(),
          List.of());
    }
    FaultEvent event = step.event();
    List<String> relays = step.relays();
    List<HeldMail> held =
        tiers.held().stream()
            .filter(h -> relays.contains(h.relay()) && h.epochMs() >= event.startEpochMs())
            .toList();
    Map<String, MessageTimeline> byMid = new LinkedHashMap<>();
    Set<String> lostMids = new LinkedHashSet<>();
    for (MessageTimeline t : obs.timelines()) {
      if (t.messageId() == null) {
        continue;
      }
      String mid = MessageIds.normalize(t.messageId());
      byMid.put(mid, t);
      if (t.outcome() == AcceptedMail.Outcome.ACCEPTED && t.arrivals().isEmpty()) {
        lostMids.add(mid);
      }
    }
    Table.Builder table =
        Table.builder(
            "Mail held on " + String.join(", ", relays) + "'s disk",
            "relay",
            "queue id",
            "message id",
            "harness id",
            "listed at restart",
            "disk lost",
            "arrived at",
            "worker");
    Set<String> heldMids = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    int deliveredAfter = 0;
    int arrivedBeforeDown = 0;
    long downEpochMs = event.inEffect().startEpochMs();
    int unknown = 0;
    int incomplete = 0;
    for (HeldMail h : held) {
      if (h.messageId() == null) {
        incomplete++;
      }
    }
    held = held.stream().filter(h -> h.messageId() != null).toList();
    for (HeldMail h : held) {
      String mid = h.messageId() == null ? null : MessageIds.normalize(h.messageId());
      MessageTimeline t = mid == null ? null : byMid.get(mid);
      if (mid == null) {
        unknown++;
      } else {
        heldMids.add(mid);
      }
      // the copy delivered after the restart (a message the sender also sent through another
      // relay, having seen no 250 before the kill, arrived earlier too)
      MessageTimeline.Arrival first =
          t == null
              ? null
              : t.arrivals().stream()
                  .filter(a -> a.epochMs() >= h.epochMs())
                  .findFirst()
                  .orElse(t.arrivals().isEmpty() ? null : t.arrivals().get(0));
      if (first != null && first.epochMs() >= h.epochMs()) {
        deliveredAfter++;
      } else if (first != null && first.epochMs() < downEpochMs) {
        // the worker had it before the relay went down; the relay still waited for its 250
        arrivedBeforeDown++;
      }
      table.row(
          h.relay(),
          h.queueId(),
          h.messageId() == null ? "unknown" : h.messageId(),
          t == null ? "" : t.harnessId(),
          Fmt.time(h.epochMs()),
          h.diskLost() ? "yes" : "no",
          first == null ? "never" : Fmt.time(first.epochMs()),
          first == null ? "" : first.worker());
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("held", (double) held.size());
    figures.put("deliveredAfterReturn", (double) deliveredAfter);
    figures.put("arrivedBeforeDown", (double) arrivedBeforeDown);
    figures.put("lost", (double) lostMids.size());
    if (held.size() < config.minHeld()) {
      problems.add(
          held.size()
              + " messages held on the disk, fewer than the "
              + config.minHeld()
              + " asked");
    }
    // A queue file whose Message-ID the relay never logged was cut off while it was being
    // received (cleanup logs it before the message is complete and the 250 is given): the client
    // was never told it was accepted, so it is no held mail of the relay's.
    figures.put("incompleteOnDisk", (double) (unknown + incomplete));
    String summary;
    if (config.lost()) {
      long notFlagged = held.stream().filter(h -> !h.diskLost()).count();
      if (notFlagged > 0) {
        problems.add(notFlagged + " held messages came back with the relay: its disk was not lost");
      }
      Set<String> lostNotHeld = new LinkedHashSet<>(lostMids);
      lostNotHeld.removeAll(heldMids);
      Set<String> heldNotLost = new LinkedHashSet<>(heldMids);
      heldNotLost.removeAll(lostMids);
      // A message whose 250 the killed relay never sent is on its disk and was sent again by the
      // sending MTA through another relay: it arrived, and rightly so.
      Set<String> resent = new LinkedHashSet<>();
      for (var hop : tiers.hops()) {
        String mid = MessageIds.normalize(hop.messageId());
        if (heldNotLost.contains(mid) && !relays.contains(hop.relay())) {
          resent.add(mid);
        }
      }
      heldNotLost.removeAll(resent);
      // A message a worker took before the relay went down can still be on its disk: the relay
      // lost the connection after the final dot ("message may be sent more than once") and
      // deferred it. The worker has it, so it is not lost with the disk.
      Set<String> deliveredBeforeDown = new LinkedHashSet<>();
      for (String mid : heldNotLost) {
        MessageTimeline t = byMid.get(mid);
        if (t != null && t.arrivals().stream().anyMatch(a -> a.epochMs() < event.startEpochMs())) {
          deliveredBeforeDown.add(mid);
        }
      }
      heldNotLost.removeAll(deliveredBeforeDown);
      figures.put("resentThroughAnotherRelay", (double) resent.size());
      figures.put("deliveredBeforeDown", (double) deliveredBeforeDown.size());
      figures.put("lostNotHeld", (double) lostNotHeld.size());
      figures.put("heldNotLost", (double) heldNotLost.size());
      if (!lostNotHeld.isEmpty()) {
        problems.add(
            lostNotHeld.size() + " lost messages were not on the lost disk: " + first(lostNotHeld));
      }
      if (!heldNotLost.isEmpty()) {
        problems.add(
            heldNotLost.size()
                + " messages on the lost disk arrived anyway: "
                + first(heldNotLost));
      }
      summary =
          held.size()
              + " messages were on "
              + String.join(", ", relays)
              + "'s lost disk; "
              + lostMids.size()
              + " accepted messages never arrived";
    } else {
      long diskLost = held.stream().filter(HeldMail::diskLost).count();
      if (diskLost > 0) {
        problems.add(diskLost + " held messages went with a lost disk");
      }
      Set<String> heldLost = new LinkedHashSet<>(heldMids);
      heldLost.retainAll(lostMids);
      if (!heldLost.isEmpty()) {
        problems.add(heldLost.size() + " held messages never arrived: " + first(heldLost));
      }
      if (deliveredAfter + arrivedBeforeDown < held.size()) {
        problems.add(
            (held.size() - deliveredAfter - arrivedBeforeDown)
                + " held messages did not arrive after the relay returned");
      }
      summary =
          held.size()
              + " messages were held on "
              + String.join(", ", relays)
              + "'s disk while it was down; "
              + deliveredAfter
              + " arrived after it returned"
              + (arrivedBeforeDown == 0
                  ? ""
                  : ", "
                      + arrivedBeforeDown
                      + " had reached a worker before it went down (its 250 on the way)");
    }
    if (incomplete > 0) {
      summary +=
          " (and "
              + incomplete
              + " queue files without a logged Message-ID: cut off while being received, no 250"
              + " given)";
    }
    if (!problems.isEmpty()) {
      summary += "; " + String.join("; ", problems);
    }
    return new VerdictResult(name(), problems.isEmpty(), summary, figures, List.of(table.build()));
  }

  private static String first(Set<String> ids) {
    List<String> list = new ArrayList<>(ids);
    String head = String.join(", ", list.subList(0, Math.min(5, list.size())));
    return list.size() > 5 ? head + " and " + (list.size() - 5) + " more" : head;
  }
}
