package io.relayharness.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of timeline actions: their names, the parameters each takes besides {@code at},
 * {@code for}, {@code name}, {@code action} and {@code target}, and what they act on. Immutable;
 * thread-safe.
 */
public final class FaultActions {

  /** What an action needs to know about itself before it is built. */
  public record Info(
      String name,
      List<String> params,
      boolean onWorkers,
      boolean undoable,
      String doc,
      boolean onTierRelays) {

    /** An action on workers or on the single relay. */
    public Info(String name, List<String> params, boolean onWorkers, boolean undoable, String doc) {
      this(name, params, onWorkers, undoable, doc, false);
    }
  }

  private static final Map<String, Info> ACTIONS = build();

  private FaultActions() {}

  /** Returns every action name, in documentation order. */
  public static List<String> names() {
    return List.copyOf(ACTIONS.keySet());
  }

  /** Returns an action's description, if the name is known. */
  public static Optional<Info> info(String name) {
    return Optional.ofNullable(ACTIONS.get(name));
  }

  private static Map<String, Info> build() {
    Map<String, Info> m = new LinkedHashMap<>();
    add(m, ProxyDown.NAME, List.of(), true, true, "proxy disabled: connection refused");
    add(m, ProxyUp.NAME, List.of(), true, false, "proxy enabled again");
    add(
        m,
        ToxicFault.NAME,
        List.of("type", "stream", "toxicity", "attributes", "region"),
        true,
        true,
        "a Toxiproxy toxic on worker links, or on relay links of a tier (relays or a region)");
    add(m, Blackhole.NAME, List.of(), true, true, "accepts, never answers");
    add(m, KillWorker.NAME, List.of(), true, true, "docker kill of the sink");
    add(m, StartWorker.NAME, List.of(), true, false, "docker start of a killed sink");
    add(m, PauseWorker.NAME, List.of(), true, true, "docker pause of the sink");
    add(m, UnpauseWorker.NAME, List.of(), true, false, "docker unpause of the sink");
    add(m, RestartRelay.NAME, List.of(), false, false, "relay restart, queue kept");
    tier(m, RelayFault.KILL, "docker kill of tier relays; back with their queue at the end");
    tier(m, RelayFault.DISK_LOST, "docker kill of tier relays; back with an empty queue");
    tier(m, RelayFault.PAUSE, "docker pause of tier relays");
    tier(m, RelayFault.LINK_DOWN, "tier relays' inbound links refused by the fault proxy");
    tier(m, RelayFault.PARTITION, "every inbound link of a region's relays refused");
    add(m, SinkFault.NAME, List.of("fault"), true, true, "SMTP fault answered by the sink");
    add(m, DnsChange.NAME, List.of("drop", "preference"), true, true, "MX set change");
    return m;
  }

  private static void tier(Map<String, Info> m, String name, String doc) {
    m.put(name, new Info(name, List.of(), false, true, doc, true));
  }

  private static void add(
      Map<String, Info> m,
      String name,
      List<String> params,
      boolean onWorkers,
      boolean undoable,
      String doc) {
    m.put(name, new Info(name, params, onWorkers, undoable, doc));
  }
}
