package io.relayharness.faults;

/**
 * Restarts the relay container (queue kept); its event lasts until the relay greets again. Nothing
 * to undo.
 */
public record RestartRelay(FaultScope scope) implements FaultAction {

  /** The name in scenario files. */
  public static final String NAME = "relay-restart";

  /** Returns the action on the relay. */
  public static RestartRelay ofRelay() {
    return new RestartRelay(FaultScope.relay());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String detail() {
    return "relay container restarted, queue kept";
  }

  @Override
  public Undo apply(FaultTarget target) {
    if (scope.isRelay()) {
      target.restartRelay();
    } else {
      scope.workers().forEach(target::restartRelay);
    }
    return Undo.NONE;
  }

  @Override
  public boolean opensWindow() {
    return false;
  }
}
