package io.relayharness.cli;

import io.relayharness.scenario.ScenarioCatalog;
import io.relayharness.scenario.ScenarioEngine;
import io.relayharness.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The relay-harness command line (picocli): lists, validates and runs scenarios and compares run
 * folders. The engine and the comparison report are found through {@link ServiceLoader}, or given
 * to the constructor (tests). Not thread-safe: one instance per invocation.
 */
@Command(
    name = "relay-harness",
    mixinStandardHelpOptions = true,
    version = "relay-harness 0.1.0",
    description = "SMTP load and failover scenarios for Postfix relays.",
    subcommands = {
      ListCommand.class,
      ValidateCommand.class,
      SchemaCommand.class,
      BrokenCommand.class,
      RunCommand.class,
      CompareCommand.class,
      AbCommand.class,
      SweepCommand.class,
      CapacityCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every expectation held (or nothing to judge)",
      "1:an expectation failed",
      "2:bad input or usage (invalid scenario, unknown name)",
      "3:the environment cannot run it (no Docker, no engine)"
    })
public final class HarnessCli {

  /** Every expectation held. */
  public static final int OK = 0;

  /** An expectation failed. */
  public static final int FAILED = 1;

  /** Bad input or usage. */
  public static final int USAGE = 2;

  /** The environment cannot run it. */
  public static final int ENVIRONMENT = 3;

  @Option(
      names = "--project",
      scope = ScopeType.INHERIT,
      defaultValue = ".",
      description = "project folder (scenarios/, docker/relay/configs/); default: ${DEFAULT-VALUE}")
  Path projectDir;

  @Option(names = "--scenarios", description = "scenario folder; default: <project>/scenarios")
  Path scenariosDir;

  private final Supplier<ScenarioEngine> engines;

  /** Creates the command line with the engine found on the class path. */
  public HarnessCli() {
    this(() -> first(ScenarioEngine.class));
  }

  /**
   * Creates the command line with given services.
   *
   * @param engines makes the engine for {@code run}; may return null (exit 3)
   */
  public HarnessCli(Supplier<ScenarioEngine> engines) {
    this.engines = engines;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    stopOnSignals();
    System.exit(commandLine(new HarnessCli()).execute(args));
  }

  /**
   * A failure on another thread while the JVM shuts down (e.g. Testcontainers' own clean-up finding
   * a container the harness already removed after Ctrl-C) is one line, not a stack trace.
   */
  private static void stopOnSignals() {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) ->
            System.err.println(
                "warning: "
                    + thread.getName()
                    + ": "
                    + e.getClass().getSimpleName()
                    + ": "
                    + e.getMessage()));
  }

  /** Returns a picocli command line for {@code cli} with the project's exit codes. */
  public static CommandLine commandLine(HarnessCli cli) {
    CommandLine cmd = new CommandLine(cli);
    cmd.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println("error: " + e);
          return ENVIRONMENT;
        });
    return cmd;
  }

  /** Returns the scenario catalog for the options given. */
  ScenarioCatalog catalog() {
    return new ScenarioCatalog(
        scenariosDir != null ? scenariosDir : projectDir.resolve("scenarios"));
  }

  /** Returns a loader that checks variants in the project folder. */
  ScenarioLoader loader() {
    return new ScenarioLoader(projectDir);
  }

  /** Returns the engine, or null when none is on the class path. */
  ScenarioEngine engine() {
    return engines.get();
  }

  private static <T> T first(Class<T> type) {
    return ServiceLoader.load(type).findFirst().orElse(null);
  }
}
