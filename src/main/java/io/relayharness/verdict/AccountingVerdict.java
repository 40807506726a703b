package io.relayharness.verdict;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.internal.Fmt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accounting: every message the injector offered is accounted for, sent = accepted + rejected (per
 * reply code) + failed (per reason), and the accepted share lies within the scenario's bounds. A
 * run that offered nothing fails: nothing is proven by nothing. Immutable; thread-safe.
 */
public final class AccountingVerdict implements Verdict {

  private final AccountingConfig config;

  /** Makes the verdict with {@code config}. */
  public AccountingVerdict(AccountingConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "accounting";
  }

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    long sent = obs.accepted().size();
    long accepted = 0;
    Map<String, Long> rejected = new TreeMap<>();
    Map<String, Long> failed = new TreeMap<>();
    for (AcceptedMail m : obs.accepted()) {
      switch (m.outcome()) {
        case ACCEPTED -> accepted++;
        case REJECTED -> rejected.merge(String.valueOf(m.replyCode()), 1L, Long::sum);
        case FAILED -> failed.merge(reason(m.replyText()), 1L, Long::sum);
      }
    }
    long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
    long failedTotal = failed.values().stream().mapToLong(Long::longValue).sum();
    double share = sent == 0 ? 0 : (double) accepted / sent;
    Table.Builder table = Table.builder("Every offered message", "outcome", "detail", "messages");
    table.row("sent", "offered by the injector", sent);
    table.row("accepted", "250 to the end of data", accepted);
    rejected.forEach((code, n) -> table.row("rejected", "reply " + code, n));
    failed.forEach((reason, n) -> table.row("failed", reason, n));
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("sent", (double) sent);
    figures.put("accepted", (double) accepted);
    figures.put("rejected", (double) rejectedTotal);
    figures.put("failed", (double) failedTotal);
    figures.put("acceptedShare", share);
    rejected.forEach((code, n) -> figures.put("rejected." + code, (double) n));

    String split =
        sent
            + " sent = "
            + accepted
            + " accepted + "
            + rejectedTotal
            + " rejected"
            + (rejected.isEmpty() ? "" : " " + rejected)
            + " + "
            + failedTotal
            + " failed"
            + (failed.isEmpty() ? "" : " " + failed);
    String problem = null;
    if (sent == 0) {
      problem = "the injector offered no message";
    } else if (accepted + rejectedTotal + failedTotal != sent) {
      problem = "the outcomes do not add up";
    } else if (share < config.minAcceptedShare()) {
      problem =
          "accepted share "
              + Fmt.percent(share)
              + " below the least "
              + Fmt.percent(config.minAcceptedShare());
    } else if (config.maxAcceptedShare() != null && share > config.maxAcceptedShare()) {
      problem =
          "accepted share "
              + Fmt.percent(share)
              + " above the most "
              + Fmt.percent(config.maxAcceptedShare());
    }
    String summary = problem == null ? split : problem + ": " + split;
    return new VerdictResult(name(), problem == null, summary, figures, List.of(table.build()));
  }

  /** Groups failure texts by their first words (the exception, not the address or timing). */
  static String reason(String text) {
    if (text == null || text.isBlank()) {
      return "no reply";
    }
    String t = text.strip();
    int cut = t.indexOf(':');
    String head = cut > 0 ? t.substring(0, cut) : t;
    return head.length() > 60 ? head.substring(0, 60) : head;
  }
}
