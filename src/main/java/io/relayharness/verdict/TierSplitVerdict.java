package io.relayharness.verdict;

import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TierHop;
import io.relayharness.observe.TierObservations;
import io.relayharness.observe.TierStep;
import io.relayharness.observe.TimeWindow;
import io.relayharness.verdict.internal.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the sending MTA spread the mail over a relay tier, each message counted once per relay that
 * took it (from that relay's own log, by Message-ID):
 *
 * <ul>
 *   <li>{@code even}: each of the k relays of the tier takes a share within {@code sigmas} binomial
 *       standard deviations of 1/k, {@code sigmas * sqrt(p(1-p)/n)} with p = 1/k and n the messages
 *       the primaries took (the tolerance is derived, and stated in the summary)
 *   <li>{@code backupOnlyDuring}: the relays the step does not take away (the backups) take nothing
 *       outside the step's window (plus the grace), and something inside it
 *   <li>{@code survivorsDuring}: the relays the step cuts off take nothing while it is in effect,
 *       every other relay takes mail then, and the sending MTA's log shows its failed connections
 *       to the cut relays (its retries on the next MX)
 * </ul>
 *
 * Immutable; thread-safe.
 */
public final class TierSplitVerdict implements Verdict {

  private final TierSplitConfig config;

  /** Makes the verdict with {@code config}. */
  public TierSplitVerdict(TierSplitConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "tierSplit";
  }

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    if (obs.tiers().isEmpty()) {
      return new VerdictResult(
          name(), false, "the run had no relay tier to judge", Map.of(), List.of());
    }
    TierObservations tiers = obs.tiers().get();
    Map<String, Long> received = tiers.receivedByRelay();
    Map<String, Double> figures = new LinkedHashMap<>();
    received.forEach((r, n) -> figures.put("received." + r, n.doubleValue()));
    List<String> problems = new ArrayList<>();
    List<String> facts = new ArrayList<>();
    Table.Builder table = Table.builder("Mail per relay", "relay", "region", "preference", "took");
    received.forEach((r, n) -> table.row(r, tiers.regions().get(r), tiers.preferences().get(r), n));

    if (config.even()) {
      // every relay of the tier: an even split is the claim of equal MX preferences, so it must
      // not be read from the zone under test (a zone that demotes a relay must fail it)
      List<String> relays = List.copyOf(tiers.regions().keySet());
      long n = relays.stream().mapToLong(r -> received.getOrDefault(r, 0L)).sum();
      double p = 1.0 / relays.size();
      double tolerance = config.sigmas() * Math.sqrt(p * (1 - p) / Math.max(1, n));
      figures.put("tolerance", tolerance);
      if (n < config.minMessages()) {
        problems.add(
            "the relays took "
                + n
                + " messages, fewer than the "
                + config.minMessages()
                + " the split needs");
      } else {
        StringBuilder shares = new StringBuilder();
        for (String r : relays) {
          double share = received.getOrDefault(r, 0L) / (double) n;
          figures.put("share." + r, share);
          shares.append(shares.length() == 0 ? "" : ", ").append(r).append(' ');
          shares.append(Fmt.percent(share));
          if (Math.abs(share - p) > tolerance) {
            problems.add(
                r
                    + " took "
                    + Fmt.percent(share)
                    + " of "
                    + n
                    + ", outside "
                    + Fmt.percent(p)
                    + " ± "
                    + Fmt.percent(tolerance));
          }
        }
        facts.add(
            "split "
                + shares
                + " of "
                + n
                + " (equal ± "
                + Fmt.percent(tolerance)
                + " = "
                + Fmt.num(config.sigmas())
                + " σ of a binomial share)");
      }
    }

    long graceMs = config.graceSeconds() * 1000L;
    if (config.backupOnlyDuring() != null) {
      TierStep step = TierStep.of(obs, config.backupOnlyDuring()).orElse(null);
      TimeWindow w =
          step != null ? step.window() : obs.window(config.backupOnlyDuring()).orElse(null);
      // the backups are the relays the step does not take away
      List<String> primaries = step == null ? List.of() : step.relays();
      List<String> backups =
          tiers.preferences().keySet().stream().filter(r -> !primaries.contains(r)).toList();
      if (w == null || !w.ended() || primaries.isEmpty()) {
        problems.add(
            "step '"
                + config.backupOnlyDuring()
                + "' took no relay away in a closed window in this run");
      } else if (backups.isEmpty()) {
        problems.add("the step took every relay away: no backup to judge");
      } else {
        long outside = 0;
        long inside = 0;
        for (TierHop h : distinctHops(tiers)) {
          if (!backups.contains(h.relay())) {
            continue;
          }
          boolean in =
              h.receivedEpochMs() >= w.startEpochMs()
                  && h.receivedEpochMs() <= w.endEpochMs() + graceMs;
          if (in) {
            inside++;
          } else {
            outside++;
          }
        }
        figures.put("backup.inside", (double) inside);
        figures.put("backup.outside", (double) outside);
        facts.add(
            "backup "
                + String.join(",", backups)
                + " took "
                + inside
                + " in window '"
                + config.backupOnlyDuring()
                + "', "
                + outside
                + " outside it");
        if (outside > 0) {
          problems.add(
              "the backup relay(s) took " + outside + " messages while the primary answered");
        }
        if (inside == 0) {
          problems.add("the backup relay(s) took nothing while the primary was away");
        }
      }
    }

    if (config.survivorsDuring() != null) {
      String step = config.survivorsDuring();
      TierStep cutStep = TierStep.of(obs, step).orElse(null);
      if (cutStep == null) {
        problems.add("step '" + step + "' did not happen in this run");
      } else {
        TimeWindow w = cutStep.inEffect();
        long end = w.endEpochMs() == null ? Long.MAX_VALUE : w.endEpochMs();
        List<String> cut = cutStep.relays();
        Map<String, Long> during = new TreeMap<>();
        tiers.regions().keySet().forEach(r -> during.put(r, 0L));
        for (TierHop h : distinctHops(tiers)) {
          if (h.receivedEpochMs() >= w.startEpochMs() + graceMs && h.receivedEpochMs() <= end) {
            during.merge(h.relay(), 1L, Long::sum);
          }
        }
        during.forEach((r, n) -> figures.put("during." + r, n.doubleValue()));
        int failures =
            cut.stream().mapToInt(r -> tiers.senderConnectFailures().getOrDefault(r, 0)).sum();
        figures.put("senderConnectFailures", (double) failures);
        facts.add(
            "while '"
                + step
                + "' was in effect: "
                + during
                + "; the sender failed "
                + failures
                + " connections or sessions to "
                + String.join(",", cut)
                + " (its log over the whole run) and went on to the next MX");
        if (failures == 0) {
          problems.add(
              "the sender's log shows no failed connection to "
                  + String.join(",", cut)
                  + ": the cut was not seen");
        }
        during.forEach(
            (r, n) -> {
              if (cut.contains(r) && n > 0) {
                problems.add(r + " was cut off but took " + n + " messages during '" + step + "'");
              } else if (!cut.contains(r) && n == 0) {
                problems.add(r + " survived but took nothing during '" + step + "'");
              }
            });
      }
    }
    if (!config.even() && config.backupOnlyDuring() == null && config.survivorsDuring() == null) {
      problems.add("tierSplit names no claim (even, backupOnlyDuring or survivorsDuring)");
    }
    String summary =
        String.join("; ", facts)
            + (problems.isEmpty()
                ? ""
                : (facts.isEmpty() ? "" : "; ") + String.join("; ", problems));
    return new VerdictResult(name(), problems.isEmpty(), summary, figures, List.of(table.build()));
  }

  /** The first hop of each message at each relay (a message a relay took twice counts once). */
  private static List<TierHop> distinctHops(TierObservations tiers) {
    Map<String, TierHop> first = new LinkedHashMap<>();
    for (TierHop h : tiers.hops()) {
      first.merge(
          h.relay() + "\u0000" + h.messageId(),
          h,
          (a, b) -> a.receivedEpochMs() <= b.receivedEpochMs() ? a : b);
    }
    return List.copyOf(first.values());
  }
}
