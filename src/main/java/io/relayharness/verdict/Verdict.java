package io.relayharness.verdict;

import io.relayharness.observe.RunObservations;

/**
 * One judgement of a run: evaluates the observations against its configured expectation. Each
 * implementation is immutable and thread-safe.
 */
public interface Verdict {

  /** The verdict's name, which is also its {@code expect:} key (e.g. {@code loss}). */
  String name();

  /** Judges {@code observations}; never throws for bad data, reports it as a failure instead. */
  VerdictResult evaluate(RunObservations observations);
}
