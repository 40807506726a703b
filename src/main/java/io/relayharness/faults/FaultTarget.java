package io.relayharness.faults;

import java.util.Map;

/**
 * What timeline actions need from a running topology: the fault proxy in front of each worker, the
 * worker and relay containers, the sinks' fault control and the DNS zone. The topology implements
 * it; every method blocks until the change is in effect and throws an unchecked exception when it
 * cannot be made. Implementations must be thread-safe.
 */
public interface FaultTarget {

  /** Enables or disables a worker's proxy; disabled = connections refused, open ones closed. */
  void setProxyEnabled(String worker, boolean enabled);

  /**
   * Adds a Toxiproxy toxic to a link's proxy: a worker's, or a tier relay's inbound link.
   *
   * @param link the proxy's name: a worker ({@code worker1}) or a tier relay ({@code relay1})
   * @param toxicName a name unique on that proxy, used by {@link #removeToxic}
   * @param type a scenario toxic type ({@link io.relayharness.vocab.ToxicKind#scenarioNames()})
   * @param stream {@code upstream} (client to server: relay to worker, sender to relay) or {@code
   *     downstream} (the way back)
   * @param toxicity share of connections affected, 0..1
   * @param attributes the toxic's attributes, e.g. {@code latency -> 200}
   */
  void addToxic(
      String link,
      String toxicName,
      String type,
      String stream,
      double toxicity,
      Map<String, Long> attributes);

  /** Removes a toxic added by {@link #addToxic} from a link's proxy. */
  void removeToxic(String link, String toxicName);

  /** Kills a worker's sink container ({@code docker kill}). */
  void killWorker(String worker);

  /** Starts a killed worker's sink container again and waits until it accepts SMTP. */
  void startWorker(String worker);

  /** Freezes a worker's sink container ({@code docker pause}). */
  void pauseWorker(String worker);

  /** Thaws a paused worker's sink container. */
  void unpauseWorker(String worker);

  /** Restarts the relay container, keeping its queue, and waits for its 220 banner. */
  void restartRelay();

  /**
   * Makes a worker's sink answer with an SMTP fault.
   *
   * @param fault keys {@code stage} (connect|mail|rcpt|data|eod), {@code code}, {@code text},
   *     {@code count} or {@code probability} (neither: every message), {@code action}
   *     (reply|drop-before-250), {@code delayMs}
   * @return the sink's id of the fault
   */
  String addSinkFault(String worker, Map<String, Object> fault);

  /** Clears every SMTP fault of a worker's sink. */
  void clearSinkFaults(String worker);

  /** Returns the MX set currently served: worker name to preference. */
  Map<String, Integer> mxRecords();

  /** Replaces the MX set served for the workers' MX name: worker name to preference. */
  void setMxRecords(Map<String, Integer> workerPreference);

  /** Kills a tier relay's container ({@code docker kill}); its queue stays on its disk. */
  default void killRelay(String relay) {
    throw new UnsupportedOperationException("this topology has no relay tier");
  }

  /**
   * Starts a killed tier relay again and waits for its 220 banner; with {@code diskLost} it comes
   * back with an empty queue.
   */
  default void startRelay(String relay, boolean diskLost) {
    throw new UnsupportedOperationException("this topology has no relay tier");
  }

  /** Freezes a tier relay's container ({@code docker pause}). */
  default void pauseRelay(String relay) {
    throw new UnsupportedOperationException("this topology has no relay tier");
  }

  /** Thaws a paused tier relay. */
  default void unpauseRelay(String relay) {
    throw new UnsupportedOperationException("this topology has no relay tier");
  }

  /** Enables or disables the fault proxy on a tier relay's inbound link. */
  default void setRelayLinkEnabled(String relay, boolean enabled) {
    throw new UnsupportedOperationException("this topology has no relay tier");
  }

  /** Restarts a tier relay (queue kept) and waits for its 220 banner. */
  default void restartRelay(String relay) {
    throw new UnsupportedOperationException("this topology has no relay tier");
  }
}
