package io.relayharness.cli;

import io.relayharness.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report}: (re)writes a run folder's {@code report.html} from the files in it, also for a
 * run that was stopped or killed part way. Not thread-safe.
 */
@Command(name = "report", description = "Write the run report of a run folder (report.html).")
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<runDir>", description = "the run folder")
  Path run;

  @Override
  public Integer call() {
    if (!Files.isDirectory(run) || !Files.isRegularFile(run.resolve("scenario.yaml"))) {
      spec.commandLine().getErr().println(run + ": not a run folder (no scenario.yaml)");
      return HarnessCli.USAGE;
    }
    try {
      Path page = RunReport.write(run);
      spec.commandLine().getOut().println("wrote " + page);
    } catch (RuntimeException e) {
      spec.commandLine()
          .getErr()
          .println("cannot write the report of " + run + ": " + e.getMessage());
      return HarnessCli.ENVIRONMENT;
    }
    spec.commandLine().getOut().flush();
    return HarnessCli.OK;
  }
}
