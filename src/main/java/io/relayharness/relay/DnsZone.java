package io.relayharness.relay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
  private final Set<String> extraMxNames;
  private final Map<String, String> workerByAlias;
  private final Map<String, Integer> preferenceByRelay;

  private DnsZone(Map<String, Integer> preferenceByWorker) {
    this(preferenceByWorker, Map.of(), Set.of(), Map.of(), Map.of());
  }

  private DnsZone(
      Map<String, Integer> preferenceByWorker,
      Map<String, String> addressByWorker,
      Set<String> extraMxNames,
      Map<String, String> workerByAlias,
      Map<String, Integer> preferenceByRelay) {
    this.preferenceByWorker = Map.copyOf(preferenceByWorker);
    this.addressByWorker = Map.copyOf(addressByWorker);
    this.extraMxNames = Collections.unmodifiableSet(new TreeSet<>(extraMxNames));
    this.workerByAlias = Collections.unmodifiableMap(new TreeMap<>(workerByAlias));
    this.preferenceByRelay = Collections.unmodifiableMap(new TreeMap<>(preferenceByRelay));
  }

  /**
   * This zone with the relay tier's MX records: the archive domain ({@link
   * RelayAddresses#ARCHIVE_DOMAIN}) gets one MX record per relay with its preference, and each
   * relay's host name an A record at its inbound link on the fault proxy. The sending MTA finds the
   * relays through them.
   */
  public DnsZone withRelays(Map<String, Integer> preferenceByRelay) {
    preferenceByRelay.forEach(
        (relay, pref) -> {
          RelayAddresses.indexOf(relay);
          if (pref < 0 || pref > 65535) {
            throw new IllegalArgumentException(
                "MX preference of " + relay + " must be 0..65535, was " + pref);
          }
        });
    return new DnsZone(
        preferenceByWorker, addressByWorker, extraMxNames, workerByAlias, preferenceByRelay);
  }

  /** The MX preference of each relay of the tier (empty: one relay, no tier). */
  public Map<String, Integer> relayPreferences() {
    return preferenceByRelay;
  }

  /**
   * This zone with more names: each of {@code mxNames} gets the same MX records as {@link #MX_NAME}
   * (one per worker, the worker's preference), each key of {@code workerByName} an A record at that
   * worker's address (for a next hop in brackets, which skips the MX lookup). Used for an
   * operator's own relay config, whose next hops have their own names.
   */
  public DnsZone withNames(Set<String> mxNames, Map<String, String> workerByName) {
    workerByName.values().forEach(WorkerAddresses::indexOf);
    Set<String> mx = new TreeSet<>(extraMxNames);
    mxNames.stream().filter(n -> !n.equalsIgnoreCase(MX_NAME)).forEach(mx::add);
    Map<String, String> aliases = new TreeMap<>(workerByAlias);
    aliases.putAll(workerByName);
    return new DnsZone(preferenceByWorker, addressByWorker, mx, aliases, preferenceByRelay);
  }

  /**
   * This zone with the extra names of {@code other} (see {@link #withNames}) added, and the relay
   * tier's records of {@code other} when this zone has none.
   */
  public DnsZone withNamesOf(DnsZone other) {
    DnsZone named = withNames(other.extraMxNames, other.workerByAlias);
    return preferenceByRelay.isEmpty() && !other.preferenceByRelay.isEmpty()
        ? named.withRelays(other.preferenceByRelay)
        : named;
  }

  /** The names besides {@link #MX_NAME} that have MX records to the workers. */
  public Set<String> extraMxNames() {
    return extraMxNames;
  }

  /** The names that have an A record at a worker's address, with the worker. */
  public Map<String, String> aliases() {
    return workerByAlias;
  }

  /**
   * This zone with some workers' A records pointing elsewhere than their proxy address (e.g.
   * straight at a container, bypassing the fault proxy).
   */
  public DnsZone withAddresses(Map<String, String> addressByWorker) {
    addressByWorker.keySet().forEach(WorkerAddresses::indexOf);
    return new DnsZone(
        preferenceByWorker, addressByWorker, extraMxNames, workerByAlias, preferenceByRelay);
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

  /**
   * The view of this zone a relay with its own worker pool resolves in: the same records, except
   * that the MX records (of {@link #MX_NAME} and the extra MX names) list only the workers of
   * {@code pool}. Every worker's A record stays, so a next hop in brackets still reaches any worker
   * (and a relay that names another pool's worker that way is caught by what arrives where).
   */
  public DnsZone pool(java.util.Collection<String> pool) {
    pool.forEach(WorkerAddresses::indexOf);
    Map<String, Integer> prefs = new LinkedHashMap<>(preferenceByWorker);
    prefs.keySet().retainAll(Set.copyOf(pool));
    return new DnsZone(prefs, addressByWorker, extraMxNames, workerByAlias, preferenceByRelay);
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
    List<String> mxNames = new ArrayList<>();
    mxNames.add(MX_NAME);
    mxNames.addAll(extraMxNames);
    String mx =
        mxNames.stream()
            .flatMap(
                name ->
                    preferenceByWorker.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(
                            e ->
                                "mx-host="
                                    + name
                                    + ","
                                    + hostName(e.getKey())
                                    + ","
                                    + e.getValue()))
            .collect(Collectors.joining("\n"));
    StringBuilder out = new StringBuilder(mx).append('\n');
    workerByAlias.forEach(
        (name, worker) ->
            out.append("host-record=")
                .append(name)
                .append(',')
                .append(addressOf(worker))
                .append('\n'));
    for (int i = 0; i < WorkerAddresses.MAX_WORKERS; i++) {
      // Every worker address resolves, even one dropped from the MX set.
      String name = WorkerAddresses.name(i);
      out.append("host-record=")
          .append(hostName(name))
          .append(',')
          .append(addressOf(name))
          .append('\n');
    }
    preferenceByRelay.forEach(
        (relay, pref) -> {
          int index = RelayAddresses.indexOf(relay);
          out.append("mx-host=")
              .append(RelayAddresses.ARCHIVE_DOMAIN)
              .append(',')
              .append(RelayAddresses.hostName(index))
              .append(',')
              .append(pref)
              .append('\n')
              .append("host-record=")
              .append(RelayAddresses.hostName(index))
              .append(',')
              .append(RelayAddresses.inbound(index))
              .append('\n');
        });
    return out.toString();
  }

  /** The fully qualified host name of a worker, e.g. {@code worker0.int.example.com}. */
  public static String hostName(String worker) {
    return worker + "." + WORKER_DOMAIN;
  }
}
