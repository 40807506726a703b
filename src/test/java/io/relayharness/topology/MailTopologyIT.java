package io.relayharness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.relayharness.ledger.SinkArrival;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real topology end to end: a Postfix relay, three sink workers and the fault proxy, started
 * from nothing. One topology serves every test (each uses its own message ids); timers are
 * shortened so retries come within seconds.
 */
class MailTopologyIT {

  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
  private static MailTopology topology;
  private static TestMail mail;

  @BeforeAll
  static void startTopology() {
    topology =
        MailTopology.builder()
            .relayOverride("queue_run_delay", "2s")
            .relayOverride("minimal_backoff_time", "2s")
            .relayOverride("maximal_backoff_time", "4s")
            .relayOverride("smtp_connect_timeout", "5s")
            .build();
    topology.start();
    System.out.printf(
        "topology started in %d ms (fault proxy: %s)%n",
        topology.startTime().toMillis(), topology.faultProxy().kind());
    mail = new TestMail(topology.relay().host(), topology.relay().smtpPort());
  }

  @AfterAll
  static void stopTopology() {
    if (topology != null) {
      topology.stop();
    }
  }

  @AfterEach
  void allWorkersBack() {
    for (SinkWorker sink : topology.sinks()) {
      if (!sink.isRunning()) {
        sink.startAgain();
      }
      topology.faultProxy().setEnabled(sink.name(), true);
    }
  }

  @Test
  void shouldDeliverEveryMessageExactlyOnceSpreadOverAllWorkers() throws Exception {
    List<String> ids = mail.send("even", 300, 10);

    Map<String, List<SinkArrival>> arrivals = awaitArrivals(ids);

    assertThat(arrivals.values())
        .as("arrivals per message id")
        .allSatisfy(a -> assertThat(a).hasSize(1));
    Map<String, Long> perWorker = countPerWorker(arrivals.values());
    assertThat(perWorker)
        .as("messages per worker")
        .containsOnlyKeys("worker0", "worker1", "worker2");
    arrivals.forEach(
        (id, a) ->
            assertThat(a.get(0).bodyHash())
                .as("body hash of %s at the sink", id)
                .isEqualTo(mail.sentHashById.get(id)));
    assertThat(arrivals.values().stream().map(a -> a.get(0).relayQueueId()))
        .as("relay queue ids from the Received header")
        .doesNotContainNull();
  }

  @Test
  void shouldDeliverToTheOtherWorkersWhenOneProxyIsDown() throws Exception {
    topology.faultProxy().setEnabled("worker1", false);

    List<String> ids = mail.send("one-down", 120, 4);

    Map<String, List<SinkArrival>> arrivals = awaitArrivals(ids);
    assertThat(countPerWorker(arrivals.values()))
        .as("messages per worker with worker1's proxy disabled")
        .doesNotContainKey("worker1")
        .containsKeys("worker0", "worker2");
    assertThat(arrivals.values()).allSatisfy(a -> assertThat(a).hasSize(1));
  }

  @Test
  void shouldQueueWhileAllWorkersAreDownAndDrainWhenTheyReturn() throws Exception {
    topology.sinks().forEach(s -> topology.faultProxy().setEnabled(s.name(), false));

    List<String> ids = mail.send("all-down", 60, 3);

    Waits.until(
        "all 60 messages deferred in the relay's queue",
        Duration.ofSeconds(30),
        200,
        () -> deferred() >= 60,
        () -> deferred() + " deferred");
    topology.sinks().forEach(s -> topology.faultProxy().setEnabled(s.name(), true));
    Map<String, List<SinkArrival>> arrivals = awaitArrivals(ids);
    Waits.until(
        "the relay's queue to drain",
        Duration.ofSeconds(30),
        200,
        () -> queued() == 0,
        () -> queued() + " queued");
    assertThat(arrivals.values()).allSatisfy(a -> assertThat(a).hasSize(1));
  }

  @Test
  void shouldKeepTheLedgerOfAKilledSinkThroughARestart() throws Exception {
    List<String> ids = mail.send("kill", 60, 3);
    awaitArrivals(ids);
    SinkWorker victim = topology.sink("worker2");
    Set<String> before = harnessIds(victim.ledger());

    victim.kill();
    Set<String> whileDead = harnessIds(victim.ledger());
    victim.startAgain();
    Set<String> afterRestart = harnessIds(victim.ledger());

    assertThat(before).as("worker2 accepted some of the messages").isNotEmpty();
    assertThat(whileDead).as("ledger read from the killed container").containsAll(before);
    assertThat(afterRestart).as("ledger after the restart").containsAll(before);
  }

