package io.relayharness.load.internal;

import io.relayharness.load.LoadCounters;
import io.relayharness.load.LoadRunSpec;
import java.util.function.Supplier;

/**
 * Hands a run's parameters to the simulation Gatling instantiates by class name (it takes no
 * constructor arguments). Thread-safe: one context at a time, set around one Gatling run.
 */
public record RunContext(LoadRunSpec spec, LoadCounters counters) {

  private static volatile RunContext current;

  /** Makes {@code context} current while {@code run} executes. */
  public static <T> T with(RunContext context, Supplier<T> run) {
    synchronized (RunContext.class) {
      current = context;
      try {
        return run.get();
      } finally {
        current = null;
      }
    }
  }

  /** Returns the context of the run in progress. */
  public static RunContext current() {
    RunContext c = current;
    if (c == null) {
      throw new IllegalStateException(
          "no load run in progress: start SmtpLoadSimulation through LoadRunner");
    }
    return c;
  }
}
