package io.relayharness.cli;

import io.relayharness.scenario.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The output options of the commands that run a scenario many times ({@code ab}, {@code sweep},
 * {@code capacity}): where the run folders go and how often a run prints its progress line. A
 * picocli mixin; not thread-safe (filled once by the parser).
 */
final class RepeatedRunOptions {

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      description = "reports folder; default <project>/reports")
  Path reportsDir;

  @Option(
      names = "--progress-interval",
      paramLabel = "MS",
      defaultValue = "15000",
      description = "ms between progress lines when not on a terminal; default ${DEFAULT-VALUE}")
  long progressIntervalMs;

  /** The reports folder: the one given, else {@code <project>/reports}. */
  Path reports(Path project) {
    return reportsDir != null ? reportsDir : project.resolve("reports");
  }

  /** A progress printer per run, each finished before the next one starts. */
  RunProgress progress(PrintWriter out) {
    return new RunProgress(out);
  }

  /** The engine's progress line during each run of a series. Not thread-safe. */
  final class RunProgress {
    private final PrintWriter out;
    private ProgressPrinter printer;

    private RunProgress(PrintWriter out) {
      this.out = out;
    }

    /** Finishes the previous run's printer and starts one for the next run. */
    ProgressListener listener() {
      done();
      printer =
          new ProgressPrinter(
              out, System.console() != null, System::currentTimeMillis, progressIntervalMs);
      return printer;
    }

    /** Finishes the current run's printer, if any. */
    void done() {
      if (printer != null) {
        printer.finish();
        printer = null;
      }
    }
  }
}
