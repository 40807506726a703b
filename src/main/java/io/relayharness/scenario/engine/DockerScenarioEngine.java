package io.relayharness.scenario.engine;

import io.relayharness.faults.FaultWindow;
import io.relayharness.faults.SystemFaultScheduler;
import io.relayharness.faults.TimelineRunner;
import io.relayharness.faults.TopologyFaultTarget;
import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.JsonLines;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.load.LoadResult;
import io.relayharness.load.LoadRun;
import io.relayharness.load.LoadRunner;
import io.relayharness.load.LoadSpec;
import io.relayharness.observe.RelayLogParser;
import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunFolder;
import io.relayharness.observe.RunInfo;
import io.relayharness.observe.RunObservations;
import io.relayharness.report.RunReport;
import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.ExpectationOutcome;
import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.RunOptions;
import io.relayharness.scenario.RunResult;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioEngine;
import io.relayharness.topology.DockerEngine;
import io.relayharness.topology.MailTopology;
import io.relayharness.topology.ProjectLayout;
import io.relayharness.topology.Relay;
import io.relayharness.topology.SinkWorker;
import io.relayharness.verdict.SloVerdict;
import io.relayharness.verdict.VerdictResult;
import io.relayharness.verdict.VerdictResults;
import io.relayharness.verdict.Verdicts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario against the real topology, the same way from the command line and from {@code mvn
 * verify}:
 *
 * <pre>
 *  start topology ─► load (warm-up, steps) ─► drain queue ─► collect ─► verdicts ─► run folder
 *                    └─ timeline fires at its offsets, undone before the drain
 * </pre>
 *
 * The run folder ({@code reports/<scenario>/<timestamp>/}) gets every file the contract names, the
 * verdicts and the HTML report; the topology is removed at the end whatever happened. One run at a
 * time per instance; {@link #close()} may be called from another thread (Ctrl-C).
 */
public final class DockerScenarioEngine implements ScenarioEngine {

  private static final Logger log = LoggerFactory.getLogger(DockerScenarioEngine.class);
  private static final Duration FIRST_MESSAGE_TIMEOUT = Duration.ofSeconds(90);

  private volatile MailTopology topology;
  private volatile TimelineRunner timeline;
  private long[] measured;

  @Override
  public RunResult run(Scenario s, RunOptions options, ProgressListener progress)
      throws EnvironmentException, InterruptedException {
    ProjectLayout layout = new ProjectLayout(options.projectDir());
    RunFolder folder = RunFolder.create(options.reportsDir(), s.name(), Instant.now());
    folder.writeScenarioYaml(s.effectiveYaml());
    long runStart = System.currentTimeMillis();
    MailTopology topo = ScenarioTopology.build(s, layout);
    topology = topo;
    try {
      try {
        topo.start();
      } catch (DockerEngine.EngineUnavailableException e) {
        throw new EnvironmentException(e.getMessage(), e);
      }
      return runOn(topo, s, folder, runStart, progress);
    } finally {
      close();
    }
  }

  private RunResult runOn(
      MailTopology topo, Scenario s, RunFolder folder, long runStart, ProgressListener progress)
      throws InterruptedException {
    Relay relay = topo.relay();
    int port =
        s.relay().port() == Relay.SUBMISSION_PORT ? relay.submissionPort() : relay.smtpPort();
    String idPrefix = topo.run().runId().replace("rh-", "h");
    LoadSpec spec = ScenarioLoad.build(s, relay.host(), port, idPrefix, folder.dir());
    TimelineRunner runner =
        new TimelineRunner(s.timeline(), new TopologyFaultTarget(topo), new SystemFaultScheduler());
    timeline = runner;
    LoadResult load;
    try (RunSampler sampler = new RunSampler(topo, progress, runner::currentFault);
        RelayHealthWatch health = new RelayHealthWatch(relay, progress)) {
      health.start();
      sampler.start();
      sampler.phase("load");
      LoadRun run = LoadRunner.start(spec);
      sampler.load(run.counters());
      long loadStart = awaitFirstMessage(run);
      long measuredStart = loadStart + s.load().warmUpSeconds() * 1000L;
      runner.start(measuredStart);
      load = awaitLoad(run, s);
      measured = new long[] {measuredStart, System.currentTimeMillis()};
      runner.awaitFinished(Duration.ofSeconds(30));
      runner.restoreAll();
      health.pollNow();
      if (health.unhealthy()) {
        log.warn("the relay is broken, not waiting for its queue: {}", health.firstUnhealthyLine());
      } else {
        sampler.phase("draining");
        drain(sampler, s.drain().maxSeconds(), health);
      }
      sampler.phase("collecting");
      long runEnd = System.currentTimeMillis();
      return collect(topo, s, folder, runStart, runEnd, load, runner, sampler);
    }
  }

  private static long awaitFirstMessage(LoadRun run) throws InterruptedException {
    long deadline = System.nanoTime() + FIRST_MESSAGE_TIMEOUT.toNanos();
    while (run.counters().snapshot().sent() == 0) {
      if (run.result().isDone() || System.nanoTime() > deadline) {
        if (run.result().isCompletedExceptionally()) {
          run.result().join();
        }
        break;
      }
      Thread.sleep(20);
    }
    return System.currentTimeMillis();
  }

  private static LoadResult awaitLoad(LoadRun run, Scenario s) throws InterruptedException {
    long seconds =
        s.load().warmUpSeconds() + s.load().steps().stream().mapToLong(st -> st.seconds()).sum();
    try {
      return run.await(Duration.ofSeconds(seconds + 180));
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the load did not finish within " + (seconds + 180) + " s", e);
    }
  }

  /** Waits until the relay's queue is empty, at most {@code maxSeconds}, or the relay breaks. */
  private static void drain(RunSampler sampler, int maxSeconds, RelayHealthWatch health)
      throws InterruptedException {
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    while (sampler.sampleQueueNow() > 0 && System.nanoTime() < deadline && !health.unhealthy()) {
      Thread.sleep(500);
    }
    if (sampler.queueDepth() > 0) {
      log.warn(
          "the relay's queue still holds {} messages after {} s of drain",
          sampler.queueDepth(),
          maxSeconds);
    }
  }

  private RunResult collect(
      MailTopology topo,
      Scenario s,
      RunFolder folder,
      long runStart,
      long runEnd,
      LoadResult load,
      TimelineRunner runner,
      RunSampler sampler) {
    Relay relay = topo.relay();
    List<ExpectationOutcome> outcomes = new ArrayList<>();
    boolean relayRunning = relay.isRunning();
    String relayLog = relay.log();
    folder.writeText(RunFolder.RELAY_LOG, relayLog);
    if (relayLog.isBlank()) {
      outcomes.add(
          new ExpectationOutcome("evidence", false, "the relay's log is empty: nothing to judge"));
    }
    RelayLogParser parser = RelayLogParser.parseAll(relayLog.lines()::iterator);
    List<SinkArrival> arrivals = new ArrayList<>();
    for (SinkWorker sink : topo.sinks()) {
      arrivals.addAll(sink.ledger());
    }
    Path acceptedFile = folder.dir().resolve("accepted.jsonl");
    List<AcceptedMail> accepted = List.of();
    if (Files.exists(acceptedFile)) {
      accepted = JsonLines.read(acceptedFile, AcceptedMail.class);
    } else {
      outcomes.add(
          new ExpectationOutcome(
              "evidence", false, "the injector's ledger " + acceptedFile + " is missing"));
    }
    Map<String, String> settings = relay.effectiveSettings();
    Map<String, String> defaults = relay.defaults(new ArrayList<>(settings.keySet()));

    RunObservations.Builder obs =
        RunObservations.builder()
            .run(runStart, runEnd)
            .accepted(accepted)
            .arrivals(arrivals)
            .relayLog(parser)
            .warnings(relayStopped(relayRunning))
            .queueSamples(sampler.queueSamples())
            .faults(runner.events())
            .rates(sampler.rateSamples())
            .relaySettings(settings)
            .relayDefaults(defaults);
    obs.window(SloVerdict.MEASURED_WINDOW, measured[0], measured[1]);
    for (FaultWindow w : runner.windows()) {
      obs.window(w.name(), w.startEpochMs(), w.endEpochMs());
    }
    RunObservations observations = obs.build();
    folder.writeObservations(observations);

    List<VerdictResult> results =
        Verdicts.evaluateAll(Verdicts.fromParams(s.expect().checks().values()), observations);
    runner.errors().forEach(e -> outcomes.add(new ExpectationOutcome("timeline", false, e)));
    results.forEach(r -> outcomes.add(new ExpectationOutcome(r.name(), r.passed(), r.summary())));
    VerdictResults.write(folder, results);
    RunResult result = new RunResult(folder.dir(), outcomes, s.expect().expectFailure());
    boolean passed = result.passed();
    folder.writeRunInfo(
        new RunInfo(
            s.name(),
            s.description(),
            s.relay().variant(),
            runStart,
            runEnd,
            passed,
            settings,
            defaults,
            gatlingReport(folder, load)));
    try {
      RunReport.write(folder.dir());
    } catch (RuntimeException e) {
      log.warn("the run report could not be written: {}", e.getMessage());
    }
    return result;
  }

  /** A relay whose container stopped is broken: said as a fatal line for the health verdict. */
  private static List<RelayWarning> relayStopped(boolean running) {
    if (running) {
      return List.of();
    }
    long now = System.currentTimeMillis();
    return List.of(
        new RelayWarning(
            now,
            null,
            RelayWarning.FATAL,
            java.time.Instant.ofEpochMilli(now)
                + " harness: fatal: the relay's container is not running at the end of the run"));
  }

  private static String gatlingReport(RunFolder folder, LoadResult load) {
    if (load == null || load.reportIndex() == null) {
      return null;
    }
    return folder.dir().toAbsolutePath().relativize(load.reportIndex().toAbsolutePath()).toString();
  }

  @Override
  public void close() {
    TimelineRunner r = timeline;
    if (r != null) {
      timeline = null;
      r.close();
    }
    MailTopology t = topology;
    if (t != null) {
      topology = null;
      t.stop();
    }
  }
}
