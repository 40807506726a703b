package io.relayharness.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** Why the real image cannot be used (empty when it can, or when it was not looked for). */
  private static volatile String realImageMissing = "";

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
    // One line, also when the pull of the real image failed: offline that is expected, not an
    // error (docker-java's own ERROR with a stack trace for it is switched off in logback.xml).
    log.info(
        "fault proxy: {} ({}; relayharness.faultproxy={}{})",
        kind == FaultProxyKind.REAL
            ? FaultProxyKind.REAL_IMAGE
            : "the project's Toxiproxy-compatible server",
        kind,
        configured,
        kind == FaultProxyKind.BUILTIN && !realImageMissing.isEmpty()
            ? "; " + realImageMissing
            : "");
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
    String missing = FaultProxyKind.REAL_IMAGE + " is not here and ";
    try {
      if (!docker
          .pullImageCmd(FaultProxyKind.REAL_IMAGE)
          .start()
          .awaitCompletion(PULL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        realImageMissing = missing + "its pull took over " + PULL_TIMEOUT_SECONDS + " s";
        return false;
      }
      if (present(docker)) {
        return true;
      }
      realImageMissing = missing + "its pull left no image";
      return false;
    } catch (RuntimeException e) {
      log.debug("pull of {} failed", FaultProxyKind.REAL_IMAGE, e);
      realImageMissing = missing + "cannot be pulled: " + reason(e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      realImageMissing = missing + "its pull was interrupted";
      return false;
    }
  }

  /**
   * Returns the engine's reason for a failed pull on one short line: the {@code message} of its
   * JSON answer when there is one ({@code Status 500: {"message":"Get ...: no such host"}}).
   */
  static String reason(Throwable e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Matcher json = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
    if (json.find()) {
      text = json.group(1).replace("\\\"", "\"");
    }
    text = text.strip().replaceAll("\\s+", " ");
    return text.length() > 200 ? text.substring(0, 197) + "..." : text;
  }
}
