package io.relayharness.verdict;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.observe.DeliveryAttempt;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TimeWindow;
import io.relayharness.verdict.internal.Fmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Routing per phase: splits the run at the timeline's edges and checks who received the mail in
 * each phase. A delivery is placed by the time of the relay's {@code status=sent} attempt in its
 * log (the first one per queue id) and belongs to the worker it went to; a deferral by the time and
 * worker of its {@code status=deferred} line. Events within {@code guardMs} of a phase edge were in
 * flight when the fault changed and are counted apart, in no phase. A phase with delivery rules
 * needs at least {@code minMessages} deliveries, and one with deferral rules at least one deferral:
 * nothing is proven by nothing.
 *
 * <p>With {@code ownPools} (a relay tier whose relays have their own worker pools) it also judges
 * routing per relay: every message a relay delivered went to its own pool, in every phase (see
 * {@link OwnPools}); the phases' rules may then be left out. Immutable; thread-safe.
 *
 * <pre>
 *   load start ──── before ────┤step A├── (between) ──┤step B├──── after ──── run end
 *                          guard│     │guard
 * </pre>
 */
public final class RoutingVerdict implements Verdict {

  private final RoutingConfig config;

  /** Makes the verdict with {@code config}. */
  public RoutingVerdict(RoutingConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "routing";
  }

  /** One placed event: when, and which worker. */
  private record Event(long epochMs, String worker) {}

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    // Outer spans (apply began .. undo done) bound before and after; inner spans (apply done ..
    // undo began) are the steps' own phases, so a slow DNS change is not judged half-applied.
    Map<String, TimeWindow> steps = RunObservations.windowsOf(obs.faults());
    Map<String, TimeWindow> inEffect = RunObservations.inEffectWindowsOf(obs.faults());
    long loadStart =
        obs.accepted().stream()
            .mapToLong(AcceptedMail::startEpochMs)
            .min()
            .orElse(obs.runStartEpochMs());
    List<Event> delivered = new ArrayList<>();
    List<Event> deferred = new ArrayList<>();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    long lastEvent = loadStart;
    for (DeliveryAttempt a : obs.attempts()) {
      lastEvent = Math.max(lastEvent, a.epochMs());
      String worker = a.worker() == null ? "(unknown)" : a.worker();
      if (a.delivered() && seen.putIfAbsent(a.queueId(), true) == null) {
        delivered.add(new Event(a.epochMs(), worker));
      } else if (a.deferred()) {
        deferred.add(new Event(a.epochMs(), worker));
      }
    }
    long runEnd = obs.runEndEpochMs() != null ? obs.runEndEpochMs() : lastEvent;
    List<Long> edges = new ArrayList<>();
    for (TimeWindow w : steps.values()) {
      edges.add(w.startEpochMs());
      edges.add(w.endEpochMs() != null ? w.endEpochMs() : runEnd);
    }

