package io.relayharness.verdict;

/**
 * Settings of {@link LossVerdict}. Immutable; thread-safe.
 *
 * @param maxLost accepted messages allowed to be missing from every sink (default 0)
 * @param allowNoData whether a run in which the relay accepted nothing may pass (default false)
 */
public record LossConfig(int maxLost, boolean allowNoData) {

  /** {@code expect: loss: {}}. */
  public static final LossConfig DEFAULT = new LossConfig(0, false);

  /** The {@code expect: loss} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "loss",
          "every message the relay accepted arrived at some sink",
          java.util.List.of(
              ParamSpec.integer(
                  "maxLost", 0, 0, null, false, "accepted messages allowed to be lost"),
              ParamSpec.bool(
                  "allowNoData", false, "pass even when the relay accepted nothing to follow")),
          p -> new LossVerdict(new LossConfig(p.integer("maxLost"), p.bool("allowNoData"))));
}
