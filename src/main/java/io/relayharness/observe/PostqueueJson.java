package io.relayharness.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.relayharness.ledger.JsonLines;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the output of {@code postqueue -j}: one JSON object a line ({@code queue_name, queue_id,
 * arrival_time, message_size, sender, recipients[{address, delay_reason?}]}). Lines that are not
 * JSON objects (an empty queue prints nothing; warnings may be mixed in) are skipped. Stateless;
 * thread-safe.
 */
public final class PostqueueJson {

  private PostqueueJson() {}

  /** Returns every queue entry in {@code text}. */
  public static List<QueueEntry> parse(String text) {
    List<QueueEntry> entries = new ArrayList<>();
    int lineNumber = 0;
    for (String line : text.split("\r?\n")) {
      lineNumber++;
      String trimmed = line.strip();
      if (!trimmed.startsWith("{")) {
        continue;
      }
      entries.add(entry(trimmed, lineNumber));
    }
    return entries;
  }

  /** Counts the queues in {@code text} as they were at {@code sampleEpochMs}. */
  public static QueueSample sample(String text, long sampleEpochMs) {
    return sample(parse(text), sampleEpochMs);
  }

  /** Counts {@code entries} per queue as a sample taken at {@code sampleEpochMs}. */
  public static QueueSample sample(List<QueueEntry> entries, long sampleEpochMs) {
    int incoming = 0;
    int active = 0;
    int deferred = 0;
    int hold = 0;
    long oldestArrival = Long.MAX_VALUE;
    for (QueueEntry e : entries) {
      switch (e.queueName()) {
        case "active" -> active++;
        case "deferred" -> deferred++;
        case "hold" -> hold++;
        default -> incoming++; // incoming, maildrop, and anything Postfix adds later
      }
      oldestArrival = Math.min(oldestArrival, e.arrivalEpochSeconds());
    }
    long oldestAgeSeconds =
        entries.isEmpty() ? 0 : Math.max(0, Math.floorDiv(sampleEpochMs, 1000) - oldestArrival);
    return new QueueSample(
        sampleEpochMs,
        incoming,
        active,
        deferred,
        hold,
        incoming + active + deferred + hold,
        oldestAgeSeconds);
  }

  private static QueueEntry entry(String line, int lineNumber) {
    JsonNode node;
    try {
      node = JsonLines.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "postqueue -j line " + lineNumber + ": not JSON: " + e.getOriginalMessage(), e);
    }
    List<QueueEntry.Recipient> recipients = new ArrayList<>();
    for (JsonNode r : node.path("recipients")) {
      JsonNode reason = r.get("delay_reason");
      recipients.add(
          new QueueEntry.Recipient(
              r.path("address").asText(""),
              reason == null || reason.isNull() ? null : reason.asText()));
    }
    return new QueueEntry(
        node.path("queue_name").asText(""),
        node.path("queue_id").asText(""),
        node.path("arrival_time").asLong(0),
        node.path("message_size").asLong(0),
        node.path("sender").asText(""),
        recipients);
  }
}
