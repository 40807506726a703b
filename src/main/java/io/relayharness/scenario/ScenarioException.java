package io.relayharness.scenario;

import java.util.List;

/**
 * A scenario file that cannot be run: every problem found, each naming the file, the key path and
 * the bad value ({@code scenarios/x.yaml: load.steps[1].constant.rat: unknown key (did you mean
 * 'rate'?)}). Immutable.
 */
public final class ScenarioException extends Exception {

  private final List<String> errors;

  /** Creates the exception from the problems found, in file order. */
  public ScenarioException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  /** Returns the problems, one line each. */
  public List<String> errors() {
    return errors;
  }
}
