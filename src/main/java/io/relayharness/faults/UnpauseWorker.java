package io.relayharness.faults;

import java.util.Optional;

/** Thaws paused sink containers, ending a {@code pause} window. */
public record UnpauseWorker(FaultScope scope) implements FaultAction {

  /** The name in scenario files. */
  public static final String NAME = "unpause";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String detail() {
    return "sink container unpaused";
  }

  @Override
  public Undo apply(FaultTarget target) {
    scope.workers().forEach(target::unpauseWorker);
    return Undo.NONE;
  }

  @Override
  public boolean opensWindow() {
    return false;
  }

  @Override
  public Optional<String> closes() {
    return Optional.of(PauseWorker.NAME);
  }
}
