package io.relayharness.verdict;

import java.util.List;

/**
 * Settings of {@link HeldMailVerdict}. Immutable; thread-safe.
 *
 * @param during the timeline step that took the relay(s) down ({@code relay-kill}, {@code
 *     relay-disk-lost} or {@code relay-pause})
 * @param minHeld the fewest messages that must have been held on the relays' disks
 * @param lost false: every held message is delivered after the relay returns; true: exactly the
 *     held messages are lost, no other
 */
public record HeldMailConfig(String during, int minHeld, boolean lost) {

  /** The {@code expect: heldMail} entry. */
  public static final VerdictSpec SPEC =
      new VerdictSpec(
          "heldMail",
          "relay tier: the mail on a downed relay's disk, by id: delivered after it returns, or"
              + " (disk lost) exactly that mail lost",
          List.of(
              ParamSpec.step("during", true, "the step that took the relay(s) down"),
              ParamSpec.integer(
                  "minHeld", 1, 0, null, false, "fewest messages held on the relays' disks"),
              ParamSpec.bool(
                  "lost",
                  false,
                  "true: exactly the held messages are lost (disk lost); false: all delivered")),
          p ->
              new HeldMailVerdict(
                  new HeldMailConfig(p.string("during"), p.integer("minHeld"), p.bool("lost"))));
}
