package io.relayharness.verdict;

/**
 * Settings of {@link RejectedVerdict}. Immutable; thread-safe.
 *
 * @param minRejected REJECTED transactions required, at least (default 1)
 * @param code the reply code every rejection must carry, or null for any (default null)
 */
public record RejectedConfig(int minRejected, Integer code) {

  /** {@code expect: rejected: {}}. */
  public static final RejectedConfig DEFAULT = new RejectedConfig(1, null);

  /** The {@code expect: rejected} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "rejected",
          "the relay refuses what it must refuse, and nothing refused is delivered",
          java.util.List.of(
              ParamSpec.integer(
                  "minRejected", 1, 0, null, false, "REJECTED transactions required, at least"),
              ParamSpec.integer(
                  "code", null, 400, 599, true, "reply code every rejection carries (null: any)")),
          p ->
              new RejectedVerdict(new RejectedConfig(p.integer("minRejected"), p.integer("code"))));
}
