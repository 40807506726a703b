package io.relayharness.cli;

import io.relayharness.experiment.AbAnalysis;
import io.relayharness.experiment.AbExperiment;
import io.relayharness.experiment.AbRunner;
import io.relayharness.experiment.AbSide;
import io.relayharness.experiment.ConsoleSummary;
import io.relayharness.experiment.FamilyCorrection;
import io.relayharness.experiment.RepeatRun;
import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.Overrides;
import io.relayharness.scenario.ProgressListener;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ab}: runs a scenario on config A and config B, N times each, interleaved, and writes a
 * comparison with statistics into {@code reports/ab/<scenario>/<time>/}. Exit 0 when the comparison
 * is done (whatever it found), 2 on bad input, 3 when the environment cannot run it. Not
 * thread-safe.
 */
@Command(
    name = "ab",
    description = {
      "Run a scenario N times on A and on B (interleaved, fresh topology each) and compare every"
          + " metric with confidence intervals and a family-wise error correction.",
      "Exit 0 when the comparison is done (whatever it found), 2 on bad input, 3 when the"
          + " environment cannot run it."
    })
final class AbCommand implements Callable<Integer> {

  @ParentCommand HarnessCli cli;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<name|file>", description = "scenario name or file")
  String name;

  @Option(
      names = "--repeats",
      paramLabel = "N",
      defaultValue = "6",
      description =
          "runs per side; default ${DEFAULT-VALUE} (the fewest with which Holm over about 13"
              + " metrics can flag anything)")
  int repeats;

  @Option(
      names = "--warm-up",
      paramLabel = "K",
      defaultValue = "1",
      description =
          "uncounted runs on A's config first (the first run in a JVM is cold); default"
              + " ${DEFAULT-VALUE}")
  int warmUps;

  @Option(names = "--a-set", paramLabel = "key=value", description = "override for A only")
  List<String> aSets = new ArrayList<>();

  @Option(names = "--b-set", paramLabel = "key=value", description = "override for B only")
  List<String> bSets = new ArrayList<>();

  @Option(names = "--a-variant", paramLabel = "NAME", description = "relay config variant of A")
  String aVariant;

  @Option(names = "--b-variant", paramLabel = "NAME", description = "relay config variant of B")
  String bVariant;

  @Option(
      names = "--a-relay-config",
      paramLabel = "DIR",
      description = "relay config folder of A (passed as relay.configDir)")
  Path aConfig;

  @Option(
      names = "--b-relay-config",
      paramLabel = "DIR",
      description = "relay config folder of B (passed as relay.configDir)")
  Path bConfig;

  @Option(names = "--set", paramLabel = "key=value", description = "override for both sides")
  List<String> sets = new ArrayList<>();

  @Option(names = "--rate", paramLabel = "N", description = "scale the load so its peak is N msg/s")
  Double ratePerSec;

  @Option(names = "--duration", paramLabel = "D", description = "stretch the load steps to D")
  String duration;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      defaultValue = "0.05",
      description = "family-wise error rate; default ${DEFAULT-VALUE}")
  double alpha;

  @Option(
      names = "--correction",
      paramLabel = "holm|bh",
      defaultValue = "holm",
      description = "multiple-comparison correction; default ${DEFAULT-VALUE}")
  String correction;

  @Option(
      names = "--effect",
      paramLabel = "F",
      defaultValue = "0.10",
      description = "relative change to size the repeats for; default ${DEFAULT-VALUE}")
  double effect;

  @Mixin RepeatedRunOptions output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (repeats < 1 || warmUps < 0 || !(alpha > 0 && alpha < 1) || !(effect > 0)) {
      err.println("--repeats must be >= 1, --warm-up >= 0, --alpha in (0, 1), --effect > 0");
      return HarnessCli.USAGE;
    }
    FamilyCorrection fc;
    try {
      fc = FamilyCorrection.parse(correction);
    } catch (IllegalArgumentException e) {
      err.println("--correction: '" + correction + "' is not holm or bh");
      return HarnessCli.USAGE;
    }
    Optional<Path> file = cli.catalog().resolve(name);
    if (file.isEmpty()) {
      err.println(name + ": no such scenario (" + cli.catalog().dir() + "/" + name + ".yaml)");
      return HarnessCli.USAGE;
    }
    AbSide sideA = new AbSide("A", aVariant, aConfig, aSets);
    AbSide sideB = new AbSide("B", bVariant, bConfig, bSets);
    Overrides common = new Overrides(sets, ratePerSec, duration);
    Scenario a;
    Scenario b;
    try {
      a = cli.loader().load(file.get(), sideA.overrides(common));
      b = cli.loader().load(file.get(), sideB.overrides(common));
    } catch (ScenarioException e) {
      e.errors().forEach(err::println);
      return HarnessCli.USAGE;
    }
    Path project = cli.projectDir;
    Path reports = output.reports(project);
    AbExperiment experiment =
        new AbExperiment(
            new AbRunner(cli::engine, System::currentTimeMillis),
            new AbAnalysis(alpha, fc, effect));
    Thread hook =
        new Thread(
            () -> experiment.stop("interrupted by a signal (Ctrl-C or SIGTERM)"),
            "relay-harness-ab-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.printf(
        "A/B %s: %d runs per side, interleaved, after %d uncounted warm-up run(s)%n  A: %s%n"
            + "  B: %s%n",
        a.name(), repeats, warmUps, sideA.describe(), sideB.describe());
    out.flush();
    AbExperiment.Outcome outcome;
    try {
      outcome =
          experiment.run(
              new AbExperiment.Plan(
                  a, b, sideA, sideB, common.asArguments(), warmUps, repeats, project, reports),
              new ConsoleListener(out));
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
    out.print(ConsoleSummary.of(outcome.comparison()));
    out.printf("wrote %s/comparison.html and comparison.json%n", outcome.dir());
    out.flush();
    return HarnessCli.OK;
  }

  /** Prints a line per run and the engine's progress during it. */
  private final class ConsoleListener implements AbRunner.Listener {
    private final PrintWriter out;
    private final RepeatedRunOptions.RunProgress runs;

    ConsoleListener(PrintWriter out) {
      this.out = out;
      this.runs = output.progress(out);
    }

    @Override
    public void starting(String side, int repeat, int order, int total) {
      out.printf("run %d/%d: %s #%d%n", order, total, side, repeat);
      out.flush();
    }

    @Override
    public ProgressListener progress() {
      return runs.listener();
    }

    @Override
    public void finished(RepeatRun run) {
      runs.done();
      out.printf(
          "  %s #%d: %s, %.1f s (%s) %s%n",
          run.side(),
          run.repeat(),
          run.passed() ? "held" : "failed " + String.join(",", run.failed()),
          run.wallMs() / 1000.0,
          ConsoleSummary.phases(run.phasesMs()),
          run.runDir());
      out.flush();
    }
  }
}
