package io.relayharness.load;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import scala.Console$;
import scala.Function0;

/**
 * Runs a Gatling simulation class in this JVM, the way Gatling's own launcher does ({@code
 * io.gatling.app.Gatling.fromArgs}, which returns a status code instead of calling {@code
 * System.exit}), with anonymous usage analytics off. Gatling keeps run state in globals, so runs
 * are serialized: a second caller waits. Thread-safe.
 */
public final class GatlingLauncher {

  private static final ReentrantLock ONE_RUN_AT_A_TIME = new ReentrantLock();

  /**
   * What a Gatling run left behind.
   *
   * @param statusCode 0 success, 1 invalid arguments, 2 assertions failed
   * @param reportDir the folder holding {@code index.html}, or null when none was written
   */
  public record Outcome(int statusCode, Path reportDir) {
    /** Returns the report's index page, or null. */
    public Path reportIndex() {
      return reportDir == null ? null : reportDir.resolve("index.html");
    }
  }

  private GatlingLauncher() {}

  /**
   * Runs {@code simulation} (instantiated by Gatling through its no-argument constructor) and
   * writes the HTML report under {@code resultsFolder}; returns when the report is written.
   */
  public static Outcome run(
      Class<? extends Simulation> simulation, Path resultsFolder, String description) {
    return run(simulation, resultsFolder, description, null);
  }

  /**
   * Runs {@code simulation} like {@link #run(Class, Path, String)}, with everything Gatling prints
   * to the console (the summary block every {@code gatling.data.console.writePeriod} seconds, the
   * "Simulation ... started", report and final statistics messages) appended to {@code consoleLog}
   * instead of standard output; null leaves it on standard output.
   *
   * <p>Gatling prints through Scala's {@code Console.out}, an inheritable per-thread stream, so the
   * run is started inside {@code Console.withOut}: the threads Gatling starts for the run inherit
   * the file. The harness's own output (progress lines, logging) is not affected.
   */
  public static Outcome run(
      Class<? extends Simulation> simulation,
      Path resultsFolder,
      String description,
      Path consoleLog) {
    if (!Object.class.getModule().isOpen("java.lang", GatlingLauncher.class.getModule())) {
      throw new IllegalStateException(
          "Gatling needs the JVM option --add-opens java.base/java.lang=ALL-UNNAMED"
              + " (its results writer reads String internals)");
    }
    ONE_RUN_AT_A_TIME.lock();
    try {
      Files.createDirectories(resultsFolder);
      System.setProperty("gatling.data.enableAnalytics", "false");
      com.typesafe.config.ConfigFactory.invalidateCaches();
      long startMs = System.currentTimeMillis();
      String[] args = {
        "-s", simulation.getName(),
        "-rf", resultsFolder.toAbsolutePath().toString(),
        "-rd",
            description == null || description.isBlank() ? simulation.getSimpleName() : description
      };
      int status =
          consoleLog == null
              ? Gatling$.MODULE$.fromArgs(args)
              : withConsole(consoleLog, () -> Gatling$.MODULE$.fromArgs(args));
      return new Outcome(status, newestReport(resultsFolder, startMs).orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create results folder " + resultsFolder, e);
    } finally {
      ONE_RUN_AT_A_TIME.unlock();
    }
  }

  private static int withConsole(Path consoleLog, IntSupplier run) throws IOException {
    Path parent = consoleLog.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (PrintStream out =
        new PrintStream(
            Files.newOutputStream(consoleLog, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
            true,
            StandardCharsets.UTF_8)) {
      Function0<Integer> thunk = run::getAsInt;
      return Console$.MODULE$.withOut(out, thunk);
    }
  }

  private static Optional<Path> newestReport(Path resultsFolder, long notBeforeMs)
      throws IOException {
    try (Stream<Path> dirs = Files.list(resultsFolder)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("index.html")))
          .filter(d -> modifiedMs(d) >= notBeforeMs - 1000)
          .max(Comparator.comparingLong(GatlingLauncher::modifiedMs));
    }
  }

  private static long modifiedMs(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