    List<String> failures = new ArrayList<>();
    Map<String, Double> figures = new LinkedHashMap<>();
    Table.Builder table =
        Table.builder(
            "Routing per phase",
            "phase",
            "from",
            "to",
            "kind",
            "worker",
            "rule",
            "observed",
            "share",
            "power",
            "result");
    long inFlight = 0;
    for (Long edge : edges) {
      inFlight +=
          delivered.stream().filter(e -> Math.abs(e.epochMs() - edge) < config.guardMs()).count();
    }
    figures.put("guardMs", (double) config.guardMs());
    figures.put("deliveriesInGuardBands", (double) inFlight);
    List<RoutingRules.Phase> phases =
        config.phases() == null ? List.of() : config.phases().phases();
    for (RoutingRules.Phase phase : phases) {
      TimeWindow window = window(phase.name(), steps, inEffect, loadStart, runEnd);
      if (window == null) {
        failures.add("phase " + phase.name() + ": the run has no such timeline window");
        continue;
      }
      long from = window.startEpochMs() + config.guardMs();
      long to = (window.endEpochMs() == null ? runEnd : window.endEpochMs()) - config.guardMs();
      judge(
          phase.name(),
          "delivered",
          phase.delivered(),
          delivered,
          from,
          to,
          config.minMessages(),
          table,
          figures,
          failures);
      // Deferral rules that only say "none" are proven by zero deferrals; others need one.
      boolean onlyNone =
          phase.deferred().values().stream().allMatch(r -> r.kind() == RoutingRules.Rule.Kind.NONE);
      judge(
          phase.name(),
          "deferred",
          phase.deferred(),
          deferred,
          from,
          to,
          onlyNone ? 0 : 1,
          table,
          figures,
          failures);
    }
    List<Table> tables = new ArrayList<>();
    if (!phases.isEmpty()) {
      tables.add(table.build());
    }
    List<String> facts = new ArrayList<>();
    if (!phases.isEmpty()) {
      facts.add(
          "every phase routed as expected ("
              + phases.size()
              + " phases, "
              + inFlight
              + " deliveries within "
              + config.guardMs()
              + " ms of an edge left out)");
    }
    if (config.ownPools()) {
      Table.Builder pools =
          Table.builder(
              "Routing per relay and phase (own worker pools)",
              "phase",
              "relay",
              "pool",
              "worker",
              "delivered (relay log)",
              "arrived (sinks, by queue id)",
              "result");
      int before = failures.size();
      OwnPools.judge(
          obs,
          OwnPools.phases(inEffect, steps, runEnd),
          config.minMessages(),
          pools,
          figures,
          failures);
      tables.add(pools.build());
      if (failures.size() == before) {
        facts.add(OwnPools.summary(obs));
      }
    }
    String summary = failures.isEmpty() ? String.join("; ", facts) : String.join("; ", failures);
    return new VerdictResult(name(), failures.isEmpty(), summary, figures, tables);
  }

  private static TimeWindow window(
      String phase,
      Map<String, TimeWindow> steps,
      Map<String, TimeWindow> inEffect,
      long loadStart,
      long runEnd) {
    if (phase.equals(RoutingRules.BEFORE)) {
      long first = steps.values().stream().mapToLong(TimeWindow::startEpochMs).min().orElse(runEnd);
      return new TimeWindow(loadStart, first);
    }
    if (phase.equals(RoutingRules.AFTER)) {
      long last =
          steps.values().stream()
              .mapToLong(w -> w.endEpochMs() == null ? runEnd : w.endEpochMs())
              .max()
              .orElse(loadStart);
      return new TimeWindow(last, runEnd);
    }
    return inEffect.get(phase);
  }

  private static void judge(
      String phase,
      String kind,
      Map<String, RoutingRules.Rule> rules,
      List<Event> events,
      long from,
      long to,
      int minEvents,
      Table.Builder table,
      Map<String, Double> figures,
      List<String> failures) {
    if (rules.isEmpty()) {
      return;
    }
    Map<String, Long> counts = new TreeMap<>();
    long total = 0;
    for (Event e : events) {
      if (e.epochMs() >= from && e.epochMs() <= to) {
        counts.merge(e.worker(), 1L, Long::sum);
        total++;
      }
    }
    figures.put(phase + "." + kind, (double) total);
    counts.forEach((w, n) -> figures.put(phase + "." + kind + "." + w, (double) n));
    rules.keySet().stream()
        .filter(w -> !w.equals(RoutingRules.ANY))
        .forEach(w -> figures.putIfAbsent(phase + "." + kind + "." + w, 0.0));
    String span = Fmt.time(from) + " .. " + Fmt.time(to);
    if (total < minEvents) {
      failures.add(
          "phase "
              + phase
              + ": "
              + total
              + " "
              + kind
              + " between "
              + span
              + ", need at least "
              + minEvents
              + " to judge it");
    }
    for (Map.Entry<String, RoutingRules.Rule> r : rules.entrySet()) {
      long n = r.getKey().equals(RoutingRules.ANY) ? total : counts.getOrDefault(r.getKey(), 0L);
      boolean ok = total >= minEvents && r.getValue().holds(n, total);
      double share = total == 0 ? 0 : (double) n / total;
      table.row(
          phase,
          Fmt.time(from),
          Fmt.time(to),
          kind,
          r.getKey(),
          r.getValue().text(),
          n + " of " + total,
          Fmt.percent(share),
          power(r.getValue(), total),
          ok ? "ok" : "FAILED");
      if (!ok && total >= minEvents) {
        failures.add(
            "phase "
                + phase
                + ": "
                + r.getKey()
                + " "
                + kind
                + " "
                + n
                + " of "
                + total
                + " ("
                + Fmt.percent(share)
                + "), expected "
                + r.getValue().text());
      }
    }
    // Workers the phase names no rule for are shown too, so the table tells the whole split.
    counts.keySet().stream()
        .filter(w -> !rules.containsKey(w) && !rules.containsKey(RoutingRules.ANY))
        .sorted(Comparator.naturalOrder())
        .forEach(
            w ->
                table.row(
                    phase,
                    Fmt.time(from),
                    Fmt.time(to),
                    kind,
                    w,
                    "any",
                    counts.get(w)
                        + " of "
                        + counts.values().stream().mapToLong(Long::longValue).sum(),
                    "",
                    "",
                    "not judged"));
  }

  /** What the sample size can detect, in words, for the report. */
  static String power(RoutingRules.Rule rule, long n) {
    if (n == 0) {
      return "no data";
    }
    return switch (rule.kind()) {
      case NONE, ALL -> "a 1% leak shows with p=" + Fmt.num(1 - Math.pow(0.99, n));
      case AT_LEAST, AT_MOST, AROUND -> {
        double p = rule.share();
        double se = Math.sqrt(Math.max(p * (1 - p), 1.0 / n) / n);
        yield "share ± " + Fmt.percent(1.96 * se) + " (95%) at n=" + n;
      }
    };
  }
}
