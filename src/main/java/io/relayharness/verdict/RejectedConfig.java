package io.relayharness.verdict;

import java.util.List;

/**
 * Settings of {@link RejectedVerdict}. Immutable; thread-safe.
 *
 * @param minRejected REJECTED transactions required, at least (default 1)
 * @param codes the reply codes a rejection may carry, or null for any (default null)
 * @param recipientsMatching a regular expression: exactly the messages with a recipient matching it
 *     must be refused, and every other one accepted (null: not checked)
 */
public record RejectedConfig(int minRejected, List<Integer> codes, String recipientsMatching) {

  /** {@code expect: rejected: {}}. */
  public static final RejectedConfig DEFAULT = new RejectedConfig(1, null, null);

  /** The {@code expect: rejected} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "rejected",
          "the relay refuses what it must refuse, with the codes Postfix uses, and nothing refused"
              + " is delivered",
          List.of(
              ParamSpec.integer(
                  "minRejected", 1, 0, null, false, "REJECTED transactions required, at least"),
              ParamSpec.codes("codes", "reply codes a rejection may carry (null: any)"),
              ParamSpec.string(
                  "recipientsMatching",
                  "regular expression: exactly the messages with a matching recipient are refused"
                      + " (null: not checked)")),
          p ->
              new RejectedVerdict(
                  new RejectedConfig(
                      p.integer("minRejected"), p.codes("codes"), p.string("recipientsMatching"))));
}
