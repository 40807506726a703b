package io.relayharness.verdict;

import java.util.List;

/**
 * Settings of {@link ClientRateVerdict}. Immutable; thread-safe.
 *
 * @param perMinute messages the relay may accept from the injector's client address in a minute
 *     (what {@code smtpd_client_message_rate_limit} should enforce)
 * @param tolerance allowed relative deviation of the accepted count in a saturated minute
 */
public record ClientRateConfig(int perMinute, double tolerance) {

  /** The {@code expect: clientRate} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "clientRate",
          "the relay accepts about perMinute messages a minute from one client, no more, when the"
              + " client offers more",
          List.of(
              ParamSpec.integer(
                  "perMinute", null, 1, null, false, "messages a minute the relay lets through"),
              ParamSpec.number(
                  "tolerance",
                  0.05,
                  0.0,
                  1.0,
                  false,
                  "allowed relative deviation in a minute the client saturated")),
          p ->
              new ClientRateVerdict(
                  new ClientRateConfig(p.integer("perMinute"), p.number("tolerance"))));
}
