/**
 * Reports of runs: {@link io.relayharness.report.RunReport} writes a run folder's self-contained
 * {@code report.html}; {@link io.relayharness.report.RunComparison} puts two runs side by side. The
 * command line ({@code cli}) calls {@link io.relayharness.report.RunReport} and {@link
 * io.relayharness.report.RunComparison}. Charts use Apache ECharts, inlined from the
 * org.webjars:echarts jar.
 */
package io.relayharness.report;
