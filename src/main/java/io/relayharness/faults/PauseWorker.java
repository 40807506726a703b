package io.relayharness.faults;

/** Freezes the workers' sink containers ({@code docker pause}); undo thaws them. */
public record PauseWorker(FaultScope scope) implements FaultAction {

  /** The name in scenario files. */
  public static final String NAME = "pause";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String detail() {
    return "sink container paused";
  }

  @Override
  public Undo apply(FaultTarget target) {
    scope.workers().forEach(target::pauseWorker);
    return t -> scope.workers().forEach(t::unpauseWorker);
  }
}
