package io.relayharness.cli;

import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.ExpectationOutcome;
import io.relayharness.scenario.Overrides;
import io.relayharness.scenario.RunOptions;
import io.relayharness.scenario.RunResult;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioEngine;
import io.relayharness.scenario.ScenarioException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code run}: loads a scenario with overrides, runs it on the engine with live progress and prints
 * the verdicts. A shutdown hook closes the engine on Ctrl-C, so containers are removed. Not
 * thread-safe.
 */
@Command(
    name = "run",
    description = "Run a scenario; exit 0 when every expectation holds, 1 when one fails.")
final class RunCommand implements Callable<Integer> {

  @ParentCommand HarnessCli cli;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<name|file>", description = "scenario name or file")
  String name;

  @Option(names = "--rate", paramLabel = "N", description = "scale the load so its peak is N msg/s")
  Double ratePerSec;

  @Option(
      names = "--duration",
      paramLabel = "D",
      description = "stretch the load steps to D in total (e.g. 30s, 2m)")
  String duration;

  @Option(
      names = "--set",
      paramLabel = "key=value",
      description = "override a setting, e.g. load.steps[0].constant.rate=200 (repeatable)")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--relay-config",
      paramLabel = "DIR",
      description =
          "run your own relay config directory (main.cf, master.cf, maps) instead of the"
              + " scenario's variant; same as --set relay.configDir=DIR")
  Path relayConfigDir;

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      description = "run folders; default <project>/reports")
  Path reportsDir;

  @Option(
      names = "--progress-interval",
      paramLabel = "MS",
      defaultValue = "5000",
      description = "ms between progress lines when not on a terminal; default ${DEFAULT-VALUE}")
  long progressIntervalMs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> file = cli.catalog().resolve(name);
    if (file.isEmpty()) {
      err.println(name + ": no such scenario (" + cli.catalog().dir() + "/" + name + ".yaml)");
      return HarnessCli.USAGE;
    }
    Scenario scenario;
    try {
      List<String> all = new ArrayList<>(sets);
      if (relayConfigDir != null) {
        // a directory given on the command line is taken from the working directory
        all.add("relay.configDir=" + relayConfigDir.toAbsolutePath().normalize());
      }
      scenario = cli.loader().load(file.get(), new Overrides(all, ratePerSec, duration));
    } catch (ScenarioException e) {
      e.errors().forEach(err::println);
      return HarnessCli.USAGE;
    }
    ScenarioEngine engine = cli.engine();
    if (engine == null) {
      err.println(
          "no scenario engine on the class path (io.relayharness.scenario.ScenarioEngine service)");
      return HarnessCli.ENVIRONMENT;
    }
    // Ctrl-C or SIGTERM: write what was collected and a report saying where the run stopped, then
    // remove the run's containers; the JVM then exits with 130 (SIGINT) or 143 (SIGTERM).
    Thread hook =
        new Thread(
            () -> engine.stop("interrupted by a signal (Ctrl-C or SIGTERM)"),
            "relay-harness-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ProgressPrinter progress =
        new ProgressPrinter(
            out, System.console() != null, System::currentTimeMillis, progressIntervalMs);
    out.printf("running %s: %s%n", scenario.name(), scenario.description());
    RunResult result;
    try {
      result = engine.run(scenario, options(), progress);
    } catch (EnvironmentException e) {
      progress.finish();
      err.println("environment: " + e.getMessage());
      return HarnessCli.ENVIRONMENT;
    } catch (InterruptedException e) {
      progress.finish();
      Thread.currentThread().interrupt();
      err.println("interrupted");
      return HarnessCli.ENVIRONMENT;
    } finally {
      engine.close();
      removeHook(hook);
    }
    progress.finish();
    for (ExpectationOutcome o : result.outcomes()) {
      out.printf("%-4s %-12s %s%n", o.passed() ? "ok" : "FAIL", o.name(), o.summary());
    }
    out.printf(
        "%s: %s (run folder %s)%n",
        scenario.name(),
        result.passed() ? "every expectation held" : "an expectation failed",
        result.runDirectory());
    out.flush();
    return result.passed() ? HarnessCli.OK : HarnessCli.FAILED;
  }

  private RunOptions options() {
    Path project = cli.projectDir;
    return new RunOptions(project, reportsDir != null ? reportsDir : project.resolve("reports"));
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting (Ctrl-C): the hook runs, and close() is idempotent
    }
  }
}
