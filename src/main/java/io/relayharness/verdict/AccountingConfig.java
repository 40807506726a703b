package io.relayharness.verdict;

import java.util.List;

/**
 * Settings of {@link AccountingVerdict}. Immutable; thread-safe.
 *
 * @param minAcceptedShare the least share of offered messages the relay must answer 250 to
 * @param maxAcceptedShare the largest share it may accept (0 for a relay that must refuse all), or
 *     null for no bound
 */
public record AccountingConfig(double minAcceptedShare, Double maxAcceptedShare) {

  /** The {@code expect: accounting} entry (added to every scenario). */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "accounting",
          "every offered message is accounted for (sent = accepted + rejected by code + failed by"
              + " reason) and the relay accepted the share the scenario says (judged in every run)",
          List.of(
              ParamSpec.number(
                  "minAcceptedShare",
                  0.99,
                  0.0,
                  1.0,
                  false,
                  "least share of offered messages answered 250 (outage scenarios: the relay keeps"
                      + " accepting while workers are down)"),
              ParamSpec.number(
                  "maxAcceptedShare",
                  null,
                  0.0,
                  1.0,
                  true,
                  "largest share accepted (0: the relay must refuse every message); null: no"
                      + " bound")),
          p ->
              new AccountingVerdict(
                  new AccountingConfig(
                      p.number("minAcceptedShare"), p.number("maxAcceptedShare"))));
}
