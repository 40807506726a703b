package io.relayharness.faults;

/** Kills the workers' sink containers ({@code docker kill}); undo starts them again. */
public record KillWorker(FaultScope scope) implements FaultAction {

  /** The name in scenario files. */
  public static final String NAME = "kill";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String detail() {
    return "sink container killed";
  }

  @Override
  public Undo apply(FaultTarget target) {
    scope.workers().forEach(target::killWorker);
    return t -> scope.workers().forEach(t::startWorker);
  }
}
