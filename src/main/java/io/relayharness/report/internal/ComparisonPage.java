package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.ledger.JsonLines;
import io.relayharness.observe.NumberText;
import io.relayharness.report.RunReport;
import io.relayharness.verdict.VerdictResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The comparison page of two runs A and B ({@code comparison.peb}): config and scenario diff,
 * verdicts side by side, distribution per worker, the relay tier per relay (when either run had
 * one), latency percentile deltas, overlaid charts. Stateless.
 */
public final class ComparisonPage {

  /** Said wherever the page shows a difference: one run per side is not evidence. */
  static final String SINGLE_RUN_NOTE =
      "One run per side: a difference here may be run-to-run noise, so this page calls nothing"
          + " better or worse. To judge a difference, repeat both sides: ./harness ab <scenario>"
          + " --repeats N (confidence intervals, family-wise error control).";

  private ComparisonPage() {}

  /**
   * One side of the comparison's header.
   *
   * @param label "scenario · variant"
   * @param scenario the scenario name
   * @param variant the variant, or null
   * @param started when it started, in words
   * @param durationSec how long it ran
   * @param passed the overall result, or null
   * @param reportHref the link to its report.html, or null when there is none
   * @param gatling the link to its Gatling report
   * @param dir the run folder
   * @param notes what was missing or partial
   * @param loadStartedSec seconds from its start to its first message
   */
  public record Side(
      String label,
      String scenario,
      String variant,
      String started,
      double durationSec,
      Boolean passed,
      String reportHref,
      Sections.GatlingLink gatling,
      String dir,
      List<String> notes,
      double loadStartedSec) {}

  /** One verdict of either run: its result and summary in A and B (null where absent). */
  public record VerdictRow(
      String name, Boolean passedA, String summaryA, Boolean passedB, String summaryB) {}

  /** One verdict figure in A and B (null where absent) and B − A. */
  public record FigureRow(String verdict, String figure, Double a, Double b, Double delta) {}

  /** One worker's first arrivals in A and B. */
  public record WorkerRow(
      String worker,
      long countA,
      double shareA,
      long barA,
      long countB,
      double shareB,
      long barB,
      String deltaPp) {}

  /** The split of mail over the workers in A and B. */
  public record Split(
      boolean empty,
      List<WorkerRow> rows,
      long messagesA,
      long messagesB,
      long totalA,
      long totalB,
      double maxDevA,
      double maxDevB,
      String sourceA,
      String sourceB) {}

  /** One latency figure in A and B, its difference and ratio as text. */
  public record LatencyRow(String label, double a, double b, String delta, String ratio) {}

  /** Everything the page shows. */
  public record View(
      String title,
      Side a,
      Side b,
      String singleRunNote,
      boolean bothHaveSettings,
      List<ConfigDiff.Row> configRows,
      int configSame,
      boolean bothHaveScenario,
      List<ScenarioDiff.Row> scenarioRows,
      List<VerdictRow> verdictRows,
      List<FigureRow> figureRows,
      Split split,
      TierComparison.View tier,
      List<LatencyRow> latencyRows) {}

  /**
   * The complete, self-contained HTML comparing {@code a} and {@code b}, for a page in {@code
   * pageDir}.
   */
  public static String render(ReportedRun a, ReportedRun b, Path pageDir) {
    LatencyStats la = LatencyStats.of(a);
    LatencyStats lb = LatencyStats.of(b);
    WorkerSplit sa = WorkerSplit.of(a);
    WorkerSplit sb = WorkerSplit.of(b);
    List<String> workers = workers(sa, sb);
    ObjectNode data = JsonLines.MAPPER.createObjectNode();
    data.put("page", "compare");
    data.set("a", sideData(a, la));
    data.set("b", sideData(b, lb));
    ObjectNode split = data.putObject("split");
    workers.forEach(split.putArray("workers")::add);
    ObjectNode splitA = split.putObject("a");
    ObjectNode splitB = split.putObject("b");
    for (String w : workers) {
      splitA.put(w, sa.firstArrivals().getOrDefault(w, 0L));
      splitB.put(w, sb.firstArrivals().getOrDefault(w, 0L));
    }
    List<ConfigDiff.Row> config = ConfigDiff.between(a.info(), b.info());
    Verdicts verdicts = Verdicts.of(a, b);
    View view =
        new View(
            title(a, b),
            side(a, pageDir),
            side(b, pageDir),
            SINGLE_RUN_NOTE,
            a.info() != null
                && !a.info().relaySettings().isEmpty()
                && b.info() != null
                && !b.info().relaySettings().isEmpty(),
            config,
            ConfigDiff.names(a.info(), b.info()).size() - config.size(),
            a.hasScenario() && b.hasScenario(),
            scenarioRows(a, b),
            verdicts.rows(),
            verdicts.figures(),
            split(sa, sb, workers),
            TierComparison.of(a, b),
            latencyRows(la, lb));
    return Page.render(
        "comparison", "Comparison: " + view.title(), Map.of("cmp", view), data, "compare.js");
  }

