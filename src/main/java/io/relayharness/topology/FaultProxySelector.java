package io.relayharness.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@link FaultProxyKind#configured()} to a server: {@code real} and {@code builtin} are
 * taken as said; {@code auto} uses the real image when present or pullable (one bounded pull
 * attempt per JVM), the project's own server otherwise. Logs the choice. Thread-safe.
 */
final class FaultProxySelector {

  private static final Logger log = LoggerFactory.getLogger(FaultProxySelector.class);
  private static final long PULL_TIMEOUT_SECONDS = 20;
  private static volatile Boolean realImageAvailable;

  private FaultProxySelector() {}

  static FaultProxyKind select(DockerClient docker) {
    String configured = FaultProxyKind.configured();
    FaultProxyKind kind;
    switch (configured) {
      case "real":
        if (!realAvailable(docker)) {
          throw new IllegalStateException(
              "relayharness.faultproxy=real but "
                  + FaultProxyKind.REAL_IMAGE
                  + " is neither present nor pullable; use auto or builtin");
        }
        kind = FaultProxyKind.REAL;
        break;
      case "builtin":
        kind = FaultProxyKind.BUILTIN;
        break;
      default:
        kind = realAvailable(docker) ? FaultProxyKind.REAL : FaultProxyKind.BUILTIN;
    }
    log.info(
        "fault proxy: {} ({}; relayharness.faultproxy={})",
        kind == FaultProxyKind.REAL
            ? FaultProxyKind.REAL_IMAGE
            : "the project's Toxiproxy-compatible server",
        kind,
        configured);
    return kind;
  }

  private static boolean realAvailable(DockerClient docker) {
    Boolean known = realImageAvailable;
    if (known != null) {
      return known;
    }
    synchronized (FaultProxySelector.class) {
      if (realImageAvailable == null) {
        realImageAvailable = present(docker) || pull(docker);
      }
      return realImageAvailable;
    }
  }

  private static boolean present(DockerClient docker) {
    try {
      docker.inspectImageCmd(FaultProxyKind.REAL_IMAGE).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static boolean pull(DockerClient docker) {
    try {
      return docker
              .pullImageCmd(FaultProxyKind.REAL_IMAGE)
              .start()
              .awaitCompletion(PULL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          && present(docker);
    } catch (RuntimeException e) {
      log.debug("pull of {} failed: {}", FaultProxyKind.REAL_IMAGE, e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
