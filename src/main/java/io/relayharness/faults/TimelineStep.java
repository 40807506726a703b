package io.relayharness.faults;

/**
 * One step of a scenario's fault timeline. Immutable; thread-safe.
 *
 * @param index the step's position in the scenario file
 * @param atMs when it fires, in milliseconds from the end of warm-up
 * @param forMs how long its window lasts before the runner undoes it, or null (until an undo step
 *     or the end of the run)
 * @param name the window name used by {@code expect.queueing.during}, or null
 * @param action what it does
 */
public record TimelineStep(int index, long atMs, Long forMs, String name, FaultAction action) {

  /** Returns when the step's window ends, or null when it has no {@code for}. */
  public Long endMs() {
    return forMs == null ? null : atMs + forMs;
  }

  /** Returns the label shown in progress output: the name, else the action and its scope. */
  public String label() {
    String base = action.name() + " " + action.scope().name();
    return name == null ? base : name + " (" + base + ")";
  }
}
