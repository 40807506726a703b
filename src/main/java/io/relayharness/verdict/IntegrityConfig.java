package io.relayharness.verdict;

/**
 * Settings of {@link IntegrityVerdict}. Immutable; thread-safe.
 *
 * @param maxMismatched arrivals allowed with a body hash other than the injector's (default 0)
 * @param allowNoData whether a run with no arrival to check may pass (default false)
 */
public record IntegrityConfig(int maxMismatched, boolean allowNoData) {

  /** {@code expect: integrity: {}}. */
  public static final IntegrityConfig DEFAULT = new IntegrityConfig(0, false);

  /** The {@code expect: integrity} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "integrity",
          "every arrival's body is byte-for-byte the body the injector sent",
          java.util.List.of(
              ParamSpec.integer(
                  "maxMismatched", 0, 0, null, false, "arrivals allowed with a different body"),
              ParamSpec.bool("allowNoData", false, "pass even when no arrival could be checked")),
          p ->
              new IntegrityVerdict(
                  new IntegrityConfig(p.integer("maxMismatched"), p.bool("allowNoData"))));
}
