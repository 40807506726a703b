package io.relayharness.cli;

import io.relayharness.experiment.CapacitySearch;
import io.relayharness.experiment.CapacityTrial;
import io.relayharness.experiment.ConsoleSummary;
import io.relayharness.experiment.FamilyCorrection;
import io.relayharness.experiment.RepeatRun;
import io.relayharness.experiment.ScenarioRun;
import io.relayharness.experiment.ScenarioTrial;
import io.relayharness.experiment.SweepAnalysis;
import io.relayharness.experiment.SweepExperiment;
import io.relayharness.experiment.SweepGrid;
import io.relayharness.experiment.SweepResult;
import io.relayharness.experiment.SweepRunner;
import io.relayharness.experiment.TrialResult;
import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.Overrides;
import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: runs a scenario over a grid of one or two settings, N times per point,
 * interleaved, and writes a matrix page and {@code sweep.json} into {@code
 * reports/sweep/<scenario>/<time>/}. With {@code --capacity} each run is a capacity search, so the
 * matrix shows the capacity against the setting. Exit 0 when the sweep is done, 2 on bad input, 3
 * when the environment cannot run it. Not thread-safe.
 */
@Command(
    name = "sweep",
    description = {
      "Run a scenario over a grid of settings (--param key=v1,v2,... or the scenario's sweep:"
          + " block), N times per point, interleaved round-robin on fresh topologies; write a"
          + " matrix page and sweep.json with every metric against the value, its interval and"
          + " the best value.",
      "Exit 0 when the sweep is done (whatever it found), 2 on bad input, 3 when the environment"
          + " cannot run it."
    })
final class SweepCommand implements Callable<Integer> {

  @ParentCommand HarnessCli cli;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<name|file>", description = "scenario name or file")
  String name;

  @Option(
      names = "--param",
      paramLabel = "key=v1,v2,...",
      description = "a setting to sweep and its values (one or two --param)")
  List<String> params = new ArrayList<>();

  @Option(
      names = "--repeats",
      paramLabel = "N",
      description = "runs per grid point; default: the scenario's sweep.repeats, else 3")
  Integer repeats;

  @Option(
      names = "--warm-up",
      paramLabel = "K",
      defaultValue = "1",
      description = "uncounted runs of the first point first; default ${DEFAULT-VALUE}")
  int warmUps;

  @Option(names = "--set", paramLabel = "key=value", description = "override for every point")
  List<String> sets = new ArrayList<>();

  @Option(names = "--rate", paramLabel = "N", description = "scale the load so its peak is N msg/s")
  Double ratePerSec;

  @Option(names = "--duration", paramLabel = "D", description = "stretch the load steps to D")
  String duration;

  @Option(
      names = "--capacity",
      description = "each run is a capacity search; the metric is the capacity (see capacity)")
  boolean capacity;

  @Option(
      names = "--from",
      paramLabel = "R",
      defaultValue = "50",
      description = "capacity: first rate")
  double from;

  @Option(
      names = "--to",
      paramLabel = "R",
      defaultValue = "1600",
      description = "capacity: last rate")
  double to;

  @Option(
      names = "--resolution",
      paramLabel = "F",
      defaultValue = "0.15",
      description = "capacity: stop when upper/lower ≤ 1 + F")
  double resolution;

