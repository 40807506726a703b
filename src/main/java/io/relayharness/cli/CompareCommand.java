package io.relayharness.cli;

import io.relayharness.report.RunComparison;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: writes one HTML page comparing two run folders. One run per side calls nothing
 * better or worse ({@code ab} does, with repeats). Not thread-safe.
 */
@Command(name = "compare", description = "Compare two run folders in one HTML page.")
final class CompareCommand implements Callable<Integer> {

  @ParentCommand HarnessCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<runDirA>", description = "first run folder")
  Path runA;

  @Parameters(index = "1", paramLabel = "<runDirB>", description = "second run folder")
  Path runB;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      defaultValue = "compare.html",
      description = "page to write; default ${DEFAULT-VALUE}")
  Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    for (Path run : new Path[] {runA, runB}) {
      if (!Files.isRegularFile(run.resolve("run.json"))) {
        err.println(run + ": not a run folder (no run.json)");
        return HarnessCli.USAGE;
      }
    }
    try {
      RunComparison.write(runA, runB, out);
    } catch (RuntimeException e) {
      err.println("cannot write " + out + ": " + e.getMessage());
      return HarnessCli.ENVIRONMENT;
    }
    spec.commandLine().getOut().println("wrote " + out);
    spec.commandLine()
        .getOut()
        .println(
            "one run per side: differences may be run-to-run noise; to judge them run ./harness ab"
                + " <scenario> --repeats N");
    spec.commandLine().getOut().flush();
    return HarnessCli.OK;
  }
}
