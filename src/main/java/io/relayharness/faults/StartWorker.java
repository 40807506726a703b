package io.relayharness.faults;

import java.util.Optional;

/** Starts killed sink containers again, ending a {@code kill} window. */
public record StartWorker(FaultScope scope) implements FaultAction {

  /** The name in scenario files. */
  public static final String NAME = "start";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String detail() {
    return "sink container started";
  }

  @Override
  public Undo apply(FaultTarget target) {
    scope.workers().forEach(target::startWorker);
    return Undo.NONE;
  }

  @Override
  public boolean opensWindow() {
    return false;
  }

  @Override
  public Optional<String> closes() {
    return Optional.of(KillWorker.NAME);
  }
}
