package io.relayharness.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@link FaultProxyKind#configured()} to a server, once per JVM and setting: {@code
 * builtin} is taken as said; {@code auto} uses the real image when it is present locally and the
 * project's own server otherwise, and never pulls (offline a pull only fails, and online it would
 * make the start wait for a registry); {@code real} uses the real image, pulling it once (bounded)
 * when it is missing. Logs the choice once. Thread-safe.
 */
final class FaultProxySelector {

  private static final Logger log = LoggerFactory.getLogger(FaultProxySelector.class);
  private static final long PULL_TIMEOUT_SECONDS = 20;

  /** The decision for each configured value, made once per JVM. */
  private static final Map<String, FaultProxyKind> decided = new ConcurrentHashMap<>();

  /** Why the real image cannot be used (empty when it can, or when it was not looked for). */
  private static volatile String realImageMissing = "";

  private FaultProxySelector() {}

  static FaultProxyKind select(DockerClient docker) {
    String configured = FaultProxyKind.configured();
    FaultProxyKind known = decided.get(configured);
    if (known != null) {
      return known;
    }
    synchronized (FaultProxySelector.class) {
      return decided.computeIfAbsent(configured, c -> decide(docker, c));
    }
  }

  private static FaultProxyKind decide(DockerClient docker, String configured) {
    FaultProxyKind kind;
    switch (configured) {
      case "real":
        if (!present(docker) && !pull(docker)) {
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
        if (present(docker)) {
          kind = FaultProxyKind.REAL;
        } else {
          realImageMissing =
              FaultProxyKind.REAL_IMAGE
                  + " is not here (auto never pulls; docker pull it, or set"
                  + " relayharness.faultproxy=real to have it pulled)";
          kind = FaultProxyKind.BUILTIN;
        }
    }
    // One line per JVM, also when the real image is missing: offline that is expected.
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
