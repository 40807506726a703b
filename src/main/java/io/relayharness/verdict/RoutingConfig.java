package io.relayharness.verdict;

import java.util.List;

/**
 * Settings of {@link RoutingVerdict}. Immutable; thread-safe.
 *
 * @param phases who must receive the mail in each phase
 * @param guardMs events this close to a phase edge are in flight and placed in no phase
 * @param minMessages fewest deliveries a phase with delivery rules must hold to prove anything
 */
public record RoutingConfig(RoutingRules phases, int guardMs, int minMessages) {

  /** The {@code expect: routing} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "routing",
          "who receives the mail in each phase of the timeline (before, each step, after)",
          List.of(
              ParamSpec.phases(
                  "phases",
                  "phase (before, after, a step name) to rules per worker: none, all,"
                      + " \">= 0.99\", \"0.5 ± 0.1\"; or {delivered: {..}, deferred: {..}}"),
              ParamSpec.integer(
                  "guardMs",
                  2000,
                  0,
                  60_000,
                  false,
                  "ms around each phase edge in which a delivery is in flight and not placed"),
              ParamSpec.integer(
                  "minMessages", 20, 1, null, false, "fewest deliveries a judged phase must hold")),
          p ->
              new RoutingVerdict(
                  new RoutingConfig(
                      p.phases("phases"), p.integer("guardMs"), p.integer("minMessages"))));
}
