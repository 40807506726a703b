package io.relayharness.faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes the workers' sinks answer with an SMTP fault at a stage (a 4xx/5xx reply, or taking the
 * data and dropping the connection before the 250); undo clears the sinks' faults.
 *
 * @param scope the workers
 * @param fault the fault, keys as in {@link FaultTarget#addSinkFault}
 */
public record SinkFault(FaultScope scope, Map<String, Object> fault) implements FaultAction {

  /** The name in scenario files. */
  public static final String NAME = "sink-fault";

  public SinkFault {
    fault = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fault));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String detail() {
    return "SMTP fault " + new TreeMap<>(fault);
  }

  @Override
  public Undo apply(FaultTarget target) {
    scope.workers().forEach(w -> target.addSinkFault(w, fault));
    return t -> scope.workers().forEach(t::clearSinkFaults);
  }
}
