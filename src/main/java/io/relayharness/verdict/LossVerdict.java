package io.relayharness.verdict;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.MessageTimeline;
import io.relayharness.observe.RelayMessage;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.internal.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zero loss: every message the relay answered 250 to (ACCEPTED in the injector's ledger) arrived at
 * some sink, matched by harness id, else by Message-ID. Each lost message is listed with its queue
 * id and what the relay last logged about it. Immutable; thread-safe.
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
              + ids(lost);
    }
    return new VerdictResult(
        name(), passed, summary, figures, lost.isEmpty() ? List.of() : List.of(table.build()));
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
