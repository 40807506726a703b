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
 * Refusals (open relay, rate limits): at least {@code minRejected} REJECTED transactions, each with
 * reply code {@code code} when one is set, and none of the refused messages at any sink. Immutable;
 * thread-safe.
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
      if (config.code() != null && m.replyCode() != config.code()) {
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
                config.code() == null ? "any" : (code.equals(config.code()) ? "yes" : "NO")));
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
          wrongCode + " rejections without code " + config.code() + " (codes " + codes + ")");
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
                + (config.code() == null ? "" : " with " + config.code())
                + ", none delivered"
            : String.join("; ", failures);
    return new VerdictResult(name(), failures.isEmpty(), summary, figures, tables);
  }
}