  private static ObjectNode sideData(ReportedRun run, LatencyStats latency) {
    ObjectNode o = JsonLines.MAPPER.createObjectNode();
    o.put("label", RunFacts.label(run));
    o.set("series", RunSeries.of(run));
    ObjectNode lat = o.putObject("latency");
    lat.set("summary", latency.summary());
    lat.set("cdf", latency.cdf());
    return o;
  }

  private static Side side(ReportedRun run, Path pageDir) {
    String prefix = prefix(run, pageDir);
    return new Side(
        RunFacts.label(run),
        RunFacts.scenario(run),
        RunFacts.variant(run),
        RunFacts.started(run),
        RunFacts.durationSec(run),
        RunFacts.passed(run),
        Files.exists(run.dir().resolve(RunReport.FILE_NAME)) ? prefix + RunReport.FILE_NAME : null,
        Sections.gatlingLink(run, prefix),
        run.dir().toAbsolutePath().normalize().toString(),
        run.notes(),
        RunSeries.seconds(run.originEpochMs(), run.startEpochMs()));
  }

  private static String title(ReportedRun a, ReportedRun b) {
    String sa = RunFacts.scenario(a);
    String sb = RunFacts.scenario(b);
    String va = Objects.requireNonNullElse(RunFacts.variant(a), RunFacts.started(a));
    String vb = Objects.requireNonNullElse(RunFacts.variant(b), RunFacts.started(b));
    return sa.equals(sb)
        ? sa + ": " + va + " vs " + vb
        : RunFacts.label(a) + " vs " + RunFacts.label(b);
  }

  /** The relative path from the page's folder to the run folder, ending in "/". */
  private static String prefix(ReportedRun run, Path pageDir) {
    Path rel =
        pageDir.toAbsolutePath().normalize().relativize(run.dir().toAbsolutePath().normalize());
    String s = rel.toString().replace('\\', '/');
    return s.isEmpty() ? "" : s + "/";
  }

  private static List<ScenarioDiff.Row> scenarioRows(ReportedRun a, ReportedRun b) {
    List<ScenarioDiff.Row> rows = new ArrayList<>();
    Map<String, ToStringOrNull> fields = new LinkedHashMap<>();
    fields.put("scenario", r -> r.info() == null ? null : r.info().scenario());
    fields.put("variant", RunFacts::variant);
    fields.put("description", RunFacts::description);
    fields.forEach(
        (field, of) -> {
          String va = of.apply(a);
          String vb = of.apply(b);
          if (!Objects.equals(va, vb)) {
            rows.add(new ScenarioDiff.Row("run.json " + field, va, vb));
          }
        });
    if (a.hasScenario() && b.hasScenario()) {
      rows.addAll(ScenarioDiff.between(a.scenarioLeaves(), b.scenarioLeaves()));
    }
    return rows;
  }

  private interface ToStringOrNull {
    String apply(ReportedRun run);
  }

  /** The verdicts of A and B side by side, and every figure of each as A, B, B − A. */
  private record Verdicts(List<VerdictRow> rows, List<FigureRow> figures) {

