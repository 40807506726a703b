package io.relayharness.verdict;

/**
 * Settings of {@link DuplicatesVerdict}. Immutable; thread-safe.
 *
 * @param maxUnexplained extra copies allowed without a relay-side reason (default 0)
 * @param maxTotal extra copies allowed in all, or null for no bound (default null)
 */
public record DuplicatesConfig(int maxUnexplained, Integer maxTotal) {

  /** {@code expect: duplicates: {}}. */
  public static final DuplicatesConfig DEFAULT = new DuplicatesConfig(0, null);

  /** The {@code expect: duplicates} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "duplicates",
          "extra copies at the sinks are explained by the relay's retries",
          java.util.List.of(
              ParamSpec.integer(
                  "maxUnexplained", 0, 0, null, false, "extra copies allowed without a reason"),
              ParamSpec.integer(
                  "maxTotal", null, 0, null, true, "extra copies allowed in all (null: no bound)")),
          p ->
              new DuplicatesVerdict(
                  new DuplicatesConfig(p.integer("maxUnexplained"), p.integer("maxTotal"))));
}
