package io.relayharness.verdict.internal;

import io.relayharness.verdict.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Threshold checks of one verdict ("p95 accept latency 2300 ms <= 2000 ms"): collects each check
 * with its bound and observed value, the failures, and a table of all of them. Not thread-safe.
 */
public final class Checks {

  private final Table.Builder table =
      Table.builder("Checks", "check", "expected", "observed", "result");
  private final List<String> failures = new ArrayList<>();

  /** Checks {@code observed <= max} unless {@code max} is null. */
  public Checks atMost(String what, Double max, double observed, String unit) {
    if (max == null) {
      table.row(what, "no bound", Fmt.num(observed) + unit, "not checked");
      return this;
    }
    boolean ok = !Double.isNaN(observed) && observed <= max;
    return record(what, "<= " + Fmt.num(max) + unit, Fmt.num(observed) + unit, ok);
  }

  /** Checks {@code observed >= min} unless {@code min} is null. */
  public Checks atLeast(String what, Double min, double observed, String unit) {
    if (min == null) {
      table.row(what, "no bound", Fmt.num(observed) + unit, "not checked");
      return this;
    }
    boolean ok = !Double.isNaN(observed) && observed >= min;
    return record(what, ">= " + Fmt.num(min) + unit, Fmt.num(observed) + unit, ok);
  }

  /** Records a check decided by the caller. */
  public Checks record(String what, String expected, String observed, boolean ok) {
    table.row(what, expected, observed, ok ? "ok" : "FAILED");
    if (!ok) {
      failures.add(what + " " + observed + ", expected " + expected);
    }
    return this;
  }

  /** Returns whether every check passed. */
  public boolean passed() {
    return failures.isEmpty();
  }

  /** Returns the failed checks as one phrase, e.g. "p95 2300 ms, expected <= 2000 ms; ...". */
  public String failures() {
    return String.join("; ", failures);
  }

  /** Returns the table of every check. */
  public Table table() {
    return table.build();
  }
}
