package io.relayharness.verdict;

import io.relayharness.observe.RelayWarning;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.internal.Fmt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Relay health: a relay whose daemon died is a failed run, whatever the mail did. Fails on any
 * {@code fatal:} or {@code panic:} line, any daemon the master throttles ("bad command startup --
 * throttling"), any lookup table that "is unavailable", and a relay container that was no longer
 * running at the end (the engine records that as a fatal line). Leads with the relay's own first
 * such line. Immutable; thread-safe.
 */
public final class RelayHealthVerdict implements Verdict {

  @Override
  public String name() {
    return "relayHealth";
  }

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    List<RelayWarning> bad = obs.warnings().stream().filter(RelayWarning::unhealthy).toList();
    Map<String, Long> byKind = new TreeMap<>();
    bad.forEach(w -> byKind.merge(w.kind(), 1L, Long::sum));
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("unhealthyLines", (double) bad.size());
    byKind.forEach((k, n) -> figures.put(k, (double) n));
    figures.put(
        "otherWarnings",
        (double) obs.warnings().stream().filter(w -> RelayWarning.OTHER.equals(w.kind())).count());
    if (bad.isEmpty()) {
      return new VerdictResult(
          name(),
          true,
          "no fatal, panic, throttled daemon or unavailable table in "
              + obs.warnings().size()
              + " relay warnings",
          figures,
          List.of());
    }
    Table.Builder table = Table.builder("The relay's own lines", "time", "kind", "line");
    bad.forEach(w -> table.row(Fmt.time(w.epochMs()), w.kind(), w.line()));
    String summary =
        "the relay is broken: "
            + strip(bad.get(0).line())
            + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more such lines)" : "");
    return new VerdictResult(name(), false, summary, figures, List.of(table.build()));
  }

  /** Drops the engine's timestamp in front of a relay log line. */
  static String strip(String line) {
    int space = line.indexOf(' ');
    return space > 0 && line.charAt(0) >= '0' && line.charAt(0) <= '9'
        ? line.substring(space + 1)
        : line;
  }
}
