package io.relayharness.verdict;

import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ entry point for verdict results: {@code assertThat(result).passed()} fails with the
 * verdict's summary, figures and tables. Not thread-safe (one assertion per use).
 */
public final class VerdictAssertions extends AbstractAssert<VerdictAssertions, VerdictResult> {

  private VerdictAssertions(VerdictResult actual) {
    super(actual, VerdictAssertions.class);
  }

  /** Starts an assertion on {@code result}. */
  public static VerdictAssertions assertThat(VerdictResult result) {
    return new VerdictAssertions(result);
  }

  /** Fails unless the verdict passed, printing what it found. */
  public VerdictAssertions passed() {
    isNotNull();
    if (!actual.passed()) {
      failWithMessage("expected verdict to pass, but:%n%s", actual.describe());
    }
    return this;
  }

  /** Fails unless the verdict failed, printing what it found. */
  public VerdictAssertions failed() {
    isNotNull();
    if (actual.passed()) {
      failWithMessage("expected verdict to fail, but:%n%s", actual.describe());
    }
    return this;
  }

  /** Fails unless the summary contains every one of {@code parts}. */
  public VerdictAssertions summaryContains(String... parts) {
    isNotNull();
    for (String part : parts) {
      if (!actual.summary().contains(part)) {
        failWithMessage("expected summary to contain <%s>, but:%n%s", part, actual.describe());
      }
    }
    return this;
  }

  /** Fails unless figure {@code name} equals {@code expected} (within 1e-9). */
  public VerdictAssertions hasFigure(String name, double expected) {
    isNotNull();
    Double value = actual.figure(name);
    if (value == null || Math.abs(value - expected) > 1e-9) {
      failWithMessage(
          "expected figure %s = %s, was %s:%n%s", name, expected, value, actual.describe());
    }
    return this;
  }
}
