package io.relayharness.verdict;

/**
 * Settings of {@link DuplicatesVerdict}. Immutable; thread-safe.
 *
 * @param maxUnexplained extra copies allowed without a relay-side reason (default 0)
 * @param maxTotal extra copies allowed in all, or null for no bound (default null)
 * @param minDuplicates explained extra copies the run must show, for a scenario that provokes them
 *     (default 0)
 * @param allowNoData whether a run in which no message arrived may pass (default false)
 */
public record DuplicatesConfig(
    int maxUnexplained, Integer maxTotal, int minDuplicates, boolean allowNoData) {

  /** {@code expect: duplicates: {}}. */
  public static final DuplicatesConfig DEFAULT = new DuplicatesConfig(0, null, 0, false);

  /** The {@code expect: duplicates} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "duplicates",
          "extra copies at the sinks are explained by the relay's retries",
          java.util.List.of(
              ParamSpec.integer(
                  "maxUnexplained", 0, 0, null, false, "extra copies allowed without a reason"),
              ParamSpec.integer(
                  "maxTotal", null, 0, null, true, "extra copies allowed in all (null: no bound)"),
              ParamSpec.integer(
                  "minDuplicates",
                  0,
                  0,
                  null,
                  false,
                  "explained extra copies the run must show (a scenario that provokes them)"),
              ParamSpec.bool("allowNoData", false, "pass even when no message arrived")),
          p ->
              new DuplicatesVerdict(
                  new DuplicatesConfig(
                      p.integer("maxUnexplained"),
                      p.integer("maxTotal"),
                      p.integer("minDuplicates"),
                      p.bool("allowNoData"))));

  /** Settings that require no duplicates. */
  public DuplicatesConfig(int maxUnexplained, Integer maxTotal) {
    this(maxUnexplained, maxTotal, 0, false);
  }
}
