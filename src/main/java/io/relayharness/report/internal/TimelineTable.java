package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.JsonLines;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.MessageTimeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The per-message timeline as table rows for the page's searchable table: one row per message,
 * capped (messages with something unusual first: not delivered, duplicated, deferred), the full
 * data staying in timeline.jsonl. Stateless; thread-safe.
 */
public final class TimelineTable {

  /** At most this many rows are embedded in a page. */
  public static final int MAX_ROWS = 3000;

  private static final List<String> COLUMNS =
      List.of(
          "harnessId",
          "queueId",
          "accept (s)",
          "outcome",
          "attempts",
          "deferred",
          "statuses",
          "first worker",
          "arrivals",
          "endToEndMs");

  private TimelineTable() {}

  /** {columns, rows, total, shown} for the timeline of {@code run}. */
  public static ObjectNode of(ReportedRun run) {
    long origin = run.originEpochMs();
    List<MessageTimeline> messages = new ArrayList<>(run.timeline());
    if (messages.size() > MAX_ROWS) {
      messages.sort(Comparator.comparingInt(TimelineTable::interest).reversed());
      messages = new ArrayList<>(messages.subList(0, MAX_ROWS));
    }
    messages.sort(Comparator.comparingLong(MessageTimeline::acceptEpochMs));
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    ArrayNode columns = out.putArray("columns");
    COLUMNS.forEach(columns::add);
    ArrayNode rows = out.putArray("rows");
    for (MessageTimeline m : messages) {
      ArrayNode row = rows.addArray();
      row.add(m.harnessId() == null ? "" : m.harnessId());
      row.add(m.queueId() == null ? "" : m.queueId());
      row.add(RunSeries.seconds(m.acceptEpochMs(), origin));
      row.add(m.outcome() == null ? "" : m.outcome().name());
      row.add(m.attempts().size());
      row.add(deferred(m));
      row.add(
          String.join(
              " → ",
              m.attempts().stream().map(a -> a.status() == null ? "?" : a.status()).toList()));
      String first = m.firstWorker();
      row.add(first == null ? "" : first);
      row.add(m.arrivals().size());
      if (m.endToEndMs() != null) {
        row.add(m.endToEndMs());
      } else {
        row.addNull();
      }
    }
    out.put("total", run.timeline().size());
    out.put("shown", rows.size());
    return out;
  }

  private static int deferred(MessageTimeline m) {
    return (int) m.attempts().stream().filter(DeliveryAttempt::deferred).count();
  }

  private static int interest(MessageTimeline m) {
    int arrivals = m.arrivals().size();
    int score = 0;
    score += m.notDelivered() ? 4 : 0;
    score += arrivals > 1 ? 2 : 0;
    score += deferred(m) > 0 ? 1 : 0;
    return score;
  }
}
