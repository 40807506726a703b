package io.relayharness.faults;

import java.util.Optional;

/** Enables the workers' proxies again, ending a {@code proxy-down} window. */
public record ProxyUp(FaultScope scope) implements FaultAction {

  /** The name in scenario files. */
  public static final String NAME = "proxy-up";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String detail() {
    return "proxy enabled";
  }

  @Override
  public Undo apply(FaultTarget target) {
    scope.workers().forEach(w -> target.setProxyEnabled(w, true));
    return Undo.NONE;
  }

  @Override
  public boolean opensWindow() {
    return false;
  }

  @Override
  public Optional<String> closes() {
    return Optional.of(ProxyDown.NAME);
  }
}
