package io.relayharness.verdict;

import java.util.List;

/**
 * Settings of {@link RoutingVerdict}. Immutable; thread-safe.
 *
 * @param phases who must receive the mail in each phase, or null (only {@code ownPools} judged)
 * @param guardMs events this close to a phase edge are in flight and placed in no phase
 * @param minMessages fewest deliveries a phase with delivery rules must hold to prove anything
 *     (with {@code ownPools}: that each relay must have delivered)
 * @param ownPools relay tier with worker pools: each relay delivered only to its own pool, in every
 *     phase
 */
public record RoutingConfig(RoutingRules phases, int guardMs, int minMessages, boolean ownPools) {

  public RoutingConfig {
    if (phases == null && !ownPools) {
      throw new IllegalArgumentException(
          "expect.routing.phases: required key is missing (unless ownPools: true, in a relay tier"
              + " with worker pools)");
    }
  }

  /** Rules per phase, no pool check. */
  public RoutingConfig(RoutingRules phases, int guardMs, int minMessages) {
    this(phases, guardMs, minMessages, false);
  }

  /** The {@code expect: routing} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "routing",
          "who receives the mail in each phase of the timeline (before, each step, after); in a"
              + " relay tier with worker pools, that each relay's mail lands on its own pool",
          List.of(
              ParamSpec.phases(
                  "phases",
                  "phase (before, after, a step name) to rules per worker: none, all,"
                      + " \">= 0.99\", \"0.5 ± 0.1\"; or {delivered: {..}, deferred: {..}};"
                      + " may be left out with ownPools"),
              ParamSpec.integer(
                  "guardMs",
                  2000,
                  0,
                  60_000,
                  false,
                  "ms around each phase edge in which a delivery is in flight and not placed"),
              ParamSpec.integer(
                  "minMessages",
                  20,
                  1,
                  null,
                  false,
                  "fewest deliveries a judged phase must hold (ownPools: each relay)"),
              ParamSpec.bool(
                  "ownPools",
                  false,
                  "relay tier with topology.workerPools: every message a relay delivered (its log)"
                      + " and every arrival traced to it (queue id) is on a worker of its own"
                      + " pool, in every phase; offenders named by Message-ID")),
          p ->
              new RoutingVerdict(
                  new RoutingConfig(
                      p.phases("phases"),
                      p.integer("guardMs"),
                      p.integer("minMessages"),
                      p.bool("ownPools"))));
}
