package io.relayharness.topology;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;

/**
 * Access to the Docker engine, with a clear message when there is none. The engine itself is set up
 * by {@code docker/engine/ensure-engine.sh}, which {@code mvn verify} and {@code ./harness} run
 * first. Thread-safe.
 */
public final class DockerEngine {

  private DockerEngine() {}

  /** The engine's client; fails with what to do when no engine answers. */
  public static DockerClient client() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new EngineUnavailableException(
          "no Docker engine answers. Run 'bash docker/engine/ensure-engine.sh' (it installs and"
              + " starts one as root on Debian/Ubuntu), start Docker yourself, or set DOCKER_HOST."
              + " 'mvn verify' and './harness' run that script first.");
    }
    return DockerClientFactory.instance().client();
  }

  /** Thrown when no Docker engine can be reached. */
  public static final class EngineUnavailableException extends IllegalStateException {
    EngineUnavailableException(String message) {
      super(message);
    }
  }
}
