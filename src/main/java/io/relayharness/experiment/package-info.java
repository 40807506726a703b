/**
 * A/B runs with statistics: {@link io.relayharness.experiment.AbRunner} runs a scenario N times on
 * config A and on config B, interleaved, each on a fresh topology through the same {@link
 * io.relayharness.scenario.ScenarioEngine}; {@link io.relayharness.experiment.RunMetrics} reads
 * each run folder's figures; {@link io.relayharness.experiment.AbAnalysis} compares them per metric
 * ({@link io.relayharness.experiment.RankStatistics}: Mann–Whitney p-value, Hodges–Lehmann shift
 * and its interval; {@link io.relayharness.experiment.FamilyCorrection}: Holm or Benjamini–Hochberg
 * over the family; {@link io.relayharness.experiment.SampleSize}: noise and repeats needed); {@link
 * io.relayharness.experiment.ComparisonWriter} writes {@code comparison.json} and {@code
 * comparison.html}. Only the command line ({@code cli}) uses this package; it uses scenario,
 * observe, verdict and ledger.
 */
package io.relayharness.experiment;
