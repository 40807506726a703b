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
import io.relayharness.load.LoadRunSpec;
import io.relayharness.load.LoadRunner;
import io.relayharness.observe.RelayLogParser;
import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunFolder;
import io.relayharness.observe.RunInfo;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TierObservations;
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
import io.relayharness.topology.Waits;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario against the real topology, the same way from the command line and from {@code mvn
 * verify}:
 *
 * <pre>
 *  start topology ─► load (warm-up, steps) ─► drain queue ─► collect ─► verdicts ─► run folder
 *                    └─ timeline fires at its offsets, undone before the drain
 *                    └─ relay log watched from its first second: a broken relay skips the drain
 * </pre>
 *
 * Every ending writes the run folder and its report: the normal end, a relay that did not start, a
 * failure of the engine or of the harness, and {@link #stop(String)} from a signal's shutdown hook.
 * What could not be collected is named in the outcomes, never silently empty. The topology is
 * removed at the end whatever happened. One run at a time per instance; {@link #stop(String)} and
 * {@link #close()} may be called from another thread.
 */
public final class DockerScenarioEngine implements ScenarioEngine {

  private static final Logger log = LoggerFactory.getLogger(DockerScenarioEngine.class);
  private static final Duration FIRST_MESSAGE_TIMEOUT = Duration.ofSeconds(90);

  private volatile RunState current;

  /** What a run has set up so far; any ending collects from it once. */
  private static final class RunState {
    final Scenario scenario;
    final RunFolder folder;
    final long runStart;
    final AtomicBoolean collected = new AtomicBoolean();
    volatile MailTopology topology;
    volatile TimelineRunner timeline;
    volatile RunSampler sampler;
    volatile LoadResult load;
    volatile long[] measured;
    volatile String stoppedBy;
    volatile RunResult result;

    RunState(Scenario scenario, RunFolder folder, long runStart) {
      this.scenario = scenario;
      this.folder = folder;
      this.runStart = runStart;
    }
  }

  @Override
  public RunResult run(Scenario s, RunOptions options, ProgressListener progress)
      throws EnvironmentException, InterruptedException {
    ProjectLayout layout = new ProjectLayout(options.projectDir());
    RunFolder folder = RunFolder.create(options.reportsDir(), s.name(), Instant.now());
    folder.writeScenarioYaml(s.effectiveYaml());
    RunState state = new RunState(s, folder, System.currentTimeMillis());
    current = state;
    try {
      MailTopology topo = ScenarioTopology.build(s, layout);
      state.topology = topo;
      ScenarioTopology.writeHarnessSettings(topo, folder.dir());
      try {
        topo.start();
      } catch (DockerEngine.EngineUnavailableException e) {
        throw new EnvironmentException(e.getMessage(), e);
      } catch (Relay.RelayStartException e) {
        state.stoppedBy = "the relay did not start: " + String.join(" / ", e.postfixLines());
        return collectOnce(state, List.of(relayDidNotStart(e)));
      }
      runOn(state, progress);
      return collectOnce(state, List.of());
    } catch (EnvironmentException | InterruptedException e) {
      throw e;
    } catch (RuntimeException e) {
      if (state.stoppedBy != null) {
        // stopped from outside (a signal): the hook collects; this thread only leaves
        return awaitResult(state);
      }
      log.debug("run failed", e);
      state.stoppedBy = "the run failed: " + e.getMessage();
      return collectOnce(state, List.of());
    } finally {
      close();
    }
  }

  private void runOn(RunState state, ProgressListener progress) throws InterruptedException {
    Scenario s = state.scenario;
    MailTopology topo = state.topology;
    Relay relay = topo.relay();
    int port =
        s.relay().port() == Relay.SUBMISSION_PORT ? relay.submissionPort() : relay.smtpPort();
    String idPrefix = topo.run().runId().replace("rh-", "h");
    LoadRunSpec spec = ScenarioLoad.build(s, relay.host(), port, idPrefix, state.folder.dir());
    TimelineRunner runner =
        new TimelineRunner(s.timeline(), new TopologyFaultTarget(topo), new SystemFaultScheduler());
    state.timeline = runner;
    try (RunSampler sampler =
            new RunSampler(topo, progress, runner::currentFault, state.folder.dir());
        RelayHealthWatch health = new RelayHealthWatch(relay, progress, state.folder.dir())) {
      state.sampler = sampler;
      health.start();
      sampler.start();
      sampler.phase("load");
      LoadRun run = LoadRunner.start(spec);
      sampler.load(run.counters());
      // A broken relay stops the load at once: its verdict is known, the rest would only wait.
      health.onUnhealthy(
          line -> {
            run.counters().requestStop("the relay is broken: " + line);
            runner.close();
          });
      long loadStart = awaitFirstMessage(run);
      long measuredStart = loadStart + s.load().warmUpSeconds() * 1000L;
      runner.start(measuredStart);
      state.load = awaitLoad(run, s);
      state.measured = new long[] {measuredStart, System.currentTimeMillis()};
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
    }
  }

  private static long awaitFirstMessage(LoadRun run) throws InterruptedException {
    Waits.upTo(
        FIRST_MESSAGE_TIMEOUT,
        20,
        () -> run.counters().snapshot().sent() > 0 || run.result().isDone());
    if (run.counters().snapshot().sent() == 0 && run.result().isCompletedExceptionally()) {
      run.result().join();
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
    Waits.upTo(
        Duration.ofSeconds(maxSeconds),
        500,
        () -> sampler.sampleQueueNow() <= 0 || health.unhealthy());
    if (sampler.queueDepth() > 0) {
      log.warn(
          "the relay's queue still holds {} messages after {} s of drain",
          sampler.queueDepth(),
          maxSeconds);
    }
  }

  /** Collects and judges the run once, whichever ending comes first; later callers wait. */
  private RunResult collectOnce(RunState state, List<RelayWarning> extraWarnings) {
    if (!state.collected.compareAndSet(false, true)) {
      return awaitResult(state);
    }
    try {
      state.result = collect(state, extraWarnings);
    } finally {
      synchronized (state) {
        state.notifyAll();
      }
    }
    return state.result;
  }

  private static RunResult awaitResult(RunState state) {
    synchronized (state) {
      long deadline = System.currentTimeMillis() + 60_000;
      while (state.result == null && System.currentTimeMillis() < deadline) {
        try {
          state.wait(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return state.result != null
        ? state.result
        : new RunResult(
            state.folder.dir(),
            List.of(new ExpectationOutcome("run", false, "stopped: " + state.stoppedBy)));
  }

  /**
   * Reads everything the run left (each piece on its own: a dead relay or sink costs only its own
   * evidence), judges it, and writes the run folder and report.
   */
  private RunResult collect(RunState state, List<RelayWarning> extraWarnings) {
    Scenario s = state.scenario;
    RunFolder folder = state.folder;
    long runEnd = System.currentTimeMillis();
    List<ExpectationOutcome> outcomes = new ArrayList<>();
    if (state.stoppedBy != null) {
      outcomes.add(new ExpectationOutcome("run", false, "stopped: " + state.stoppedBy));
    }
    MailTopology topo = state.topology;
    Relay relay = topo == null ? null : topo.relay();

    String relayLog = "";
    boolean relayRunning = false;
    if (relay != null && relay.containerId() != null) {
      try {
        relayRunning = relay.isRunning();
        relayLog = relay.log();
      } catch (RuntimeException e) {
        outcomes.add(evidence("the relay's log could not be read: " + e.getMessage()));
      }
    }
    Path logSoFar = folder.dir().resolve(RunFolder.RELAY_LOG);
    if (relayLog.isBlank() && Files.exists(logSoFar)) {
      // the relay is gone (a signal's clean-up was faster): keep what was read as the run went
      relayLog = readQuietly(logSoFar);
    } else {
      folder.writeText(RunFolder.RELAY_LOG, relayLog);
    }
    if (relayLog.isBlank() && state.stoppedBy == null) {
      outcomes.add(evidence("the relay's log is empty: nothing to judge"));
    }
    RelayLogParser parser = RelayLogParser.parseAll(relayLog.lines()::iterator);

    List<SinkArrival> arrivals = new ArrayList<>();
    if (topo != null) {
      for (SinkWorker sink : topo.sinks()) {
        try {
          arrivals.addAll(sink.ledger());
        } catch (RuntimeException e) {
          outcomes.add(evidence(sink.name() + "'s ledger could not be read: " + e.getMessage()));
        }
      }
    }
    Path acceptedFile = folder.dir().resolve("accepted.jsonl");
    List<AcceptedMail> accepted = List.of();
    if (Files.exists(acceptedFile)) {
      accepted = JsonLines.read(acceptedFile, AcceptedMail.class);
    } else if (state.stoppedBy == null) {
      outcomes.add(evidence("the injector's ledger " + acceptedFile + " is missing"));
    }
    Map<String, String> settings = Map.of();
    Map<String, String> defaults = Map.of();
    if (relayRunning) {
      try {
        settings = relay.effectiveSettings();
        defaults = relay.defaults(new ArrayList<>(settings.keySet()));
      } catch (RuntimeException e) {
        outcomes.add(evidence("the relay's settings could not be read: " + e.getMessage()));
      }
    }
    List<RelayWarning> warnings = new ArrayList<>(extraWarnings);
    if (relay != null && relay.containerId() != null && !relayRunning) {
      warnings.add(relayStopped(relay.name()));
    }
    Map<String, String> tierLogs = new java.util.TreeMap<>();
    if (topo != null && topo.isTier()) {
      // every relay of the tier is judged, not only the one the injector talks to
      for (Relay r : topo.tierRelays()) {
        if (r == relay) {
          tierLogs.put(r.name(), relayLog);
          continue;
        }
        String text = "";
        boolean running = false;
        try {
          running = r.isRunning();
          text = r.log();
        } catch (RuntimeException e) {
          outcomes.add(evidence(r.name() + "'s log could not be read: " + e.getMessage()));
        }
        tierLogs.put(r.name(), text);
        warnings.addAll(tierRelayWarnings(r.name(), text));
        if (!running) {
          warnings.add(relayStopped(r.name()));
        }
      }
    }

    TimelineRunner runner = state.timeline;
    RunSampler sampler = state.sampler;
    RunObservations.Builder obs =
        RunObservations.builder()
            .run(state.runStart, runEnd)
            .accepted(accepted)
            .arrivals(arrivals)
            .relayLog(parser)
            .warnings(warnings)
            .queueSamples(sampler == null ? List.of() : sampler.queueSamples())
            .faults(runner == null ? List.of() : runner.events())
            .rates(sampler == null ? List.of() : sampler.rateSamples())
            .relaySettings(settings)
            .relayDefaults(defaults);
    long[] measured = state.measured;
    if (measured != null) {
      obs.window(SloVerdict.MEASURED_WINDOW, measured[0], measured[1]);
    }
    if (runner != null) {
      for (FaultWindow w : runner.windows()) {
        obs.window(w.name(), w.startEpochMs(), w.endEpochMs());
      }
    }
    if (topo != null && topo.isTier()) {
      obs.tiers(tierObservations(topo, folder, tierLogs, relayLog, sampler));
    }
    RunObservations observations = obs.build();
    folder.writeObservations(observations);

    List<VerdictResult> results =
        Verdicts.evaluateAll(Verdicts.fromParams(s.expect().checks().values()), observations);
    if (runner != null) {
      runner.errors().forEach(e -> outcomes.add(new ExpectationOutcome("timeline", false, e)));
    }
    results.forEach(r -> outcomes.add(new ExpectationOutcome(r.name(), r.passed(), r.summary())));
    VerdictResults.write(folder, results);
    RunResult result = new RunResult(folder.dir(), outcomes, s.expect().expectFailure());
    folder.writeRunInfo(
        new RunInfo(
            s.name(),
            s.description(),
            s.relay().label(),
            state.runStart,
            runEnd,
            result.passed(),
            settings,
            defaults,
            gatlingReport(folder, state.load),
            state.stoppedBy));
    try {
      RunReport.write(folder.dir());
    } catch (RuntimeException e) {
      log.warn("the run report could not be written: {}", e.getMessage());
    }
    return result;
  }

  /**
   * Reads every tier relay's log (kept in the run folder as {@code relays/<name>.log}) and follows
   * each message through them; the sending MTA's log is the run's relay log.
   */
  private static TierObservations tierObservations(
      MailTopology topo,
      RunFolder folder,
      Map<String, String> logs,
      String entryLog,
      RunSampler sampler) {
    logs.forEach(
        (name, text) -> folder.writeText(RunFolder.RELAYS_DIR + "/" + name + ".log", text));
    return TierObservations.fromLogs(
        topo.regions(),
        topo.relayPreferences(),
        topo.workerPools(),
        logs,
        topo.sender().isPresent() ? entryLog : "",
        sampler == null ? List.of() : sampler.relayQueueSamples());
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static ExpectationOutcome evidence(String what) {
    return new ExpectationOutcome("evidence", false, what);
  }

  /** A relay that never greeted is broken: its own lines, as fatal lines for the health verdict. */
  private static RelayWarning relayDidNotStart(Relay.RelayStartException e) {
    long now = System.currentTimeMillis();
    return new RelayWarning(
        now,
        null,
        RelayWarning.FATAL,
        Instant.ofEpochMilli(now)
            + " harness: fatal: the relay did not start; Postfix said: "
            + (e.postfixLines().isEmpty() ? "(nothing)" : String.join(" / ", e.postfixLines())));
  }

  /** A relay whose container stopped is broken: said as a fatal line for the health verdict. */
  private static RelayWarning relayStopped(String relayName) {
    long now = System.currentTimeMillis();
    return new RelayWarning(
        now,
        null,
        RelayWarning.FATAL,
        Instant.ofEpochMilli(now)
            + " harness: fatal: "
            + relayName
            + "'s container is not running at the end of the run");
  }

  /**
   * The warnings in a tier relay's log that say it is broken, each line led by the relay's name so
   * the verdict names the relay.
   */
  static List<RelayWarning> tierRelayWarnings(String relayName, String log) {
    List<RelayWarning> out = new ArrayList<>();
    for (RelayWarning w : RelayLogParser.parseAll(log.lines()::iterator).warnings()) {
      if (w.unhealthy()) {
        String line = w.line();
        int space = line.indexOf(' ');
        String named =
            space > 0 && Character.isDigit(line.charAt(0))
                ? line.substring(0, space + 1) + relayName + ": " + line.substring(space + 1)
                : relayName + ": " + line;
        out.add(new RelayWarning(w.epochMs(), w.queueId(), w.kind(), named));
      }
    }
    return out;
  }

  private static String gatlingReport(RunFolder folder, LoadResult load) {
    if (load == null || load.reportIndex() == null) {
      return null;
    }
    return folder.dir().toAbsolutePath().relativize(load.reportIndex().toAbsolutePath()).toString();
  }

  @Override
  public void stop(String reason) {
    RunState state = current;
    if (state != null && state.result == null) {
      state.stoppedBy = reason;
      TimelineRunner runner = state.timeline;
      if (runner != null) {
        runner.close();
      }
      try {
        collectOnce(state, List.of());
      } catch (RuntimeException e) {
        log.warn("what the run collected could not be written: {}", e.getMessage());
      }
    }
    close();
  }

  @Override
  public void close() {
    RunState state = current;
    if (state == null) {
      return;
    }
    TimelineRunner r = state.timeline;
    if (r != null) {
      r.close();
    }
    MailTopology t = state.topology;
    if (t != null) {
      state.topology = null;
      t.stop();
    }
  }
}
