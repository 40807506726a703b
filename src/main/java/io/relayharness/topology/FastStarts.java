package io.relayharness.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

/**
 * Start checks without Testcontainers' rate limiter. Its default startup check and its wait
 * strategies share one JVM-wide limiter of one Docker call per second, so six containers started
 * together queue for seconds behind each other. Here the harness's own bounded, named waits poll
 * instead (see {@link Waits}); readiness (greeting, health, API) is awaited by each part itself.
 * Stateless; thread-safe.
 */
final class FastStarts {

  /** How often a start-up wait polls. */
  static final long POLL_MS = 20;

  private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(20);

  private FastStarts() {}

  /**
   * Passes once the container runs; fails (Testcontainers then reports "did not start") when it
   * exited first. Bounded by 20 s.
   */
  static StartupCheckStrategy running(String what) {
    return new StartupCheckStrategy() {
      @Override
      public boolean waitUntilStartupSuccessful(DockerClient docker, String containerId) {
        StartupStatus[] status = {StartupStatus.NOT_YET_KNOWN};
        Waits.until(
            what + " to be running",
            RUNNING_TIMEOUT,
            POLL_MS,
            () -> {
              status[0] = checkStartupState(docker, containerId);
              return status[0] != StartupStatus.NOT_YET_KNOWN;
            },
            () -> "state " + status[0]);
        return status[0] == StartupStatus.SUCCESSFUL;
      }

      @Override
      public StartupStatus checkStartupState(DockerClient docker, String containerId) {
        InspectContainerResponse.ContainerState state = getCurrentState(docker, containerId);
        if (Boolean.TRUE.equals(state.getRunning())) {
          return StartupStatus.SUCCESSFUL;
        }
        return state.getFinishedAt() != null && !state.getFinishedAt().startsWith("0001-")
            ? StartupStatus.FAILED
            : StartupStatus.NOT_YET_KNOWN;
      }
    };
  }

  /** No wait inside {@code start()}: the part awaits its own readiness right after. */
  static WaitStrategy noWait() {
    return new WaitStrategy() {
      @Override
      public void waitUntilReady(WaitStrategyTarget target) {}

      @Override
      public WaitStrategy withStartupTimeout(Duration startupTimeout) {
        return this;
      }
    };
  }
}
