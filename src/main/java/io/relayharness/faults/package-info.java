/**
 * Timeline actions applied to a running topology: one class per action, a {@link
 * io.relayharness.faults.FaultTarget} the topology implements, and the {@link
 * io.relayharness.faults.TimelineRunner} that fires a scenario's steps at their times.
 *
 * <pre>
 *  TimelineRunner ──(at)──► FaultAction.apply(FaultTarget) ──► Undo
 *        │                                                        │
 *        └──(at + for, or an undo step, or close())──────────────►┘  FaultEvent recorded
 * </pre>
 */
package io.relayharness.faults;
