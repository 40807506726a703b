package io.relayharness.observe;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a run folder holds, read as typed records by {@link RunFolder#readContents()}, also
 * from a folder a killed or failed run left: a missing file reads as empty and a line that is not a
 * record (a line cut short by a kill) is skipped; both leave a note for the reader to show.
 * Immutable; thread-safe.
 *
 * @param dir the run folder
 * @param runInfo {@code run.json}, or null when it is missing or unreadable
 * @param scenarioLeaves {@code scenario.yaml} as dotted paths to values (arrays as {@code [i]}),
 *     empty when the file is missing
 * @param hasScenario whether {@code scenario.yaml} was read
 * @param observations the observation files, joined (the per-message timelines are joined anew from
 *     the ledgers, so a run killed before {@code timeline.jsonl} was written has them too)
 * @param notes what was missing or unreadable, in reading order
 */
public record RunContents(
    Path dir,
    RunInfo runInfo,
    Map<String, String> scenarioLeaves,
    boolean hasScenario,
    RunObservations observations,
    List<String> notes) {

  public RunContents {
    scenarioLeaves = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(scenarioLeaves));
    notes = List.copyOf(notes);
  }
}
