package io.relayharness.faults;

/** Disables the workers' proxies, so the relay's connections are refused; undo enables them. */
public record ProxyDown(FaultScope scope) implements FaultAction {

  /** The name in scenario files. */
  public static final String NAME = "proxy-down";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String detail() {
    return "proxy disabled: connections refused";
  }

  @Override
  public Undo apply(FaultTarget target) {
    scope.workers().forEach(w -> target.setProxyEnabled(w, false));
    return t -> scope.workers().forEach(w -> t.setProxyEnabled(w, true));
  }
}
