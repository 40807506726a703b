package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.JsonLines;
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
  public static ObjectNode of(RunFolder run) {
    long origin = run.originEpochMs();
    List<JsonNode> messages = new ArrayList<>(run.timeline());
    if (messages.size() > MAX_ROWS) {
      messages.sort(Comparator.comparingInt(TimelineTable::interest).reversed());
      messages = new ArrayList<>(messages.subList(0, MAX_ROWS));
    }
    messages.sort(Comparator.comparingLong(m -> Json.longOr(m, "acceptEpochMs", 0)));
    ObjectNode out = JsonLines.MAPPER.createObjectNode();
    ArrayNode columns = out.putArray("columns");
    COLUMNS.forEach(columns::add);
    ArrayNode rows = out.putArray("rows");
    for (JsonNode m : messages) {
      ArrayNode row = rows.addArray();
      row.add(Json.textOr(m, "harnessId", ""));
      row.add(Json.textOr(m, "queueId", ""));
      if (Json.has(m, "acceptEpochMs")) {
        row.add(RunSeries.seconds(Json.longOr(m, "acceptEpochMs", origin), origin));
      } else {
        row.addNull();
      }
      row.add(Json.textOr(m, "outcome", ""));
      JsonNode attempts = m.path("attempts");
      row.add(attempts.size());
      row.add(deferred(attempts));
      List<String> statuses = new ArrayList<>();
      attempts.forEach(a -> statuses.add(Json.textOr(a, "status", "?")));
      row.add(String.join(" → ", statuses));
      String first = WorkerSplit.firstWorker(m);
      row.add(first == null ? "" : first);
      row.add(m.path("arrivals").size());
      if (Json.has(m, "endToEndMs")) {
        row.add(Json.longOr(m, "endToEndMs", 0));
      } else {
        row.addNull();
      }
    }
    out.put("total", run.timeline().size());
    out.put("shown", rows.size());
    return out;
  }

  private static int deferred(JsonNode attempts) {
    int n = 0;
    for (JsonNode a : attempts) {
      n += "deferred".equals(Json.textOr(a, "status", "")) ? 1 : 0;
    }
    return n;
  }

  private static int interest(JsonNode m) {
    int arrivals = m.path("arrivals").size();
    int score = 0;
    score += arrivals == 0 ? 4 : 0;
    score += arrivals > 1 ? 2 : 0;
    score += deferred(m.path("attempts")) > 0 ? 1 : 0;
    return score;
  }
}
