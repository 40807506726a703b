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
 * {@code -Dbroken=false} leaves out the broken relays, {@code -Dbroken=only} runs only them. Each
 * verdict is an Allure step, and the run report is attached.
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
    for (String name : names) {
      Path file = catalog.resolve(name).orElseThrow();
      Scenario s = load(loader, file, Overrides.NONE);
      if (!broken.equals("only")) {
        tests.add(DynamicTest.dynamicTest(s.name(), () -> runScenario(s)));
      }
      if (!broken.equals("false")) {
        for (BrokenRelay b : s.brokenBy()) {
          tests.add(
              DynamicTest.dynamicTest(
                  s.name() + " broken by " + b.name(),
                  () -> runBroken(load(loader, file, b.overrides()), b)));
        }
      }
    }
    return tests.stream();
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
    String outcomes = outcomes(result);
    assertThat(result.passed())
        .as(
            "scenario %s%s:%n  %s",
            scenario.name(),
            result.expectFailure().isEmpty() ? "" : " must fail exactly " + result.expectFailure(),
            outcomes)
        .isTrue();
  }

  private static void runBroken(Scenario scenario, BrokenRelay broken) throws Exception {
    RunResult result = run(scenario, scenario.name() + " broken by " + broken.name());
    assertThat(result.failed())
        .as(
            "%s broken by %s (%s) must fail %s:%n  %s",
            scenario.name(), broken.name(), broken.why(), broken.caughtBy(), outcomes(result))
        .containsAll(broken.caughtBy());
  }

  private static RunResult run(Scenario scenario, String title) throws Exception {
    RunResult result;
    try (DockerScenarioEngine engine = new DockerScenarioEngine()) {
      result = engine.run(scenario, new RunOptions(PROJECT, REPORTS), snapshot -> {});
    }
    List<VerdictResult> verdicts = VerdictResults.read(RunFolder.open(result.runDirectory()));
    AllureVerdicts.report(verdicts);
    attach(result.runDirectory().resolve("report.html"), "run report", "text/html", ".html");
    System.out.printf("%s (%s):%n  %s%n", title, result.runDirectory(), outcomes(result));
    return result;
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
