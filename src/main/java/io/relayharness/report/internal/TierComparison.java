package io.relayharness.report.internal;

import io.relayharness.observe.NumberText;
import io.relayharness.observe.TierObservations;
import io.relayharness.observe.TierPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The relay tiers of two runs side by side, for the comparison page: per relay its region and MX
 * preference, the messages it took and its share, its deliveries and their share, its deliveries
 * per worker, its queue peak, the mail on its disk at a restart, the sending MTA's failed
 * connections to it and the lost messages last seen in it; then the lost messages the sender still
 * held. A run with one relay shows "—". Empty when neither run had a tier. Stateless; thread-safe.
 */
public final class TierComparison {

  private TierComparison() {}

  /** One figure of one relay in A and B, and B − A where both are numbers. */
  public record Row(String relay, String figure, String a, String b, String delta) {}

  /**
   * The tier part of the page.
   *
   * @param present whether either run had a relay tier
   * @param rows one per relay and figure
   */
  public record View(boolean present, List<Row> rows) {}

  /** What one run's tier came to. */
  private record Side(TierObservations tiers, TierPaths paths) {

    static Optional<Side> of(ReportedRun run) {
      return run.observations()
          .tiers()
          .map(t -> new Side(t, TierPaths.of(run.observations()).orElseThrow()));
    }

    long took(String relay) {
      return tiers.receivedByRelay().getOrDefault(relay, 0L);
    }

    long tookAll() {
      return tiers.receivedByRelay().values().stream().mapToLong(Long::longValue).sum();
    }

    Map<String, Long> perWorker(String relay) {
      return tiers.deliveredByRelayAndWorker().getOrDefault(relay, Map.of());
    }

    long delivered(String relay) {
      return perWorker(relay).values().stream().mapToLong(Long::longValue).sum();
    }

    long deliveredAll() {
      return tiers.deliveredByRelayAndWorker().values().stream()
          .flatMap(m -> m.values().stream())
          .mapToLong(Long::longValue)
          .sum();
    }
  }

  static View of(ReportedRun a, ReportedRun b) {
    Optional<Side> sa = Side.of(a);
    Optional<Side> sb = Side.of(b);
    if (sa.isEmpty() && sb.isEmpty()) {
      return new View(false, List.of());
    }
    TreeSet<String> relays = new TreeSet<>();
    sa.ifPresent(s -> relays.addAll(s.tiers().regions().keySet()));
    sb.ifPresent(s -> relays.addAll(s.tiers().regions().keySet()));
    List<Row> rows = new ArrayList<>();
    for (String relay : relays) {
      rows.add(
          text(
              relay,
              "region · MX preference",
              sa,
              sb,
              s ->
                  s.tiers().regions().getOrDefault(relay, "—")
                      + " · "
                      + s.tiers().preferences().getOrDefault(relay, 0)));
      rows.add(
          share(
              relay,
              "messages taken (share of the relays')",
              sa,
              sb,
              s -> s.took(relay),
              Side::tookAll));
      rows.add(
          share(
              relay,
              "delivered to workers (share of the relays' deliveries)",
              sa,
              sb,
              s -> s.delivered(relay),
              Side::deliveredAll));
      rows.add(text(relay, "delivered per worker", sa, sb, s -> words(s.perWorker(relay))));
      rows.add(
          count(relay, "queue peak", sa, sb, s -> s.paths().queuePeaks().getOrDefault(relay, 0)));
      rows.add(
          count(
              relay,
              "on its disk at a restart, kept",
              sa,
              sb,
              s -> s.paths().heldByRelay().getOrDefault(relay, new long[2])[0]));
      rows.add(
          count(
              relay,
              "on its disk at a restart, lost with it",
              sa,
              sb,
              s -> s.paths().heldByRelay().getOrDefault(relay, new long[2])[1]));
      rows.add(
          count(
              relay,
              "sender's failed connections or sessions to it",
              sa,
              sb,
              s -> s.tiers().senderConnectFailures().getOrDefault(relay, 0)));
      rows.add(
          count(
              relay,
              "lost, last seen in its queue",
              sa,
              sb,
              s -> s.paths().lostByHop().getOrDefault(relay, 0L)));
    }
    rows.add(
        count(
            TierPaths.SENDER,
            "lost, stuck in the sender",
            sa,
            sb,
            s -> s.paths().lostByHop().getOrDefault(TierPaths.SENDER, 0L)));
    rows.add(
        count(
            TierPaths.NOWHERE,
            "lost, never reached the sender",
            sa,
            sb,
            s -> s.paths().lostByHop().getOrDefault(TierPaths.NOWHERE, 0L)));
    return new View(true, rows);
  }

  private static Row text(
      String relay, String figure, Optional<Side> a, Optional<Side> b, Function<Side, String> f) {
    return new Row(relay, figure, a.map(f).orElse("—"), b.map(f).orElse("—"), "");
  }

  private static Row count(
      String relay, String figure, Optional<Side> a, Optional<Side> b, Function<Side, Number> f) {
    Optional<Number> x = a.map(f);
    Optional<Number> y = b.map(f);
    return new Row(
        relay,
        figure,
        x.map(n -> NumberText.of(n.doubleValue())).orElse("—"),
        y.map(n -> NumberText.of(n.doubleValue())).orElse("—"),
        x.isPresent() && y.isPresent()
            ? signed(y.get().doubleValue() - x.get().doubleValue())
            : "");
  }

  private static Row share(
      String relay,
      String figure,
      Optional<Side> a,
      Optional<Side> b,
      Function<Side, Long> part,
      Function<Side, Long> whole) {
    Optional<Double> x = a.map(s -> fraction(part.apply(s), whole.apply(s)));
    Optional<Double> y = b.map(s -> fraction(part.apply(s), whole.apply(s)));
    return new Row(
        relay,
        figure,
        a.map(s -> part.apply(s) + " (" + percent(fraction(part.apply(s), whole.apply(s))) + ")")
            .orElse("—"),
        b.map(s -> part.apply(s) + " (" + percent(fraction(part.apply(s), whole.apply(s))) + ")")
            .orElse("—"),
        x.isPresent() && y.isPresent() && !x.get().isNaN() && !y.get().isNaN()
            ? String.format(Locale.ROOT, "%+.1f pp", (y.get() - x.get()) * 100)
            : "");
  }

  private static double fraction(long part, long whole) {
    return whole == 0 ? Double.NaN : part / (double) whole;
  }

  private static String percent(double f) {
    return Double.isNaN(f) ? "—" : String.format(Locale.ROOT, "%.1f%%", f * 100);
  }

  private static String signed(double v) {
    return (v > 0 ? "+" : "") + NumberText.of(v);
  }

  private static String words(Map<String, Long> perWorker) {
    if (perWorker.isEmpty()) {
      return "none";
    }
    List<String> out = new ArrayList<>();
    new TreeMap<>(perWorker).forEach((w, n) -> out.add(w + " " + n));
    return String.join(", ", out);
  }
}