  @Test
  void shouldLoseNothingWhenTheRelayRestartsWithMailInItsQueue() throws Exception {
    topology.sinks().forEach(s -> topology.faultProxy().setEnabled(s.name(), false));
    List<String> ids = mail.send("restart", 50, 2);
    Waits.until(
        "50 messages queued",
        Duration.ofSeconds(30),
        200,
        () -> queued() >= 50,
        () -> queued() + " queued");

    // A restart in the middle of a transaction leaves cleanup's temporary file in incoming/; its
    // warning once killed the start-up check and so the relay (seen in relay-restart-with-queue).
    topology.relay().exec("touch", "/var/spool/postfix/incoming/229518.480");
    topology.relay().restart();
    topology.sinks().forEach(s -> topology.faultProxy().setEnabled(s.name(), true));

    Map<String, List<SinkArrival>> arrivals = awaitArrivals(ids);
    assertThat(arrivals).as("messages delivered after the relay restart").hasSize(50);
    assertThat(arrivals.values()).allSatisfy(a -> assertThat(a).hasSize(1));
  }

  /**
   * relay-paused once hung a run for good: the queue sampler's {@code docker exec} was starting
   * when the relay froze, runc's exec waited on its frozen helper, and the engine held the unpause
   * behind it. Here four threads sample the queue without pause while the relay is frozen and
   * thawed 40 times at random moments; every cycle must return, and the samples asked for while it
   * is frozen fail at once.
   */
  private static final int SAMPLERS = Integer.getInteger("freeze.samplers", 4);

  private static final int FREEZE_CYCLES = Integer.getInteger("freeze.cycles", 40);

  @Test
  void shouldFreezeAndThawTheRelayWhileItsQueueIsSampled() throws Exception {
    Relay relay = topology.relay();
    AtomicInteger sampled = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> samplers = new ArrayList<>();
    for (int t = 0; t < SAMPLERS; t++) {
      Thread sampler =
          new Thread(
              () -> {
                while (!stop.get()) {
                  try {
                    relay.queueJson();
                    sampled.incrementAndGet();
                  } catch (RuntimeException e) {
                    if (String.valueOf(e.getMessage()).contains("is paused")) {
                      refused.incrementAndGet();
                    }
                  }
                }
              },
              "queue-sampler-" + t);
      sampler.setDaemon(true);
      sampler.start();
      samplers.add(sampler);
    }
    Random random = new Random(7);
    try {
      assertTimeoutPreemptively(
          Duration.ofSeconds(120),
          () -> {
            for (int i = 0; i < FREEZE_CYCLES; i++) {
              relay.pause();
              Thread.sleep(random.nextInt(30));
              relay.unpause();
              Thread.sleep(random.nextInt(30));
            }
          },
          FREEZE_CYCLES + " freeze/thaw cycles of the relay while its queue is sampled");
    } finally {
      stop.set(true);
      for (Thread sampler : samplers) {
        sampler.join(10_000);
      }
    }

    assertThat(sampled.get()).as("queue samples taken while the relay ran").isPositive();
    assertThat(refused.get()).as("queue samples refused while the relay was frozen").isPositive();
    assertThat(relay.queueJson()).as("the queue after the last thaw").isNotNull();
  }

  private static Map<String, List<SinkArrival>> awaitArrivals(List<String> ids) {
    Set<String> wanted = Set.copyOf(ids);
    Map<String, List<SinkArrival>>[] seen = new Map[] {Map.of()};
    Waits.until(
        ids.size() + " messages in the sink ledgers",
        DELIVERY_TIMEOUT,
        250,
        () -> {
          seen[0] =
              topology.sinks().stream()
                  .flatMap(s -> s.ledger().stream())
                  .filter(a -> wanted.contains(a.harnessId()))
                  .collect(Collectors.groupingBy(SinkArrival::harnessId));
          return seen[0].keySet().containsAll(wanted);
        },
        () -> seen[0].size() + " of " + ids.size() + " arrived; queue: " + queued());
    return seen[0];
  }

  private static Map<String, Long> countPerWorker(Collection<List<SinkArrival>> arrivals) {
    return arrivals.stream()
        .flatMap(List::stream)
        .collect(Collectors.groupingBy(SinkArrival::worker, Collectors.counting()));
  }

  private static Set<String> harnessIds(List<SinkArrival> ledger) {
    return ledger.stream().map(SinkArrival::harnessId).collect(Collectors.toSet());
  }

  private static long queued() {
    return topology.relay().queueJson().lines().filter(l -> !l.isBlank()).count();
  }

  private static long deferred() {
    return topology
        .relay()
        .queueJson()
        .lines()
        .filter(l -> l.contains("\"queue_name\": \"deferred\""))
        .count();
  }

  @SuppressWarnings("unused")
  private static <T> Function<T, T> id() {
    return Function.identity();
  }
}
