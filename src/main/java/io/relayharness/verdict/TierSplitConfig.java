package io.relayharness.verdict;

import java.util.List;

/**
 * Settings of {@link TierSplitVerdict}. Immutable; thread-safe.
 *
 * @param even whether every relay of the tier must take an equal share
 * @param sigmas the tolerance of an equal share in binomial standard deviations
 * @param minMessages the fewest messages the relays must take for the split to be judged
 * @param backupOnlyDuring a timeline step: relays with a higher preference take mail only while its
 *     window is open (and some then), or null
 * @param survivorsDuring a timeline step cutting off relays: they take nothing while it is in
 *     effect and every other relay takes some, or null
 * @param graceSeconds how long after a window a relay may still take mail already on its way
 */
public record TierSplitConfig(
    boolean even,
    double sigmas,
    int minMessages,
    String backupOnlyDuring,
    String survivorsDuring,
    int graceSeconds) {

  /** The {@code expect: tierSplit} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "tierSplit",
          "relay tier: how the sending MTA spread the mail over the relays (by Message-ID, from"
              + " each relay's log)",
          List.of(
              ParamSpec.bool(
                  "even",
                  false,
                  "every relay of the tier takes an equal share within the tolerance"),
              ParamSpec.number(
                  "sigmas",
                  4.0,
                  1.0,
                  10.0,
                  false,
                  "tolerance of an equal share: this many binomial standard deviations,"
                      + " sqrt(p(1-p)/n)"),
              ParamSpec.integer(
                  "minMessages",
                  100,
                  1,
                  null,
                  false,
                  "fewest messages the relays must take for `even`"),
              ParamSpec.step(
                  "backupOnlyDuring",
                  false,
                  "the relays this step does not take away (the backups) take mail only in its"
                      + " window"),
              ParamSpec.step(
                  "survivorsDuring",
                  false,
                  "the relays this step cuts off take nothing while it is in effect, the others"
                      + " take the mail"),
              ParamSpec.integer(
                  "graceSeconds",
                  3,
                  0,
                  60,
                  false,
                  "seconds after a window in which mail already on its way may still arrive")),
          p ->
              new TierSplitVerdict(
                  new TierSplitConfig(
                      p.bool("even"),
                      p.number("sigmas"),
                      p.integer("minMessages"),
                      p.string("backupOnlyDuring"),
                      p.string("survivorsDuring"),
                      p.integer("graceSeconds"))));
}
