package io.relayharness.scenario;

/**
 * Whether one expectation held, with a one-line summary (the verdict's). Immutable.
 *
 * @param name the {@code expect:} key, e.g. {@code loss}
 * @param passed whether it held
 * @param summary what was found, e.g. {@code 0 of 3000 accepted messages lost}
 */
public record ExpectationOutcome(String name, boolean passed, String summary) {}
