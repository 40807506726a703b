package io.relayharness.faults;

import java.util.Optional;

/**
 * One thing a timeline step does to the topology. Each action is a small immutable record; {@link
 * #apply} changes the topology and returns how to reverse the change. Implementations are immutable
 * and thread-safe.
 */
public interface FaultAction {

  /** Returns the action name as written in scenario files, e.g. {@code proxy-down}. */
  String name();

  /** Returns what the action acts on. */
  FaultScope scope();

  /** Returns a short human description for {@code faults.jsonl}. */
  String detail();

  /** Applies the action and returns its undo ({@link Undo#NONE} when it opens no window). */
  Undo apply(FaultTarget target);

  /** Returns whether the action opens a window that a {@code for} or an undo step can end. */
  default boolean opensWindow() {
    return true;
  }

  /** Returns the name of the action whose window this one ends ({@code proxy-up}: proxy-down). */
  default Optional<String> closes() {
    return Optional.empty();
  }
}
