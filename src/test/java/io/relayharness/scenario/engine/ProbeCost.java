package io.relayharness.scenario.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.relayharness.topology.RunIdentity;
import io.relayharness.topology.Waits;
import java.time.Duration;

/**
 * What one {@code docker exec postqueue -j} costs inside a relay's container: starts a relay of the
 * given image with the given environment (labelled as a harness run, so the janitor removes it if
 * this JVM dies), waits until {@code postqueue} answers, then reads the container's CPU from the
 * engine's stats around {@link #EXECS} execs. Most of the cost is the engine's {@code runc exec}
 * set-up, which runs in the container's cgroup. Not thread-safe.
 */
final class ProbeCost {

  static final int EXECS = 10;

  private ProbeCost() {}

  /** Returns the CPU seconds one exec of {@code postqueue -j} costs in the relay's container. */
  static double measure(DockerClient docker, String image, String[] env) throws Exception {
    if (image == null) {
      throw new IllegalStateException("the run's relay container was never seen");
    }
    RunIdentity run = RunIdentity.next();
    String id =
        docker
            .createContainerCmd(image)
            .withName(run.name("probe-cost"))
            .withLabels(run.labels("probe-cost"))
            .withEnv(env)
            .exec()
            .getId();
    try {
      docker.startContainerCmd(id).exec();
      long[] lastExit = {-1};
      Waits.until(
          "postqueue -j to answer in a relay of " + image,
          Duration.ofSeconds(60),
          200,
          () -> (lastExit[0] = exec(docker, id)) == 0,
          () -> "exit code " + lastExit[0]);
      Thread.sleep(2000); // let the start-up settle
      double before = HarnessShareBenchmark.Sampler.cpuSeconds(docker, id);
      for (int i = 0; i < EXECS; i++) {
        if (exec(docker, id) != 0) {
          throw new IllegalStateException("postqueue -j failed in the probe-cost relay");
        }
      }
      double after = HarnessShareBenchmark.Sampler.cpuSeconds(docker, id);
      return (after - before) / EXECS;
    } finally {
      docker.removeContainerCmd(id).withForce(true).exec();
    }
  }

  private static long exec(DockerClient docker, String id) {
    String execId =
        docker
            .execCreateCmd(id)
            .withCmd("postqueue", "-j")
            .withAttachStdout(true)
            .withAttachStderr(true)
            .exec()
            .getId();
    try {
      docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: postqueue -j in " + id, e);
    }
    Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
    return code == null ? -1 : code;
  }
}
