package io.relayharness.verdict;

/**
 * Settings of {@link IntegrityVerdict}. Immutable; thread-safe.
 *
 * @param maxMismatched arrivals allowed with a body hash other than the injector's (default 0)
 */
public record IntegrityConfig(int maxMismatched) {

  /** {@code expect: integrity: {}}. */
  public static final IntegrityConfig DEFAULT = new IntegrityConfig(0);

  /** The {@code expect: integrity} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "integrity",
          "every arrival's body is byte-for-byte the body the injector sent",
          java.util.List.of(
              ParamSpec.integer(
                  "maxMismatched", 0, 0, null, false, "arrivals allowed with a different body")),
          p -> new IntegrityVerdict(new IntegrityConfig(p.integer("maxMismatched"))));
}
