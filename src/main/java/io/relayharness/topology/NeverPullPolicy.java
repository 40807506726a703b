package io.relayharness.topology;

import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers never pulls: every image the harness runs is built locally (or, for the real
 * Toxiproxy with {@code relayharness.faultproxy=real}, pulled once by {@link FaultProxySelector}
 * with a bound). A missing image fails at once instead of retrying a registry for minutes. Set in
 * {@code testcontainers.properties}. Stateless; thread-safe.
 */
public final class NeverPullPolicy implements ImagePullPolicy {

  @Override
  public boolean shouldPull(DockerImageName imageName) {
    return false;
  }
}
