package io.relayharness.faults;

/**
 * A fault on relays of a relay tier, named in the scope (relay names; for a region partition, the
 * region's relays). Each opens a window its undo closes:
 *
 * <ul>
 *   <li>{@code relay-kill}: {@code docker kill}; undo starts it again with its queue
 *   <li>{@code relay-disk-lost}: {@code docker kill}; undo starts it with an empty queue, the
 *       messages on its disk gone (its log names each by queue id)
 *   <li>{@code relay-pause}: {@code docker pause}; undo unpauses
 *   <li>{@code relay-link-down}: the fault proxy refuses the relay's inbound link; undo enables it
 *   <li>{@code region-partition}: every inbound link of the region's relays down; undo enables them
 * </ul>
 *
 * Immutable; thread-safe.
 *
 * @param name the action name
 * @param scope the relays it acts on ({@link FaultScope#workers()} holds their names)
 */
public record RelayFault(String name, FaultScope scope) implements FaultAction {

  /** The action names. */
  public static final String KILL = "relay-kill";

  public static final String DISK_LOST = "relay-disk-lost";
  public static final String PAUSE = "relay-pause";
  public static final String LINK_DOWN = "relay-link-down";
  public static final String PARTITION = "region-partition";

  public RelayFault {
    if (!java.util.List.of(KILL, DISK_LOST, PAUSE, LINK_DOWN, PARTITION).contains(name)) {
      throw new IllegalArgumentException("not a relay fault: " + name);
    }
  }

  @Override
  public String detail() {
    return switch (name) {
      case KILL -> "relay killed; back with its queue at the end of the window";
      case DISK_LOST -> "relay killed; back with an empty queue (disk lost)";
      case PAUSE -> "relay paused";
      case LINK_DOWN -> "relay's inbound link refused";
      default -> "region cut off: its relays' inbound links refused";
    };
  }

  @Override
  public Undo apply(FaultTarget target) {
    var relays = scope.workers();
    switch (name) {
      case KILL, DISK_LOST -> relays.forEach(target::killRelay);
      case PAUSE -> relays.forEach(target::pauseRelay);
      default -> relays.forEach(r -> target.setRelayLinkEnabled(r, false));
    }
    return t -> {
      switch (name) {
        case KILL -> relays.forEach(r -> t.startRelay(r, false));
        case DISK_LOST -> relays.forEach(r -> t.startRelay(r, true));
        case PAUSE -> relays.forEach(t::unpauseRelay);
        default -> relays.forEach(r -> t.setRelayLinkEnabled(r, true));
      }
    };
  }
}
