package io.relayharness.faults;

/** Reverses what one applied {@link FaultAction} did. Implementations are used by one thread. */
@FunctionalInterface
public interface Undo {

  /** An undo that does nothing, for actions that open no window. */
  Undo NONE = target -> {};

  /** Reverses the action on {@code target}. */
  void run(FaultTarget target);
}
