package io.relayharness.verdict;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.RunObservations;
import io.relayharness.verdict.internal.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Refusals (open relay, rate limits, unknown recipients): at least {@code minRejected} REJECTED
 * transactions, each with one of {@code codes} when they are set, none of the refused messages at
 * any sink, and, when {@code recipientsMatching} is set, the refused set exactly the messages with
 * a matching recipient (by id: a known recipient refused, or an unknown one accepted, fails).
 * Immutable; thread-safe.
 */
public final class RejectedVerdict implements Verdict {

  private final RejectedConfig config;

  /** Makes the verdict with {@code config}. */
  public RejectedVerdict(RejectedConfig config) {
    this.config = config;
  }

  /** Makes the verdict with the defaults. */
  public RejectedVerdict() {
    this(RejectedConfig.DEFAULT);
  }

  @Override
  public String name() {
    return "rejected";
  }

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    Map<Integer, Integer> codes = new TreeMap<>();
    int rejected = 0;
    int wrongCode = 0;
    List<String> delivered = new ArrayList<>();
    Table.Builder leaks =
        Table.builder("Refused but delivered", "harness id", "reply", "worker", "arrived at");
    for (AcceptedMail m : obs.accepted()) {
      if (m.outcome() != AcceptedMail.Outcome.REJECTED) {
        continue;
      }
      rejected++;
      codes.merge(m.replyCode(), 1, Integer::sum);
      if (config.codes() != null && !config.codes().contains(m.replyCode())) {
        wrongCode++;
      }
      List<SinkArrival> copies = obs.arrivalIndex().copiesOf(m);
      if (!copies.isEmpty()) {
        delivered.add(m.harnessId());
        leaks.row(
            m.harnessId(),
            m.replyCode() + " " + m.replyText(),
            copies.get(0).worker(),
            Fmt.time(copies.get(0).arrivalEpochMs()));
      }
    }
    Table.Builder codeTable =
        Table.builder("Reply codes of rejections", "code", "count", "expected");
    int finalRejected = rejected;
    codes.forEach(
        (code, count) ->
            codeTable.row(
                code,
                count,
                config.codes() == null ? "any" : (config.codes().contains(code) ? "yes" : "NO")));
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("transactions", (double) obs.accepted().size());
    figures.put("rejected", (double) finalRejected);
    figures.put("wrongCode", (double) wrongCode);
    figures.put("deliveredDespiteRejection", (double) delivered.size());
    List<String> failures = new ArrayList<>();
    if (rejected < config.minRejected()) {
      failures.add(rejected + " rejected, expected >= " + config.minRejected());
    }
    if (wrongCode > 0) {
      failures.add(
          wrongCode
              + " rejections with a code other than "
              + config.codes()
              + " (codes "
              + codes
              + ")");
    }
    List<String> wronglyRefused = new ArrayList<>();
    List<String> wronglyAccepted = new ArrayList<>();
    if (config.recipientsMatching() != null) {
      java.util.regex.Pattern p = java.util.regex.Pattern.compile(config.recipientsMatching());
      for (AcceptedMail m : obs.accepted()) {
        boolean matching = m.rcptTo().stream().anyMatch(r -> p.matcher(r).find());
        if (matching && m.outcome() == AcceptedMail.Outcome.ACCEPTED) {
          wronglyAccepted.add(m.harnessId() + " " + m.rcptTo());
        } else if (!matching && m.outcome() == AcceptedMail.Outcome.REJECTED) {
          wronglyRefused.add(m.harnessId() + " " + m.rcptTo() + " " + m.replyCode());
        }
      }
      long matched =
          obs.accepted().stream()
              .filter(m -> m.rcptTo().stream().anyMatch(r -> p.matcher(r).find()))
              .count();
      figures.put("matchingRecipients", (double) matched);
      figures.put("refusedWithoutMatch", (double) wronglyRefused.size());
      figures.put("acceptedDespiteMatch", (double) wronglyAccepted.size());
      if (matched == 0) {
        failures.add("no message had a recipient matching " + config.recipientsMatching());
      }
      if (!wronglyRefused.isEmpty()) {
        failures.add(
            wronglyRefused.size()
                + " refused without a recipient matching "
                + config.recipientsMatching()
                + ": "
                + String.join(", ", wronglyRefused.subList(0, Math.min(3, wronglyRefused.size()))));
      }
      if (!wronglyAccepted.isEmpty()) {
        failures.add(
            wronglyAccepted.size()
                + " accepted although a recipient matches "
                + config.recipientsMatching()
                + ": "
                + String.join(
                    ", ", wronglyAccepted.subList(0, Math.min(3, wronglyAccepted.size()))));
      }
    }
    if (!delivered.isEmpty()) {
      failures.add(
          delivered.size()
              + " refused messages arrived at a sink: "
              + String.join(", ", delivered.subList(0, Math.min(5, delivered.size()))));
    }
    List<Table> tables = new ArrayList<>();
    tables.add(codeTable.build());
    if (!delivered.isEmpty()) {
      tables.add(leaks.build());
    }
    String summary =
        failures.isEmpty()
            ? rejected
                + " of "
                + obs.accepted().size()
                + " transactions refused"
                + (config.codes() == null ? "" : " with " + config.codes())
                + (config.recipientsMatching() == null
                    ? ""
                    : ", exactly those with a recipient matching " + config.recipientsMatching())
                + ", none delivered"
            : String.join("; ", failures);
    return new VerdictResult(name(), failures.isEmpty(), summary, figures, tables);
  }
}
