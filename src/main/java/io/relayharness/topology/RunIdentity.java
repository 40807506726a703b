package io.relayharness.topology;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names and labels of one run's containers and network. Docker is shared by every process on the
 * machine, so everything a run creates carries a name and labels unique to it, and clean-up removes
 * only what carries this run's label. Immutable; thread-safe.
 */
public record RunIdentity(String runId) {

  /** Label every harness object carries; its value is the run id. */
  public static final String RUN_LABEL = "io.relayharness.run";

  /** Label naming the role of a container (relay, holder, proxy, sink). */
  public static final String ROLE_LABEL = "io.relayharness.role";

  /** Label with the pid of the JVM that created the object, to reap leftovers of dead runs. */
  public static final String PID_LABEL = "io.relayharness.pid";

  /** Label with the host name of the machine whose JVM created the object. */
  public static final String HOST_LABEL = "io.relayharness.host";

  /** A new identity: {@code rh-<MMddHHmmss>-<4 hex>}. */
  public static RunIdentity next() {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
    int salt = ThreadLocalRandom.current().nextInt(0x10000);
    return new RunIdentity(String.format("rh-%s-%04x", stamp, salt));
  }

  /** The container name for {@code role}, e.g. {@code rh-1122101500-ab12-relay}. */
  public String name(String role) {
    return runId + "-" + role;
  }

  /** The labels of an object with {@code role}. */
  public Map<String, String> labels(String role) {
    return Map.of(
        RUN_LABEL,
        runId,
        ROLE_LABEL,
        role,
        PID_LABEL,
        Long.toString(ProcessHandle.current().pid()),
        HOST_LABEL,
        localHostName());
  }

  static String localHostName() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.net.UnknownHostException e) {
        host = "unknown";
      }
    }
    return host;
  }
}
