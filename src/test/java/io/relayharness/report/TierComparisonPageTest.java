package io.relayharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.observe.HeldMail;
import io.relayharness.observe.RelayQueueSample;
import io.relayharness.observe.RunFolder;
import io.relayharness.observe.TierHop;
import io.relayharness.observe.TierObservations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./harness compare} of two relay-tier runs shows every relay of the tier side by side:
 * messages taken and their share, deliveries and their share, per worker, queue peak, held and lost
 * mail. The tiers are written into synthetic run folders through observe's writer.
 */
class TierComparisonPageTest {

  @TempDir Path tmp;

  /**
   * relay0 takes {@code n0} messages and relay1 {@code n1}; relay0 delivers them to worker0, relay1
   * to worker1 and worker2 alternately; {@code held} of relay1's are on its disk at a restart, the
   * disk lost; relay1's queue peaks at {@code peak1}.
   */
  private static TierObservations tier(long t, int n0, int n1, int held, int peak1) {
    List<TierHop> hops = new ArrayList<>();
    List<HeldMail> onDisk = new ArrayList<>();
    for (int i = 0; i < n0 + n1; i++) {
      String relay = i < n0 ? "relay0" : "relay1";
      String worker = i < n0 ? "worker0" : (i % 2 == 0 ? "worker1" : "worker2");
      boolean lostWithDisk = i >= n0 && i < n0 + held;
      hops.add(
          new TierHop(
              relay,
              "<t" + i + "@x>",
              "Q" + i,
              t + i,
              lostWithDisk ? null : t + i + 50,
              lostWithDisk ? null : worker));
      if (lostWithDisk) {
        onDisk.add(new HeldMail(relay, t + 5000, "Q" + i, "<t" + i + "@x>", true));
      }
    }
    return new TierObservations(
        Map.of("relay0", "eu", "relay1", "us"),
        Map.of("relay0", 10, "relay1", 10),
        Map.of(),
        hops,
        onDisk,
        Map.of("relay1", 3),
        List.of(
            new RelayQueueSample(t + 100, "relay0", 2),
            new RelayQueueSample(t + 200, "relay1", peak1)));
  }

  private Path run(String name, TierObservations tiers) {
    Path dir = SyntheticRunFolder.write(tmp.resolve(name), SyntheticRunFolder.even());
    if (tiers != null) {
      RunFolder.open(dir).writeJson(RunFolder.TIERS, tiers);
    }
    return dir;
  }

  private static Map<String, List<String>> rowsOf(String html) {
    Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
    Matcher m =
        Pattern.compile(
                "<tr data-relay=\"([^\"]+)\"><td>[^<]*</td><td>([^<]*)</td><td class=\"num\">([^<]*)</td><td class=\"num\">([^<]*)</td><td class=\"num\">([^<]*)</td></tr>")
            .matcher(html);
    while (m.find()) {
      rows.put(m.group(1) + " " + m.group(2), List.of(m.group(3), m.group(4), m.group(5)));
    }
    return rows;
  }

  @Test
  void shouldShowEveryRelayOfBothRunsSideBySide() throws IOException {
    long t = SyntheticRunFolder.even().startEpochMs();
    Path a = run("a", tier(t, 60, 40, 0, 7));
    Path b = run("b", tier(t, 50, 50, 4, 19));

    String html =
        Files.readString(RunComparison.write(a, b, tmp.resolve("compare.html")))
            .replace("&amp;", "&")
            .replace("&#39;", "'");

    assertThat(html).contains("<section id=\"tier\">", "<a href=\"#tier\">Relay tier</a>");
    Map<String, List<String>> rows = rowsOf(html);
    assertThat(rows.get("relay0 messages taken (share of the relays')"))
        .containsExactly("60 (60.0%)", "50 (50.0%)", "-10.0 pp");
    assertThat(rows.get("relay1 messages taken (share of the relays')"))
        .containsExactly("40 (40.0%)", "50 (50.0%)", "+10.0 pp");
    assertThat(rows.get("relay1 delivered to workers (share of the relays' deliveries)"))
        .as("B: 46 of relay1's 50 delivered, 4 went with its disk")
        .containsExactly("40 (40.0%)", "46 (47.9%)", "+7.9 pp");
    assertThat(rows.get("relay1 delivered per worker").subList(0, 2))
        .containsExactly("worker1 20, worker2 20", "worker1 23, worker2 23");
    assertThat(rows.get("relay1 queue peak")).containsExactly("7", "19", "+12");
    assertThat(rows.get("relay1 on its disk at a restart, lost with it"))
        .containsExactly("0", "4", "+4");
    assertThat(rows.get("relay1 sender's failed connections or sessions to it"))
        .containsExactly("3", "3", "0");
    assertThat(rows)
        .containsKeys(
            "relay0 lost, last seen in its queue",
            "relay1 lost, last seen in its queue",
            "sender lost, stuck in the sender");
  }

  @Test
  void shouldShowADashForTheSideWithOneRelay() throws IOException {
    long t = SyntheticRunFolder.even().startEpochMs();
    Path a = run("one", null);
    Path b = run("tier", tier(t, 50, 50, 0, 5));
    Map<String, List<String>> rows =
        rowsOf(
            Files.readString(RunComparison.write(a, b, tmp.resolve("c.html")))
                .replace("&#39;", "'"));
    assertThat(rows.get("relay1 queue peak")).containsExactly("—", "5", "");
  }

  @Test
  void shouldLeaveTheTierOutWhenNeitherRunHadOne() throws IOException {
    Path a = run("x", null);
    Path b = run("y", null);
    assertThat(Files.readString(RunComparison.write(a, b, tmp.resolve("d.html"))))
        .doesNotContain("id=\"tier\"")
        .doesNotContain("Relay tier");
  }
}
