package io.relayharness.scenario;

import java.util.List;

/**
 * The offered load: a warm-up, then the measured steps. Immutable; thread-safe.
 *
 * @param warmUpRatePerSec the warm-up rate
 * @param warmUpSeconds the warm-up length (the timeline starts after it)
 * @param steps the measured steps, run one after another
 * @param recipients envelope recipients per message
 * @param fromDomain the sender domain; local parts {@code s0..} vary
 * @param toDomain the recipient domain
 * @param senderPool the number of distinct senders
 * @param recipientPool the number of distinct known recipients ({@code r0..})
 * @param unknownRecipientShare the share of messages to a recipient the relay does not know ({@code
 *     unknown-N})
 */
public record LoadSpec(
    double warmUpRatePerSec,
    int warmUpSeconds,
    List<LoadStep> steps,
    int recipients,
    String fromDomain,
    String toDomain,
    int senderPool,
    int recipientPool,
    double unknownRecipientShare) {

  public LoadSpec {
    steps = List.copyOf(steps);
  }

  /** Returns the length of the measured steps, warm-up excluded, in seconds. */
  public int stepsSeconds() {
    return steps.stream().mapToInt(LoadStep::seconds).sum();
  }

  /** Returns the highest rate of any measured step, in messages per second. */
  public double peakRatePerSec() {
    return steps.stream().mapToDouble(LoadStep::peakRatePerSec).max().orElse(0);
  }

  /** Returns about how many messages the measured steps offer. */
  public long expectedMessages() {
    return Math.round(steps.stream().mapToDouble(LoadStep::messages).sum());
  }
}
