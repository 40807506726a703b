package io.relayharness.cli;

import io.relayharness.experiment.CapacityCriteria;
import io.relayharness.experiment.CapacityProbe;
import io.relayharness.experiment.CapacitySearch;
import io.relayharness.experiment.CapacityWriter;
import io.relayharness.experiment.ConsoleSummary;
import io.relayharness.experiment.RepeatRun;
import io.relayharness.experiment.ScenarioRun;
import io.relayharness.scenario.EnvironmentException;
import io.relayharness.scenario.Overrides;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * {@code capacity}: finds the highest offered rate the scenario's relay config sustains (queue
 * stable, accept and end-to-end p95 within the scenario's SLO, see {@link CapacityCriteria}) by
 * stepping the rate up and bisecting, and writes {@code capacity.json} and {@code capacity.html}
 * into {@code reports/capacity/<scenario>/<time>/}. Exit 0 when the search is done, 2 on bad input,
 * 3 when the environment cannot run it. Not thread-safe.
 */
@Command(
    name = "capacity",
    description = {
      "Find the highest offered rate the relay config sustains (queue not growing, accept and"
          + " end-to-end p95 within the scenario's expect.slo / expect.delivery bounds) by"
          + " stepping the rate geometrically and bisecting; report the knee with its interval.",
      "Exit 0 when the search is done, 2 on bad input, 3 when the environment cannot run it."
    })
final class CapacityCommand implements Callable<Integer> {

  @ParentCommand HarnessCli cli;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<name|file>", description = "scenario name or file")
  String name;

  @Option(
      names = "--from",
      paramLabel = "R",
      defaultValue = "50",
      description = "first rate, msg/s; default ${DEFAULT-VALUE}")
  double from;

  @Option(
      names = "--to",
      paramLabel = "R",
      defaultValue = "1600",
      description = "highest rate, msg/s; default ${DEFAULT-VALUE}")
  double to;

  @Option(
      names = "--factor",
      paramLabel = "F",
      defaultValue = "2",
      description = "rate × F per step while climbing; default ${DEFAULT-VALUE}")
  double factor;

  @Option(
      names = "--resolution",
      paramLabel = "F",
      defaultValue = "0.15",
      description = "bisect until upper/lower ≤ 1 + F; default ${DEFAULT-VALUE}")
  double resolution;

  @Option(
      names = "--repeats",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "runs per rate; a rate counts when more than half sustained it; default ${DEFAULT-VALUE}")
  int repeats;

  @Option(
      names = "--max-rates",
      paramLabel = "K",
      defaultValue = "12",
      description = "the most rates tried; default ${DEFAULT-VALUE}")
  int maxRates;

  @Option(
      names = "--warm-up",
      paramLabel = "K",
      defaultValue = "1",
      description = "uncounted runs at --from first; default ${DEFAULT-VALUE}")
  int warmUps;

  @Option(names = "--set", paramLabel = "key=value", description = "scenario override")
  List<String> sets = new ArrayList<>();

  @Option(names = "--duration", paramLabel = "D", description = "stretch the load steps to D")
  String duration;

  @Mixin RepeatedRunOptions output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CapacitySearch search;
    try {
      search = new CapacitySearch(from, to, factor, resolution, repeats, maxRates);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return HarnessCli.USAGE;
    }
    if (warmUps < 0) {
      err.println("--warm-up must be >= 0");
      return HarnessCli.USAGE;
    }
    Optional<Path> file = cli.catalog().resolve(name);
    if (file.isEmpty()) {
      err.println(name + ": no such scenario (" + cli.catalog().dir() + "/" + name + ".yaml)");
      return HarnessCli.USAGE;
    }
    Scenario first;
    try {
      first = cli.loader().load(file.get(), new Overrides(sets, from, duration));
      cli.loader().load(file.get(), new Overrides(sets, to, duration));
    } catch (ScenarioException e) {
      e.errors().forEach(err::println);
      return HarnessCli.USAGE;
    }
    CapacityCriteria criteria = CapacityCriteria.of(first);
    Path project = cli.projectDir;
    Path reports = output.reports(project);
    ScenarioRun runner = new ScenarioRun(cli::engine, System::currentTimeMillis, project);
    Thread hook =
        new Thread(
            () -> runner.stop("interrupted by a signal (Ctrl-C or SIGTERM)"),
            "relay-harness-capacity-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.printf(
        Locale.ROOT,
        "capacity %s: rates %.0f→%.0f (×%s, then bisect to %s), %d run(s) per rate; sustained ="
            + " queue slope ≤ %s of the rate, accept p95 ≤ %.0f ms, end-to-end p95 ≤ %.0f ms,"
            + " errors ≤ %s%n",
        first.name(),
        from,
        to,
        factor,
        resolution,
        repeats,
        criteria.maxQueueGrowthShare(),
        criteria.maxAcceptP95Ms(),
        criteria.maxE2eP95Ms(),
        criteria.maxErrorRate());
    out.flush();
    long start = System.currentTimeMillis();
    Path dir = CapacityWriter.folder(reports, first.name());
    RepeatedRunOptions.RunProgress printer = output.progress(out);
    CapacitySearch.Result result;
    try {
      for (int w = 1; w <= warmUps; w++) {
        out.printf(Locale.ROOT, "warm-up %d/%d at %.0f msg/s%n", w, warmUps, from);
        RepeatRun run =
            runner.run(first, "warm-up", w, w, dir.resolve("warm-up"), printer.listener());
        printer.done();
        out.printf(
            "  warm-up: %.1f s (%s)%n",
            run.wallMs() / 1000.0, ConsoleSummary.phases(run.phasesMs()));
      }
      result =
          search.run(
              new CapacityProbe(
                  rate -> {
                    try {
                      out.printf(Locale.ROOT, "rate %.0f msg/s%n", rate);
                      out.flush();
                      return cli.loader().load(file.get(), new Overrides(sets, rate, duration));
                    } catch (ScenarioException e) {
                      throw new IllegalArgumentException(String.join("; ", e.errors()), e);
                    }
                  },
                  runner,
                  dir,
                  printer::listener),
              o -> {
                printer.done();
                out.printf(
                    Locale.ROOT,
                    "  %.0f msg/s #%d: %s (queue slope %.1f msg/s)%n",
                    o.ratePerSec(),
                    o.repeat(),
                    o.sustained()
                        ? "sustained"
                        : "not sustained: " + String.join("; ", o.reasons()),
                    o.queueSlopePerSec());
                out.flush();
              });
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
    long wall = System.currentTimeMillis() - start;
    CapacityWriter.write(
        new CapacityWriter.Report(
            first.name(), sets, criteria, search, result, result.describe(), wall),
        dir);
    out.printf(
        Locale.ROOT,
        "knee: %s; %d runs in %.0f s%nwrote %s/capacity.html and capacity.json%n",
        result.describe(),
        result.probes().size(),
        wall / 1000.0,
        dir);
    out.flush();
    return HarnessCli.OK;
  }
}
