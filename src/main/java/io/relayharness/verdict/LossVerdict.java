package io.relayharness.verdict;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.RelayMessage;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TierPaths;
import io.relayharness.verdict.internal.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zero loss: every message the relay answered 250 to (ACCEPTED in the injector's ledger) arrived at
 * some sink, matched by harness id, else by Message-ID. Each lost message is listed with its queue
 * id and what the relay last logged about it.
 *
 * <p>In a relay-tier run each lost message is also followed by its id through the tier ({@link
 * TierPaths}) and named by its last hop: never reached the sender, stuck in the sender (its last
 * status), or last seen in a relay's queue (on a lost disk, its last deferral or bounce); the lost
 * messages are counted per last hop and per phase of the timeline they were accepted in (before,
 * during each fault, after), against the messages accepted in that phase. The outcome is the same
 * whole-run judgement: at most {@code maxLost} lost. Immutable; thread-safe.
 */
public final class LossVerdict implements Verdict {

  private final LossConfig config;

  /** Makes the verdict with {@code config}. */
  public LossVerdict(LossConfig config) {
    this.config = config;
  }

  /** Makes the verdict with the defaults. */
  public LossVerdict() {
    this(LossConfig.DEFAULT);
  }

  @Override
  public String name() {
    return "loss";
  }

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    List<MessageTimeline> lost = new ArrayList<>();
    int accepted = 0;
    for (MessageTimeline t : obs.timelines()) {
      if (t.outcome() == AcceptedMail.Outcome.ACCEPTED) {
        accepted++;
        if (t.arrivals().isEmpty()) {
          lost.add(t);
        }
      }
    }
    Table.Builder table =
        Table.builder(
            "Lost messages",
            "harness id",
            "message id",
            "queue id",
            "accepted at",
            "attempts",
            "last status",
            "last relay",
            "last detail",
            "last relay log line");
    for (MessageTimeline t : lost) {
      DeliveryAttempt last =
          t.attempts().isEmpty() ? null : t.attempts().get(t.attempts().size() - 1);
      RelayMessage rm = t.queueId() == null ? null : obs.relayMessages().get(t.queueId());
      table.row(
          t.harnessId(),
          t.messageId(),
          t.queueId() == null ? "unknown" : t.queueId(),
          Fmt.time(t.acceptEpochMs()),
          t.attempts().size(),
          last == null ? "no attempt logged" : last.status() + " at " + Fmt.time(last.epochMs()),
          last == null ? "" : last.relay(),
          last == null ? "" : last.detail(),
          rm == null ? "" : rm.lastLine());
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("accepted", (double) accepted);
    figures.put("arrived", (double) (accepted - lost.size()));
    figures.put("lost", (double) lost.size());
    List<Table> tables = new ArrayList<>();
    if (!lost.isEmpty()) {
      tables.add(table.build());
    }
    Optional<TierPaths> tier = TierPaths.of(obs);
    String where = tier.map(p -> tierFigures(obs, p, figures, tables)).orElse("");
    boolean passed = lost.size() <= config.maxLost() && (accepted > 0 || config.allowNoData());
    String summary;
    if (accepted == 0) {
      summary =
          "no accepted message in the injector's ledger: nothing to follow"
              + (config.allowNoData() ? " (allowed by the scenario)" : "");
    } else if (lost.isEmpty()) {
      summary = "all " + accepted + " accepted messages arrived at a sink";
    } else {
      summary =
          lost.size()
              + " of "
              + accepted
              + " accepted messages never arrived (max "
              + config.maxLost()
              + "): "
              + ids(lost)
              + where;
    }
    return new VerdictResult(name(), passed, summary, figures, tables);
  }

  /**
   * Adds the per-hop and per-phase figures and tables of a tier run; returns the summary's words on
   * where the lost mail was last seen (empty when nothing was lost).
   */
  private static String tierFigures(
      RunObservations obs, TierPaths paths, Map<String, Double> figures, List<Table> tables) {
    Map<String, Long> byHop = paths.lostByHop();
    byHop.forEach((hop, n) -> figures.put("lost." + hop, n.doubleValue()));
    Map<String, long[]> byPhase = new LinkedHashMap<>();
    paths.phases().names().forEach(p -> byPhase.put(p, new long[2]));
    for (MessageTimeline t : obs.timelines()) {
      if (t.accepted()) {
        byPhase.computeIfAbsent(paths.phases().at(t.acceptEpochMs()), p -> new long[2])[0]++;
      }
    }
    Map<String, Map<String, Long>> hopByPhase = new LinkedHashMap<>();
    for (TierPaths.Lost l : paths.lost()) {
      byPhase.computeIfAbsent(l.phase(), p -> new long[2])[1]++;
      hopByPhase
          .computeIfAbsent(l.phase(), p -> new LinkedHashMap<>())
          .merge(l.lastHop(), 1L, Long::sum);
    }
    Table.Builder phases =
        Table.builder(
            "Loss per phase and last hop", "phase", "accepted", "lost", "lost by last hop");
    byPhase.forEach(
        (phase, n) -> {
          figures.put("phase." + phase + ".accepted", (double) n[0]);
          figures.put("phase." + phase + ".lost", (double) n[1]);
          Map<String, Long> hops = hopByPhase.getOrDefault(phase, Map.of());
          phases.row(phase, n[0], n[1], hops.isEmpty() ? "–" : words(hops));
        });
    // the per-phase summary and the tier's view of each lost message lead, the raw table follows
    tables.add(0, phases.build());
    if (paths.lost().isEmpty()) {
      return "";
    }
    Table.Builder where =
        Table.builder(
            "Lost messages through the tier",
            "harness id",
            "message id",
            "accepted at",
            "phase",
            "last hop",
            "where it was last seen",
            "last line there");
    for (TierPaths.Lost l : paths.lost()) {
      where.row(
          l.message().harnessId(),
          l.message().messageId(),
          Fmt.time(l.message().acceptEpochMs()),
          l.phase(),
          l.lastHop(),
          l.where(),
          l.lastLine());
    }
    tables.add(1, where.build());
    Map<String, Long> nonZero = new LinkedHashMap<>();
    byHop.forEach(
        (hop, n) -> {
          if (n > 0) {
            nonZero.put(hop, n);
          }
        });
    Map<String, Long> phaseCounts = new LinkedHashMap<>();
    byPhase.forEach(
        (phase, n) -> {
          if (n[1] > 0) {
            phaseCounts.put(phase, n[1]);
          }
        });
    return "; by last hop: " + words(nonZero) + "; by phase accepted in: " + words(phaseCounts);
  }

  /** {@code relay0 3, sender 1}. */
  private static String words(Map<String, Long> counts) {
    List<String> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(k + " " + n));
    return String.join(", ", out);
  }

  private static String ids(List<MessageTimeline> lost) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(5, lost.size()); i++) {
      MessageTimeline t = lost.get(i);
      s.append(i == 0 ? "" : ", ")
          .append(t.harnessId())
          .append(" (queue id ")
          .append(t.queueId() == null ? "unknown" : t.queueId())
          .append(")");
    }
    if (lost.size() > 5) {
      s.append(" and ").append(lost.size() - 5).append(" more");
    }
    return s.toString();
  }
}