  @Mixin RepeatedRunOptions output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((repeats != null && repeats < 1) || warmUps < 0) {
      err.println("--repeats must be >= 1 and --warm-up >= 0");
      return HarnessCli.USAGE;
    }
    Optional<Path> file = cli.catalog().resolve(name);
    if (file.isEmpty()) {
      err.println(name + ": no such scenario (" + cli.catalog().dir() + "/" + name + ".yaml)");
      return HarnessCli.USAGE;
    }
    Overrides common = new Overrides(sets, ratePerSec, duration);
    Scenario base;
    try {
      base = cli.loader().load(file.get(), common);
    } catch (ScenarioException e) {
      e.errors().forEach(err::println);
      return HarnessCli.USAGE;
    }
    SweepGrid grid;
    try {
      if (!params.isEmpty()) {
        grid = SweepGrid.parse(params);
      } else if (base.sweep().present()) {
        grid = SweepGrid.of(base.sweep().parameters(), file.get() + ": sweep.parameters:");
      } else {
        err.println(
            file.get()
                + ": nothing to sweep: give --param key=v1,v2,... or a sweep: block in the file");
        return HarnessCli.USAGE;
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return HarnessCli.USAGE;
    }
    int n = repeats != null ? repeats : base.sweep().present() ? base.sweep().repeats() : 3;
    Map<SweepGrid.Point, Scenario> scenarios = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (SweepGrid.Point p : grid.points()) {
      try {
        scenarios.put(p, cli.loader().load(file.get(), withPoint(common, p, ratePerSec)));
        if (capacity) {
          cli.loader().load(file.get(), withPoint(common, p, to));
        }
      } catch (ScenarioException e) {
        for (String problem : e.errors()) {
          errors.add("grid point " + String.join(", ", p.sets()) + ": " + problem);
        }
      }
    }
    if (!errors.isEmpty()) {
      errors.forEach(err::println);
      return HarnessCli.USAGE;
    }
    CapacitySearch search;
    try {
      search = new CapacitySearch(from, to, 2, resolution, 1, 12);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return HarnessCli.USAGE;
    }
    Path project = cli.projectDir;
    Path reports = output.reports(project);
    ScenarioRun runner = new ScenarioRun(cli::engine, System::currentTimeMillis, project);
    SweepExperiment experiment =
        new SweepExperiment(new SweepAnalysis(0.95, FamilyCorrection.HOLM));
    Thread hook =
        new Thread(
            () -> {
              experiment.stop("interrupted by a signal (Ctrl-C or SIGTERM)");
              runner.stop("interrupted by a signal (Ctrl-C or SIGTERM)");
            },
            "relay-harness-sweep-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    SweepExperiment.Plan plan =
        new SweepExperiment.Plan(
            base.name(), grid, n, common.asArguments(), capacity ? "capacity" : "runs", reports);
    out.printf(
        Locale.ROOT,
        "sweep %s over %s: %d points × %d %s, interleaved, after %d uncounted warm-up run(s)%n",
        base.name(),
        String.join(" × ", grid.keys()),
        grid.points().size(),
        n,
        capacity ? "capacity searches" : "runs",
        warmUps);
    out.flush();
    Progress progress = new Progress(out);
    SweepExperiment.Outcome outcome;
    try {
      Path dir = experiment.folder(plan);
      SweepGrid.Point first = grid.points().get(0);
      for (int w = 1; w <= warmUps; w++) {
        out.printf("warm-up %d/%d: %s%n", w, warmUps, first.label());
        out.flush();
        RepeatRun run =
            runner.run(
                scenarios.get(first),
                "warm-up",
                w,
                w,
                dir.resolve("runs").resolve("warm-up"),
                progress.listener());
        progress.done();
        out.printf(
            "  warm-up: %.1f s (%s)%n",
            run.wallMs() / 1000.0, ConsoleSummary.phases(run.phasesMs()));
      }
      outcome =
          experiment.run(
              plan,
              dir,
              d ->
                  capacity
                      ? new CapacityTrial(
                          p -> atRate(file.get(), common, p),
                          search,
                          runner,
                          d,
                          progress::listener,
                          o ->
                              out.printf(
                                  Locale.ROOT,
                                  "    %.0f msg/s #%d: %s%n",
                                  o.ratePerSec(),
                                  o.repeat(),
                                  o.sustained()
                                      ? "sustained"
                                      : "not sustained: " + String.join("; ", o.reasons())),
                          System::currentTimeMillis)
                      : new ScenarioTrial(scenarios, runner, d, progress::listener),
              progress);
    } catch (EnvironmentException e) {
      err.println("environment: " + e.getMessage());
      return HarnessCli.ENVIRONMENT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("interrupted: " + e.getMessage());
      return HarnessCli.ENVIRONMENT;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting: the hook stops the run
      }
    }
    for (SweepResult.Row row : outcome.result().metrics()) {
      out.printf("  %-22s %s%n", row.name(), row.verdict());
    }
    out.printf("wrote %s/sweep.html and sweep.json%n", outcome.dir());
    out.flush();
    return HarnessCli.OK;
  }

  private DoubleFunction<Scenario> atRate(Path file, Overrides common, SweepGrid.Point p) {
    return rate -> {
      try {
        return cli.loader().load(file, withPoint(common, p, rate));
      } catch (ScenarioException e) {
        throw new IllegalArgumentException(String.join("; ", e.errors()), e);
      }
    };
  }

  private static Overrides withPoint(Overrides common, SweepGrid.Point p, Double rate) {
    List<String> all = new ArrayList<>(common.sets());
    all.addAll(p.sets());
    return new Overrides(all, rate, common.duration());
  }

  /** Prints a line per run and the engine's progress during it. */
  private final class Progress implements SweepRunner.Listener {
    private final PrintWriter out;
    private final RepeatedRunOptions.RunProgress runs;

    Progress(PrintWriter out) {
      this.out = out;
      this.runs = output.progress(out);
    }

    ProgressListener listener() {
      return runs.listener();
    }

    void done() {
      runs.done();
    }

    @Override
    public void starting(SweepGrid.Point point, SweepRunner.Slot slot, int total) {
      out.printf(
          "run %d/%d: %s #%d%n",
          slot.order(), total, String.join(", ", point.sets()), slot.repeat());
      out.flush();
    }

    @Override
    public void finished(
        SweepGrid.Point point, SweepRunner.Slot slot, int total, TrialResult result) {
      done();
      out.printf(
          Locale.ROOT,
          "  %s #%d: %s, %.1f s%n",
          point.label(),
          slot.repeat(),
          result.note(),
          result.wallMs() / 1000.0);
      out.flush();
    }
  }
}
