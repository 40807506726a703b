package io.relayharness.load;

import io.relayharness.load.internal.RunContext;
import io.relayharness.load.internal.SmtpLoadSimulation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a load against an SMTP server from Java, in this JVM, through a Gatling simulation: one
 * message per virtual user, the users arriving as the {@link io.relayharness.load.profile
 * .LoadProfile} says, each message from the mail generator, every transaction in Gatling's report
 * and in the accepted-mail ledger. One run at a time per JVM (later callers wait). Thread-safe.
 *
 * <pre>{@code
 * LoadResult r = LoadRunner.run(LoadRunSpec.of("127.0.0.1", 2525, profile, mail, ledger, gatlingDir));
 * }</pre>
 */
public final class LoadRunner {

  private LoadRunner() {}

  /** Runs the load and returns when it and its report are done. */
  public static LoadResult run(LoadRunSpec spec) {
    return execute(spec, new LoadCounters());
  }

  /** Starts the load on a new thread and returns a handle with live counters. */
  public static LoadRun start(LoadRunSpec spec) {
    LoadCounters counters = new LoadCounters();
    CompletableFuture<LoadResult> result = new CompletableFuture<>();
    Thread runner =
        new Thread(
            () -> {
              try {
                result.complete(execute(spec, counters));
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            },
            "load-run");
    runner.setDaemon(true);
    runner.start();
    return new LoadRun(counters, result);
  }

  private static LoadResult execute(LoadRunSpec spec, LoadCounters counters) {
    ScheduledExecutorService ticker = null;
    if (spec.progress() != null) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "load-progress");
                t.setDaemon(true);
                return t;
              });
      long periodMs = spec.progressPeriod().toMillis();
      ticker.scheduleAtFixedRate(
          () -> spec.progress().accept(counters.snapshot()),
          periodMs,
          periodMs,
          TimeUnit.MILLISECONDS);
    }
    long start = System.currentTimeMillis();
    try {
      GatlingLauncher.Outcome outcome =
          RunContext.with(
              new RunContext(spec, counters),
              () ->
                  GatlingLauncher.run(
                      SmtpLoadSimulation.class,
                      spec.resultsFolder(),
                      spec.description(),
                      spec.consoleLog()));
      LoadCounters.Snapshot s = counters.snapshot();
      return new LoadResult(
          s.sent(),
          s.accepted(),
          s.rejected(),
          s.failed(),
          counters.errors(),
          counters.percentileMs(50),
          counters.percentileMs(95),
          counters.percentileMs(99),
          counters.meanMs(),
          start,
          System.currentTimeMillis(),
          outcome.statusCode(),
          outcome.reportIndex(),
          spec.ledgerFile());
    } finally {
      if (ticker != null) {
        ticker.shutdownNow();
        spec.progress().accept(counters.snapshot());
      }
    }
  }
}
