package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import io.relayharness.observe.RunFolder;
import io.relayharness.scenario.engine.DockerScenarioEngine;
import io.relayharness.verdict.AllureVerdicts;
import io.relayharness.verdict.VerdictResult;
import io.relayharness.verdict.VerdictResults;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario through the same engine as {@code ./harness run}, then every relay broken on
 * purpose that a scenario names ({@code brokenBy}):
 *
 * <ul>
 *   <li>a scenario passes when every verdict holds, or, for a negative one, when exactly the
 *       verdicts of its {@code expectFailure} fail;
 *   <li>a broken relay passes when the scenario run on it fails at least the verdicts of its {@code
 *       caughtBy}: the harness caught it.
 * </ul>
 *
 * {@code -Dscenarios=a,b} runs the ones named, {@code -Dscenarios=all} (the default) every one;
 * {@code -Dbroken=false} leaves out the broken relays, {@code -Dbroken=only} runs only them. The
 * scenarios run one at a time (their timing claims need the machine); the broken relays, which must
 * fail, run {@code -Dbroken.parallel=3} at a time once the scenarios are done. Each verdict is an
 * Allure step, and the run report is attached.
 */
class ScenarioIT {

  private static final Path PROJECT = Path.of(System.getProperty("relayharness.project.dir", "."));
  private static final Path REPORTS = PROJECT.resolve("target/reports");

  @TestFactory
  Stream<DynamicTest> scenarios() {
    ScenarioCatalog catalog = new ScenarioCatalog(PROJECT.resolve("scenarios"));
    ScenarioLoader loader = new ScenarioLoader(PROJECT);
    String selection = System.getProperty("scenarios", "all");
    String broken = System.getProperty("broken", "true");
    List<String> names =
        catalog.names().stream()
            .filter(n -> selection.equals("all") || List.of(selection.split(",")).contains(n))
            .toList();
    assertThat(names).as("scenarios selected by '%s'", selection).isNotEmpty();
    List<DynamicTest> tests = new ArrayList<>();
    BrokenRuns brokenRuns = new BrokenRuns(Integer.getInteger("broken.parallel", 3));
    for (String name : names) {
      Path file = catalog.resolve(name).orElseThrow();
      Scenario s = load(loader, file, Overrides.NONE);
      if (!broken.equals("only")) {
        tests.add(DynamicTest.dynamicTest(s.name(), () -> runScenario(s)));
      }
      if (!broken.equals("false")) {
        for (BrokenRelay b : s.brokenBy()) {
          Scenario mutated = load(loader, file, b.overrides());
          String title = s.name() + " broken by " + b.name();
          brokenRuns.add(title, mutated);
        }
      }
    }
    brokenRuns
        .titles()
        .forEach(
            (title, relay) ->
                tests.add(
                    DynamicTest.dynamicTest(
                        title, () -> judgeBroken(brokenRuns.await(title), relay))));
    return tests.stream();
  }

  /**
   * The broken-relay runs: started together, a few at a time, when the first one's test runs (after
   * every scenario), each awaited by its own test.
   */
  private static final class BrokenRuns {
    private final int parallel;
    private final java.util.Map<String, Scenario> runs = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, BrokenRelay> relays = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, java.util.concurrent.Future<RunResult>> results =
        new java.util.concurrent.ConcurrentHashMap<>();
    private java.util.concurrent.ExecutorService pool;

    BrokenRuns(int parallel) {
      this.parallel = Math.max(1, parallel);
    }

    void add(String title, Scenario mutated) {
      runs.put(title, mutated);
      relays.put(
          title,
          mutated.brokenBy().stream()
              .filter(b -> title.endsWith(" broken by " + b.name()))
              .findFirst()
              .orElseThrow());
    }

    java.util.Map<String, BrokenRelay> titles() {
      return relays;
    }

    synchronized RunResult await(String title) throws Exception {
      if (pool == null) {
        pool =
            java.util.concurrent.Executors.newFixedThreadPool(
                parallel,
                r -> {
                  Thread t = new Thread(r, "broken-relay-run");
                  t.setDaemon(true);
                  return t;
                });
        runs.forEach((t, s) -> results.put(t, pool.submit(() -> run(s, t))));
        pool.shutdown();
      }
      return results.get(title).get(15, java.util.concurrent.TimeUnit.MINUTES);
    }
  }

  private static Scenario load(ScenarioLoader loader, Path file, Overrides overrides) {
    try {
      return loader.load(file, overrides);
    } catch (ScenarioException e) {
      throw new AssertionError(String.join("\n", e.errors()), e);
    }
  }

  private static void runScenario(Scenario scenario) throws Exception {
    RunResult result = run(scenario, scenario.name());
    report(result);
    String outcomes = outcomes(result);
    assertThat(result.passed())
        .as(
            "scenario %s%s:%n  %s",
            scenario.name(),
            result.expectFailure().isEmpty() ? "" : " must fail exactly " + result.expectFailure(),
            outcomes)
        .isTrue();
  }

  private static void judgeBroken(RunResult result, BrokenRelay broken) throws Exception {
    report(result);
    assertThat(result.failed())
        .as(
            "broken by %s (%s) must fail %s:%n  %s",
            broken.name(), broken.why(), broken.caughtBy(), outcomes(result))
        .containsAll(broken.caughtBy());
  }

  private static RunResult run(Scenario scenario, String title) throws Exception {
    RunResult result;
    try (DockerScenarioEngine engine = new DockerScenarioEngine()) {
      result = engine.run(scenario, new RunOptions(PROJECT, REPORTS), snapshot -> {});
    }
    System.out.printf("%s (%s):%n  %s%n", title, result.runDirectory(), outcomes(result));
    return result;
  }

  /** Each verdict as an Allure step of the current test, and the run report attached. */
  private static void report(RunResult result) throws Exception {
    List<VerdictResult> verdicts = VerdictResults.read(RunFolder.open(result.runDirectory()));
    AllureVerdicts.report(verdicts);
    attach(result.runDirectory().resolve("report.html"), "run report", "text/html", ".html");
  }

  private static String outcomes(RunResult result) {
    return result.outcomes().stream()
        .map(o -> (o.passed() ? "ok   " : "FAIL ") + o.name() + ": " + o.summary())
        .collect(Collectors.joining("\n  "));
  }

  private static void attach(Path file, String name, String type, String ext) throws Exception {
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        Allure.addAttachment(name, type, in, ext);
      }
    }
  }
}
