package io.relayharness.scenario;

/**
 * Runs one scenario end to end: start the topology, warm up, run the load while the timeline fires,
 * wait for the relay queue to drain (bounded by {@code drain.maxSeconds}), collect, judge the
 * expectations and write the run folder {@code reports/<scenario>/<timestamp>/}. The command line
 * and {@code mvn verify} use the same engine. Found by the command line through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/io.relayharness.scenario.ScenarioEngine}; a
 * public no-argument constructor). Implementations need not be thread-safe except for {@link
 * #close()}, which may come from a shutdown hook while {@link #run} is in progress.
 */
public interface ScenarioEngine extends AutoCloseable {

  /**
   * Runs {@code scenario} and returns its verdicts.
   *
   * @param scenario the validated scenario, overrides applied
   * @param options where to write, where the project is
   * @param progress receives a snapshot about once a second
   * @return the run folder and the outcome of every expectation
   * @throws EnvironmentException when the run cannot happen here (no Docker, image build failed)
   * @throws InterruptedException when the run was interrupted (Ctrl-C)
   */
  RunResult run(Scenario scenario, RunOptions options, ProgressListener progress)
      throws EnvironmentException, InterruptedException;

  /**
   * Stops a run in progress from another thread (a signal's shutdown hook): writes what was
   * collected so far and a report that says where the run stopped and why, then removes the run's
   * containers. Returns when that is done; idempotent.
   */
  default void stop(String reason) {
    close();
  }

  /** Stops the load, restores faults and removes the run's containers; idempotent. */
  @Override
  void close();
}
