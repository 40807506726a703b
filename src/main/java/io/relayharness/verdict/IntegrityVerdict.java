package io.relayharness.verdict;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.SinkArrival;
import io.relayharness.observe.MessageIds;
import io.relayharness.observe.RunObservations;
import io.relayharness.observe.TimelineJoin;
import io.relayharness.verdict.internal.Fmt;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Integrity: the body hash a sink computed for each arrival equals the one the injector recorded
 * for that message (by harness id, else Message-ID) and the one declared in its {@code
 * X-Harness-Body-Hash} header. Arrivals with neither to compare against are counted as
 * unverifiable, not as mismatches. Immutable; thread-safe.
 */
public final class IntegrityVerdict implements Verdict {

  private final IntegrityConfig config;

  /** Makes the verdict with {@code config}. */
  public IntegrityVerdict(IntegrityConfig config) {
    this.config = config;
  }

  /** Makes the verdict with the defaults. */
  public IntegrityVerdict() {
    this(IntegrityConfig.DEFAULT);
  }

  @Override
  public String name() {
    return "integrity";
  }

  @Override
  public VerdictResult evaluate(RunObservations obs) {
    Map<String, AcceptedMail> byHarnessId = TimelineJoin.deduplicate(obs.accepted());
    Map<String, AcceptedMail> byMessageId = new HashMap<>();
    for (AcceptedMail m : obs.accepted()) {
      String mid = MessageIds.normalize(m.messageId());
      if (mid != null) {
        byMessageId.putIfAbsent(mid, m);
      }
    }
    Table.Builder table =
        Table.builder(
            "Body mismatches",
            "harness id",
            "worker",
            "arrived at",
            "sink body hash",
            "injector body hash",
            "declared header",
            "problem");
    int checked = 0;
    int mismatched = 0;
    int unverifiable = 0;
    String firstId = null;
    for (SinkArrival a : obs.arrivals()) {
      AcceptedMail sent = a.harnessId() != null ? byHarnessId.get(a.harnessId()) : null;
      if (sent == null) {
        sent = byMessageId.get(MessageIds.normalize(a.messageId()));
      }
      String injected = sent == null ? null : sent.bodyHash();
      String declared = a.declaredBodyHash();
      if (injected == null && declared == null) {
        unverifiable++;
        continue;
      }
      checked++;
      String problem = null;
      if (injected != null && !injected.equalsIgnoreCase(nullToEmpty(a.bodyHash()))) {
        problem = "body differs from what the injector sent";
      } else if (declared != null && !declared.equalsIgnoreCase(nullToEmpty(a.bodyHash()))) {
        problem = "body differs from its declared X-Harness-Body-Hash";
      }
      if (problem != null) {
        mismatched++;
        if (firstId == null) {
          firstId = a.harnessId();
        }
        table.row(
            a.harnessId(),
            a.worker(),
            Fmt.time(a.arrivalEpochMs()),
            a.bodyHash(),
            injected,
            declared,
            problem);
      }
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("arrivals", (double) obs.arrivals().size());
    figures.put("checked", (double) checked);
    figures.put("mismatched", (double) mismatched);
    figures.put("unverifiable", (double) unverifiable);
    boolean passed = mismatched <= config.maxMismatched() && (checked > 0 || config.allowNoData());
    String summary;
    if (checked == 0) {
      summary =
          obs.arrivals().isEmpty()
              ? "no arrivals to check" + (config.allowNoData() ? " (allowed by the scenario)" : "")
              : "none of " + obs.arrivals().size() + " arrivals could be checked (no known hash)";
    } else if (mismatched == 0) {
      summary = "all " + checked + " checked arrivals carry the body the injector sent";
    } else {
      summary =
          mismatched
              + " of "
              + checked
              + " arrivals carry a different body (max "
              + config.maxMismatched()
              + "), first: "
              + firstId;
    }
    return new VerdictResult(
        name(), passed, summary, figures, mismatched == 0 ? List.of() : List.of(table.build()));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
