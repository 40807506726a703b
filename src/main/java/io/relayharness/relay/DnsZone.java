package io.relayharness.relay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The DNS zone the relay resolves its workers in, generated from the topology: one MX record per
 * worker under {@link #MX_NAME} with the worker's preference, and an A record per worker pointing
 * at its address in the relay's namespace. Rendered as dnsmasq configuration. Immutable;
 * thread-safe.
 */
public final class DnsZone {

  /** The name the relay's transport looks up MX records for. */
  public static final String MX_NAME = "workers.int.example.com";

  /** The domain the worker host names live in. */
  public static final String WORKER_DOMAIN = "int.example.com";

  private final Map<String, Integer> preferenceByWorker;
  private final Map<String, String> addressByWorker;

  private DnsZone(Map<String, Integer> preferenceByWorker) {
    this(preferenceByWorker, Map.of());
  }

  private DnsZone(Map<String, Integer> preferenceByWorker, Map<String, String> addressByWorker) {
    this.preferenceByWorker = Map.copyOf(preferenceByWorker);
    this.addressByWorker = Map.copyOf(addressByWorker);
  }

  /**
   * This zone with some workers' A records pointing elsewhere than their proxy address (e.g.
   * straight at a container, bypassing the fault proxy).
   */
  public DnsZone withAddresses(Map<String, String> addressByWorker) {
    addressByWorker.keySet().forEach(WorkerAddresses::indexOf);
    return new DnsZone(preferenceByWorker, addressByWorker);
  }

  /** A zone where each named worker has the given MX preference (lower is preferred). */
  public static DnsZone of(Map<String, Integer> preferenceByWorker) {
    preferenceByWorker.forEach(
        (worker, pref) -> {
          WorkerAddresses.indexOf(worker);
          if (pref < 0 || pref > 65535) {
            throw new IllegalArgumentException(
                "MX preference of " + worker + " must be 0..65535, was " + pref);
          }
        });
    return new DnsZone(new LinkedHashMap<>(preferenceByWorker));
  }

  /** A zone of {@code workers} equal-preference (10) MX records: worker0..worker(n-1). */
  public static DnsZone equalPreference(int workers) {
    Map<String, Integer> prefs = new LinkedHashMap<>();
    for (int i = 0; i < workers; i++) {
      prefs.put(WorkerAddresses.name(i), 10);
    }
    return new DnsZone(prefs);
  }

  /** The A record of {@code worker} in this zone. */
  public String addressOf(String worker) {
    return addressByWorker.getOrDefault(
        worker, WorkerAddresses.address(WorkerAddresses.indexOf(worker)));
  }

  /** The MX preference of each worker in the zone. */
  public Map<String, Integer> preferences() {
    return preferenceByWorker;
  }

  /** Returns the zone as dnsmasq {@code mx-host=} and {@code host-record=} lines. */
  public String toDnsmasq() {
    String mx =
        preferenceByWorker.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> "mx-host=" + MX_NAME + "," + hostName(e.getKey()) + "," + e.getValue())
            .collect(Collectors.joining("\n"));
    StringBuilder out = new StringBuilder(mx).append('\n');
    for (int i = 0; i < WorkerAddresses.MAX_WORKERS; i++) {
      // Every worker address resolves, even one dropped from the MX set.
      String name = WorkerAddresses.name(i);
      out.append("host-record=")
          .append(hostName(name))
          .append(',')
          .append(addressOf(name))
          .append('\n');
    }
    return out.toString();
  }

  /** The fully qualified host name of a worker, e.g. {@code worker0.int.example.com}. */
  public static String hostName(String worker) {
    return worker + "." + WORKER_DOMAIN;
  }
}
