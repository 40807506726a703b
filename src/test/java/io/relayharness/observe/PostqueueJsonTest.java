package io.relayharness.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostqueueJsonTest {

  private static final String QUEUE =
      """
      {"queue_name": "deferred", "queue_id": "4SxF1a2B3c4D5fGz", "arrival_time": 1795341600, "message_size": 5123, "forced_expire": false, "sender": "journal@load.example.com", "recipients": [{"address": "archive@archive.example.com", "delay_reason": "connect to worker0.int.example.com[127.0.1.10]:2525: Connection refused"}]}
      {"queue_name": "active", "queue_id": "4SxF1a2B3c4D5fHz", "arrival_time": 1795341630, "message_size": 4100, "forced_expire": false, "sender": "", "recipients": [{"address": "a@archive.example.com"}, {"address": "b@archive.example.com"}]}
      {"queue_name": "incoming", "queue_id": "4SxF1a2B3c4D5fJz", "arrival_time": 1795341655, "message_size": 900, "forced_expire": false, "sender": "x@load.example.com", "recipients": [{"address": "c@archive.example.com"}]}
      {"queue_name": "maildrop", "queue_id": "4SxF1a2B3c4D5fKz", "arrival_time": 1795341656, "message_size": 800, "forced_expire": false, "sender": "root@relay", "recipients": [{"address": "d@archive.example.com"}]}
      {"queue_name": "hold", "queue_id": "4SxF1a2B3c4D5fLz", "arrival_time": 1795341500, "message_size": 700, "forced_expire": false, "sender": "y@load.example.com", "recipients": [{"address": "e@archive.example.com"}]}
      """;

  @Test
  void shouldParseEntriesWithRecipientsAndDelayReasons() {
    List<QueueEntry> entries = PostqueueJson.parse(QUEUE);

    assertThat(entries).hasSize(5);
    QueueEntry deferred = entries.get(0);
    assertThat(deferred.queueName()).isEqualTo("deferred");
    assertThat(deferred.queueId()).isEqualTo("4SxF1a2B3c4D5fGz");
    assertThat(deferred.arrivalEpochSeconds()).isEqualTo(1795341600L);
    assertThat(deferred.messageSizeBytes()).isEqualTo(5123L);
    assertThat(deferred.recipients().get(0).delayReason()).contains("Connection refused");
    assertThat(entries.get(1).sender()).as("null sender").isEmpty();
    assertThat(entries.get(1).recipients())
        .extracting(QueueEntry.Recipient::delayReason)
        .containsOnlyNulls();
  }

  @Test
  void shouldCountQueuesAndTheOldestAge() {
    QueueSample s = PostqueueJson.sample(QUEUE, 1_795_341_660_500L);

    assertThat(s.epochMs()).isEqualTo(1_795_341_660_500L);
    assertThat(s.incoming()).as("incoming + maildrop").isEqualTo(2);
    assertThat(s.active()).isEqualTo(1);
    assertThat(s.deferred()).isEqualTo(1);
    assertThat(s.hold()).isEqualTo(1);
    assertThat(s.total()).isEqualTo(5);
    assertThat(s.inFlight()).isEqualTo(4);
    assertThat(s.oldestAgeSeconds()).as("the held message arrived at ...500").isEqualTo(160);
  }

  @Test
  void shouldReadAnEmptyQueueAndSkipNoise() {
    QueueSample s =
        PostqueueJson.sample(
            "\npostqueue: warning: Mail system is down -- accessing queue directly\n", 5000);

    assertThat(s.total()).isZero();
    assertThat(s.oldestAgeSeconds()).isZero();
  }

  @Test
  void shouldNameTheLineOfBrokenJson() {
    assertThatThrownBy(() -> PostqueueJson.parse("{\"queue_name\": \"active\"}\n{broken"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }
}