    static Verdicts of(ReportedRun a, ReportedRun b) {
      Map<String, VerdictResult> va = byName(a.verdicts());
      Map<String, VerdictResult> vb = byName(b.verdicts());
      Set<String> names = new LinkedHashSet<>(va.keySet());
      names.addAll(vb.keySet());
      List<VerdictRow> rows = new ArrayList<>();
      List<FigureRow> figureRows = new ArrayList<>();
      for (String name : names) {
        VerdictResult x = va.get(name);
        VerdictResult y = vb.get(name);
        rows.add(
            new VerdictRow(
                name,
                x == null ? null : x.passed(),
                x == null ? "(no verdict)" : x.summary(),
                y == null ? null : y.passed(),
                y == null ? "(no verdict)" : y.summary()));
        Map<String, Double> fa = x == null ? Map.of() : x.figures();
        Map<String, Double> fb = y == null ? Map.of() : y.figures();
        Set<String> figures = new LinkedHashSet<>(fa.keySet());
        figures.addAll(fb.keySet());
        for (String f : figures) {
          Double fx = fa.get(f);
          Double fy = fb.get(f);
          figureRows.add(new FigureRow(name, f, fx, fy, fx != null && fy != null ? fy - fx : null));
        }
      }
      return new Verdicts(rows, figureRows);
    }
  }

  private static Map<String, VerdictResult> byName(List<VerdictResult> verdicts) {
    Map<String, VerdictResult> out = new LinkedHashMap<>();
    verdicts.forEach(v -> out.put(v.name(), v));
    return out;
  }

  private static List<String> workers(WorkerSplit a, WorkerSplit b) {
    TreeSet<String> w = new TreeSet<>(a.firstArrivals().keySet());
    w.addAll(b.firstArrivals().keySet());
    return List.copyOf(w);
  }

  private static Split split(WorkerSplit a, WorkerSplit b, List<String> workers) {
    List<WorkerRow> rows = new ArrayList<>();
    for (String w : workers) {
      rows.add(
          new WorkerRow(
              w,
              a.firstArrivals().getOrDefault(w, 0L),
              a.share(w),
              Math.round(a.share(w) * 120),
              b.firstArrivals().getOrDefault(w, 0L),
              b.share(w),
              Math.round(b.share(w) * 120),
              String.format(Locale.ROOT, "%+.1f pp", (b.share(w) - a.share(w)) * 100)));
    }
    return new Split(
        a.messages() == 0 && b.messages() == 0,
        rows,
        a.messages(),
        b.messages(),
        a.totalArrivals(),
        b.totalArrivals(),
        a.maxRelativeDeviationFromEven(),
        b.maxRelativeDeviationFromEven(),
        a.source(),
        b.source());
  }

  private static List<LatencyRow> latencyRows(LatencyStats a, LatencyStats b) {
    if (a.count() == 0 && b.count() == 0) {
      return List.of();
    }
    Map<String, ToDoubleFunction<LatencyStats>> figures = new LinkedHashMap<>();
    LatencyStats.PERCENTILES.forEach((label, p) -> figures.put(label, s -> s.percentileMs(p)));
    figures.put("mean", LatencyStats::meanMs);
    List<LatencyRow> rows = new ArrayList<>();
    // one run per side cannot say better or worse: no colour (./harness ab judges with repeats)
    figures.forEach(
        (label, of) -> {
          double x = round1(of.applyAsDouble(a));
          double y = round1(of.applyAsDouble(b));
          rows.add(
              new LatencyRow(
                  label,
                  x,
                  y,
                  signed(round1(y - x)),
                  x > 0 ? String.format(Locale.ROOT, "%.2f×", y / x) : "—"));
        });
    rows.add(new LatencyRow("messages", a.count(), b.count(), signed(b.count() - a.count()), "—"));
    rows.add(
        new LatencyRow(
            "not delivered",
            a.notDelivered(),
            b.notDelivered(),
            signed(b.notDelivered() - a.notDelivered()),
            "—"));
    return rows;
  }

  private static double round1(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
  }

  private static String signed(double v) {
    return Double.isNaN(v) ? "—" : (v > 0 ? "+" : "") + NumberText.of(v);
  }
}
