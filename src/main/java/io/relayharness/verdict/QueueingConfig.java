package io.relayharness.verdict;

/**
 * Settings of {@link QueueingVerdict}. Immutable; thread-safe.
 *
 * @param during the timeline step whose window is judged, or null for the span of all faults
 * @param minPeak messages (incoming+active+deferred) the queue must reach in the window (default 1)
 * @param maxDrainSeconds seconds after the window's end by which the queue must be empty, or null
 *     for no bound (default 60)
 * @param deferredOnly whether {@code minPeak} counts only the deferred queue: mail the relay tried
 *     and put back for a retry. A relay that only falls behind (a stall, a slow disk) fills its
 *     incoming and active queues but defers nothing, so this tells "the relay held mail for the
 *     dead worker" apart from "mail was in transit" (default false)
 */
public record QueueingConfig(
    String during, int minPeak, Double maxDrainSeconds, boolean deferredOnly) {

  /** {@code expect: queueing: {}}. */
  public static final QueueingConfig DEFAULT = new QueueingConfig(null, 1, 60.0, false);

  /** Settings that count every message in flight towards {@code minPeak}. */
  public QueueingConfig(String during, int minPeak, Double maxDrainSeconds) {
    this(during, minPeak, maxDrainSeconds, false);
  }

  /** The {@code expect: queueing} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "queueing",
          "the relay queues during an outage and drains after it",
          java.util.List.of(
              ParamSpec.step(
                  "during",
                  false,
                  "timeline step whose window is judged (null: span of all faults)"),
              ParamSpec.integer(
                  "minPeak", 1, 0, null, false, "messages the queue must reach in the window"),
              ParamSpec.number(
                  "maxDrainSeconds",
                  60.0,
                  0.0,
                  null,
                  true,
                  "seconds after the window until the queue is empty (null: no bound)"),
              ParamSpec.bool(
                  "deferredOnly",
                  false,
                  "minPeak counts only deferred mail (tried and put back), not mail in transit")),
          p ->
              new QueueingVerdict(
                  new QueueingConfig(
                      p.string("during"),
                      p.integer("minPeak"),
                      p.number("maxDrainSeconds"),
                      p.bool("deferredOnly"))));
}
