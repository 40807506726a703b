package io.relayharness.observe;

/**
 * Told about each attempt and warning as {@link RelayLogParser} reads it, e.g. to append them to
 * the run folder while a run goes on. Called on the feeding thread, under the parser's lock.
 */
public interface RelayLogListener {

  /** Called for each delivery attempt, in log order. */
  default void onAttempt(DeliveryAttempt attempt) {}

  /** Called for each warning, in log order. */
  default void onWarning(RelayWarning warning) {}
}
