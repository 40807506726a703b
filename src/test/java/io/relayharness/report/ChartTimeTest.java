package io.relayharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.AcceptedMail.Outcome;
import io.relayharness.ledger.JsonLines;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.report.internal.ReportedRun;
import io.relayharness.report.internal.RunSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts' time axis and rates: t = 0 is the first injected message (not the harness start),
 * fault bands and queue samples on the same origin, and rates per whole second counted from the
 * ledgers (not from the unevenly sampled counters of rates.jsonl).
 */
class ChartTimeTest {

  private static final Pattern DATA =
      Pattern.compile(
          "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);

  @TempDir Path tmp;

  @Test
  void shouldStartEveryChartAtTheFirstInjectedMessageAndNotAtTheHarnessStart() throws IOException {
    SyntheticRunFolder.Spec spec = SyntheticRunFolder.uneven().withLeadIn(55_000);
    Path dir = SyntheticRunFolder.write(tmp.resolve("run"), spec);
    long firstMessage = earliestTransactionStart(dir);
    assertThat(firstMessage - spec.startEpochMs())
        .as("precondition: the harness started 55 s before the first message")
        .isEqualTo(55_000);

    JsonNode s = data(Files.readString(RunReport.write(dir))).path("series");

    assertThat(s.path("originEpochMs").asLong())
        .as("t = 0 is the earliest startEpochMs in accepted.jsonl")
        .isEqualTo(firstMessage);
    assertThat(s.path("rates").path("offered").get(0).get(0).asDouble())
        .as("the offered rate starts at t = 0")
        .isZero();
    assertThat(s.path("rates").path("offered").get(0).get(1).asInt())
        .as("the first message is counted in second 0")
        .isPositive();
    assertThat(firstX(s.path("rates").path("accepted"))).as("accepted starts at 0").isZero();
    for (String worker : SyntheticRunFolder.WORKERS) {
      assertThat(firstX(s.path("delivered").path(worker)))
          .as("deliveries of %s on the same origin", worker)
          .isZero();
    }
    assertThat(firstX(s.path("queue").path("total")))
        .as("queue samples from the harness start are left off; the first one is in second 0")
        .isBetween(0.0, 1.0);
    assertThat(s.path("queue").path("total").size())
        .as("no queue sample of the 55 s before the load")
        .isLessThanOrEqualTo(81);
    assertThat(doubles(s.path("faults"), "startSec"))
        .as("fault bands start at their seconds since the first message")
        .containsExactly(
            SyntheticRunFolder.WORKER1_DOWN_FROM_SEC,
            SyntheticRunFolder.ALL_DOWN_FROM_SEC,
            SyntheticRunFolder.RELAY_RESTART_SEC);
    assertThat(s.path("faults").get(0).path("endSec").asDouble())
        .as("and end there")
        .isEqualTo(SyntheticRunFolder.WORKER1_DOWN_TO_SEC);
    assertThat(doubles(s.path("faults"), "effectStartSec"))
        .as("the in-effect span (what the verdicts judge) starts when applying had finished")
        .containsExactly(
            SyntheticRunFolder.WORKER1_DOWN_FROM_SEC,
            SyntheticRunFolder.ALL_DOWN_FROM_SEC + SyntheticRunFolder.ALL_DOWN_APPLY_SEC,
            SyntheticRunFolder.RELAY_RESTART_SEC);
    assertThat(s.path("faults").get(1).path("effectEndSec").asDouble())
        .as("and ends when the undo began")
        .isEqualTo(SyntheticRunFolder.ALL_DOWN_TO_SEC - SyntheticRunFolder.ALL_DOWN_UNDO_SEC);
    assertThat(minX(s.path("latencyByAccept")))
        .as("latency by accept time on the same origin")
        .isBetween(0.0, 0.1);
    assertThat(s.path("durationSec").asDouble())
        .as("the axis runs from the first message to the run's end, not the whole 135 s")
        .isEqualTo(80.0);
  }

  @Test
  void shouldOverlayTwoRunsByTimeSinceTheirFirstMessage() throws IOException {
    Path a = SyntheticRunFolder.write(tmp.resolve("a"), SyntheticRunFolder.uneven());
    Path b = SyntheticRunFolder.write(tmp.resolve("b"), SyntheticRunFolder.even());
    Path out = tmp.resolve("compare.html");

    JsonNode d = data(Files.readString(RunComparison.write(a, b, out)));

    assertThat(SyntheticRunFolder.uneven().leadInMs())
        .as("precondition: the harnesses took different times to start")
        .isNotEqualTo(SyntheticRunFolder.even().leadInMs());
    for (String side : List.of("a", "b")) {
      JsonNode s = d.path(side).path("series");
      assertThat(firstX(s.path("rates").path("offered"))).as("%s offered from 0", side).isZero();
      assertThat(doubles(s.path("faults"), "startSec"))
          .as("%s's faults at the same seconds since its first message", side)
          .containsExactly(
              SyntheticRunFolder.WORKER1_DOWN_FROM_SEC,
              SyntheticRunFolder.ALL_DOWN_FROM_SEC,
              SyntheticRunFolder.RELAY_RESTART_SEC);
    }
  }

  @Test
  void shouldCountRatesPerSecondFromTheLedgersAndNotFromUnevenlySampledCounters()
      throws IOException {
    long origin = 1_795_100_055_000L;
    Path dir = Files.createDirectories(tmp.resolve("uneven-sampling"));
    ObjectNode run = JsonLines.MAPPER.createObjectNode();
    run.put("scenario", "steady-100").put("startEpochMs", origin - 55_000);
    run.put("endEpochMs", origin + 12_000);
    Files.writeString(dir.resolve("run.json"), JsonLines.toLine(run));
    // 100 msg/s for 10 s, a burst of 134 in second 4; every 25th rejected, every 40th failed
    int[] perSecond = {100, 100, 100, 100, 134, 100, 100, 100, 100, 100};
    List<String> accepted = new ArrayList<>();
    List<String> arrivals = new ArrayList<>();
    int n = 0;
    for (int k = 0; k < perSecond.length; k++) {
      for (int j = 0; j < perSecond[k]; j++, n++) {
        long t = origin + k * 1000L + j * 1000L / perSecond[k];
        Outcome outcome =
            n % 40 == 39 ? Outcome.FAILED : n % 25 == 24 ? Outcome.REJECTED : Outcome.ACCEPTED;
        accepted.add(JsonLines.toLine(mail(n, outcome, t, t + 12)));
        if (outcome == Outcome.ACCEPTED) {
          arrivals.add(JsonLines.toLine(arrival(n, "worker" + (n % 2), t + 45)));
        }
      }
    }
    Files.write(dir.resolve("accepted.jsonl"), accepted);
    Files.write(dir.resolve("arrivals.jsonl"), arrivals);
    // The sampled counters: the sampler missed second 4 and caught up at 5.5 s, so one line
    // holds 2.5 s of counts (the spike the old chart drew).
    Files.write(
        dir.resolve("rates.jsonl"),
        List.of(
            "{\"epochMs\":" + (origin + 1_000) + ",\"offered\":100,\"accepted\":100}",
            "{\"epochMs\":" + (origin + 2_000) + ",\"offered\":100,\"accepted\":100}",
            "{\"epochMs\":" + (origin + 3_000) + ",\"offered\":100,\"accepted\":100}",
            "{\"epochMs\":" + (origin + 5_500) + ",\"offered\":284,\"accepted\":284}",
            "{\"epochMs\":" + (origin + 6_000) + ",\"offered\":50,\"accepted\":50}"));

    JsonNode s = RunSeries.of(ReportedRun.load(dir));

    assertThat(
            JsonLines.read(dir.resolve("rates.jsonl"), JsonNode.class).stream()
                .mapToInt(r -> r.path("offered").asInt())
                .max()
                .orElseThrow())
        .as("precondition: the sampled counters show a spike")
        .isGreaterThanOrEqualTo(250);
    List<AcceptedMail> ledger = JsonLines.read(dir.resolve("accepted.jsonl"), AcceptedMail.class);
    List<SinkArrival> sinks = JsonLines.read(dir.resolve("arrivals.jsonl"), SinkArrival.class);
    assertThat(perSecond(s.path("rates").path("offered")))
        .as("offered per second = the ledger's transaction starts per second")
        .isEqualTo(bucket(ledger.stream().map(AcceptedMail::startEpochMs).toList(), origin));
    assertThat(max(s.path("rates").path("offered")))
        .as("the highest offered rate is the ledger's busiest second, no spike")
        .isEqualTo(134);
    for (Outcome outcome : Outcome.values()) {
      String field = outcome.name().toLowerCase(java.util.Locale.ROOT);
      assertThat(perSecond(s.path("rates").path(field)))
          .as("%s per second = the ledger's %s replies per second", field, outcome)
          .isEqualTo(
              bucket(
                  ledger.stream()
                      .filter(m -> m.outcome() == outcome)
                      .map(AcceptedMail::endEpochMs)
                      .toList(),
                  origin));
    }
    assertThat(sum(s.path("rates").path("rejected")))
        .as("every rejected message counted once")
        .isEqualTo(ledger.stream().filter(m -> m.outcome() == Outcome.REJECTED).count());
    for (String worker : List.of("worker0", "worker1")) {
      assertThat(perSecond(s.path("delivered").path(worker)))
          .as("deliveries to %s per second = its arrival times per second", worker)
          .isEqualTo(
              bucket(
                  sinks.stream()
                      .filter(a -> a.worker().equals(worker))
                      .map(SinkArrival::arrivalEpochMs)
                      .toList(),
                  origin));
    }
  }

  @Test
  void shouldChartTheSameWithoutTimelineJsonlAsAKilledRunLeavesIt() throws IOException {
    Path dir = SyntheticRunFolder.write(tmp.resolve("run"), SyntheticRunFolder.uneven());
    JsonNode before = RunSeries.of(ReportedRun.load(dir));
    Files.delete(dir.resolve("timeline.jsonl"));

    JsonNode after = RunSeries.of(ReportedRun.load(dir));

    assertThat(after)
        .as("the per-message timelines are joined from the ledgers, not read from the derived file")
        .isEqualTo(before);
  }

  private static AcceptedMail mail(int n, Outcome outcome, long start, long end) {
    return new AcceptedMail(
        "h-" + n,
        "<h-" + n + "@load.example.com>",
        "load@load.example.com",
        List.of("user@archive.example.com"),
        2_048,
        "00",
        outcome,
        outcome == Outcome.ACCEPTED ? 250 : outcome == Outcome.REJECTED ? 451 : 0,
        "",
        outcome == Outcome.ACCEPTED ? "Q" + n : null,
        start,
        end);
  }

  private static SinkArrival arrival(int n, String worker, long at) {
    return new SinkArrival(
        worker,
        worker + "-s1",
        "<h-" + n + "@load.example.com>",
        "h-" + n,
        "Q" + n,
        "load@load.example.com",
        List.of("user@archive.example.com"),
        2_048,
        "00",
        "00",
        at);
  }

  /** Non-zero counts per whole second since {@code origin}. */
  private static Map<Long, Long> bucket(List<Long> epochMs, long origin) {
    Map<Long, Long> out = new TreeMap<>();
    epochMs.forEach(t -> out.merge(Math.floorDiv(t - origin, 1000L), 1L, Long::sum));
    return out;
  }

  /** A series' non-zero points as second → count (its x values must be whole seconds). */
  private static Map<Long, Long> perSecond(JsonNode points) {
    Map<Long, Long> out = new TreeMap<>();
    for (JsonNode p : points) {
      assertThat(p.get(0).asDouble())
          .as("x is a whole second")
          .isCloseTo(Math.rint(p.get(0).asDouble()), within(1e-9));
      if (p.get(1).asLong() != 0) {
        out.put(p.get(0).asLong(), p.get(1).asLong());
      }
    }
    return out;
  }

  private static long max(JsonNode points) {
    long max = 0;
    for (JsonNode p : points) {
      max = Math.max(max, p.get(1).asLong());
    }
    return max;
  }

  private static long sum(JsonNode points) {
    long sum = 0;
    for (JsonNode p : points) {
      sum += p.get(1).asLong();
    }
    return sum;
  }

  private static double firstX(JsonNode points) {
    assertThat(points.size()).as("a series with points").isPositive();
    return points.get(0).get(0).asDouble();
  }

  private static double minX(JsonNode seriesByName) {
    double min = Double.MAX_VALUE;
    for (JsonNode points : seriesByName) {
      for (JsonNode p : points) {
        min = Math.min(min, p.get(0).asDouble());
      }
    }
    return min;
  }

  private static List<Double> doubles(JsonNode array, String field) {
    List<Double> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asDouble()));
    return out;
  }

  private static long earliestTransactionStart(Path dir) {
    return JsonLines.read(dir.resolve("accepted.jsonl"), AcceptedMail.class).stream()
        .mapToLong(AcceptedMail::startEpochMs)
        .min()
        .orElseThrow();
  }

  private static JsonNode data(String html) throws IOException {
    Matcher m = DATA.matcher(html);
    assertThat(m.find()).as("the page embeds its data").isTrue();
    return JsonLines.MAPPER.readTree(m.group(1));
  }
}
