package io.relayharness.verdict;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.internal.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Client rate limit: Postfix's anvil counts messages per client address over {@code
 * anvil_rate_time_unit} (60 s). The run is cut into minutes from the first transaction; in a minute
 * in which the injector (one client address) offered more than the limit, the relay must accept
 * {@code perMinute} within {@code tolerance}; in any minute, never more than that. The relay's own
 * {@code smtpd_client_message_rate_limit} is shown beside the expectation. Immutable; thread-safe.
 */
public final class ClientRateVerdict implements Verdict {

  private static final long MINUTE_MS = 60_000;

  private final ClientRateConfig config;

  /** Makes the verdict with {@code config}. */
  public ClientRateVerdict(ClientRateConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "clientRate";
  }

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    long first = obs.accepted().stream().mapToLong(AcceptedMail::startEpochMs).min().orElse(0);
    Map<Long, long[]> minutes = new TreeMap<>(); // minute -> {offered, accepted}
    for (AcceptedMail m : obs.accepted()) {
      long[] c = minutes.computeIfAbsent((m.startEpochMs() - first) / MINUTE_MS, k -> new long[2]);
      c[0]++;
      if (m.outcome() == AcceptedMail.Outcome.ACCEPTED) {
        c[1]++;
      }
    }
    double low = config.perMinute() * (1 - config.tolerance());
    double high = config.perMinute() * (1 + config.tolerance());
    Table.Builder table =
        Table.builder("Per minute", "minute", "offered", "accepted", "expected", "result");
    List<String> failures = new ArrayList<>();
    int saturated = 0;
    for (Map.Entry<Long, long[]> e : minutes.entrySet()) {
      long offered = e.getValue()[0];
      long accepted = e.getValue()[1];
      boolean full = offered > high;
      saturated += full ? 1 : 0;
      boolean ok = accepted <= high && (!full || accepted >= low);
      String expected =
          full ? Fmt.num(low) + " .. " + Fmt.num(high) : "<= " + Fmt.num(high) + " (not saturated)";
      table.row(e.getKey(), offered, accepted, expected, ok ? "ok" : "FAILED");
      if (!ok) {
        failures.add(
            "minute "
                + e.getKey()
                + ": "
                + accepted
                + " of "
                + offered
                + " accepted, expected "
                + expected);
      }
    }
    if (saturated == 0) {
      failures.add(
          "the client never offered more than "
              + Fmt.num(high)
              + " messages in a minute: the limit was not tested");
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("perMinute", (double) config.perMinute());
    figures.put("saturatedMinutes", (double) saturated);
    String relayLimit = obs.relaySettings().get("smtpd_client_message_rate_limit");
    if (relayLimit != null && relayLimit.matches("\\d+")) {
      figures.put("relayLimit", Double.parseDouble(relayLimit));
    }
    String summary =
        (failures.isEmpty()
                ? "the relay let about " + config.perMinute() + " a minute through"
                : String.join("; ", failures))
            + " (relay's smtpd_client_message_rate_limit = "
            + (relayLimit == null ? "default" : relayLimit)
            + ")";
    return new VerdictResult(name(), failures.isEmpty(), summary, figures, List.of(table.build()));
  }
}
