package io.relayharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.ledger.JsonLines;
import io.relayharness.observe.HeldMail;
import io.relayharness.observe.RelayQueueSample;
import io.relayharness.observe.TierHop;
import io.relayharness.observe.TierObservations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run report's relay tier section, from a run folder's tiers.json. */
class TierReportTest {

  @TempDir Path tmp;

  @Test
  void shouldShowEachRelayWithItsDeliveriesQueueAndHeldMail() throws IOException {
    Path run = SyntheticRunFolder.write(tmp.resolve("run"), SyntheticRunFolder.even());
    long t = SyntheticRunFolder.even().startEpochMs();
    TierObservations tiers =
        new TierObservations(
            Map.of("relay0", "eu", "relay1", "us"),
            Map.of("relay0", 10, "relay1", 20),
            Map.of(),
            List.of(
                new TierHop("relay0", "<a@x>", "Q1", t + 100, t + 200, "worker0"),
                new TierHop("relay0", "<b@x>", "Q2", t + 110, t + 210, "worker1"),
                new TierHop("relay1", "<c@x>", "Q3", t + 120, null, null)),
            List.of(new HeldMail("relay1", t + 5000, "Q3", "<c@x>", true)),
            Map.of("relay1", 4),
            List.of(
                new RelayQueueSample(t + 1000, "relay0", 0),
                new RelayQueueSample(t + 2000, "relay1", 7)));
    Files.writeString(run.resolve("tiers.json"), JsonLines.MAPPER.writeValueAsString(tiers));

    String html = Files.readString(RunReport.write(run));

    assertThat(html)
        .contains("<h2>Relay tier</h2>")
        .contains("{worker0=1, worker1=1}")
        .contains("0 held, 1 lost with the disk")
        .contains("<th>lost, last seen in its queue</th>")
        .contains("Queue depth per relay")
        .containsPattern("<polyline[^>]+stroke=\"#d62728\"")
        .contains("shared (every worker)")
        .doesNotContain("outside its pool");
  }

  @Test
  void shouldShowEachRelaysPoolAndMarkADeliveryOutsideIt() throws IOException {
    Path run = SyntheticRunFolder.write(tmp.resolve("pools"), SyntheticRunFolder.even());
    long t = SyntheticRunFolder.even().startEpochMs();
    TierObservations tiers =
        new TierObservations(
            Map.of("relay0", "eu", "relay1", "us"),
            Map.of("relay0", 10, "relay1", 10),
            Map.of("relay0", List.of("worker0"), "relay1", List.of("worker1", "worker2")),
            List.of(
                new TierHop("relay0", "<a@x>", "Q1", t + 100, t + 200, "worker0"),
                new TierHop("relay0", "<b@x>", "Q2", t + 110, t + 210, "worker2"),
                new TierHop("relay1", "<c@x>", "Q3", t + 120, t + 220, "worker1")),
            List.of(),
            Map.of(),
            List.of());
    Files.writeString(run.resolve("tiers.json"), JsonLines.MAPPER.writeValueAsString(tiers));

    String html = Files.readString(RunReport.write(run));

    assertThat(html)
        .contains("<td>worker1, worker2</td>")
        .contains("Deliveries per relay and worker")
        .as("relay0's row: its own worker0 in bold, its delivery to relay1's worker2 marked")
        .contains(
            "<tr><td>relay0</td><td><strong>1</strong></td><td>0</td>"
                + "<td><span class=\"outside-pool\">1 outside its pool</span></td></tr>")
        .contains(
            "<tr><td>relay1</td><td>0</td><td><strong>1</strong></td><td><strong>0</strong></td></tr>");
  }

  @Test
  void shouldLeaveTheSectionOutForOneRelay() throws IOException {
    Path run = SyntheticRunFolder.write(tmp.resolve("one"), SyntheticRunFolder.even());
    assertThat(Files.readString(RunReport.write(run))).doesNotContain("Relay tier");
  }
}
