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
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the named scenarios through the same engine as {@code ./harness run}: by default the ones
 * tagged {@code fast} (together they cover every verdict); with {@code -Dscenarios=all} every
 * scenario; with {@code -Dscenarios=a,b} the ones named. A scenario tagged {@code negative} must
 * fail, on the expectations its description names; every other one must pass. Each verdict is an
 * Allure step, and the run report is attached.
 */
class ScenarioIT {

  private static final Path PROJECT = Path.of(System.getProperty("relayharness.project.dir", "."));
  private static final Path REPORTS = PROJECT.resolve("target/reports");

  @TestFactory
  Stream<DynamicTest> scenarios() {
    ScenarioCatalog catalog = new ScenarioCatalog(PROJECT.resolve("scenarios"));
    ScenarioLoader loader = new ScenarioLoader(PROJECT);
    String selection = System.getProperty("scenarios", "fast");
    List<Scenario> chosen =
        catalog.names().stream()
            .map(name -> load(loader, catalog.resolve(name).orElseThrow()))
            .filter(s -> selected(s, selection))
            .collect(Collectors.toList());
    assertThat(chosen).as("scenarios selected by '%s'", selection).isNotEmpty();
    return chosen.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> run(s)));
  }

  private static Scenario load(ScenarioLoader loader, Path file) {
    try {
      return loader.load(file, Overrides.NONE);
    } catch (ScenarioException e) {
      throw new AssertionError(String.join("\n", e.errors()), e);
    }
  }

  private static boolean selected(Scenario s, String selection) {
    return switch (selection) {
      case "all" -> true;
      case "fast" -> s.hasTag(Scenario.FAST);
      default -> List.of(selection.split(",")).contains(s.name());
    };
  }

  private static void run(Scenario scenario) throws Exception {
    RunResult result;
    try (DockerScenarioEngine engine = new DockerScenarioEngine()) {
      result = engine.run(scenario, new RunOptions(PROJECT, REPORTS), snapshot -> {});
    }
    List<VerdictResult> verdicts = VerdictResults.read(RunFolder.open(result.runDirectory()));
    AllureVerdicts.report(verdicts);
    attach(result.runDirectory().resolve("report.html"), "run report", "text/html", ".html");
    String outcomes =
        result.outcomes().stream()
            .map(o -> (o.passed() ? "ok   " : "FAIL ") + o.name() + ": " + o.summary())
            .collect(Collectors.joining("\n  "));
    System.out.printf("%s (%s):%n  %s%n", scenario.name(), result.runDirectory(), outcomes);
    if (scenario.hasTag("negative")) {
      assertThat(result.passed())
          .as("negative scenario %s must fail an expectation:%n  %s", scenario.name(), outcomes)
          .isFalse();
      assertThat(result.outcomes())
          .as("a negative scenario fails on a verdict, not on the timeline:%n  %s", outcomes)
          .filteredOn(o -> o.name().equals("timeline"))
          .isEmpty();
    } else {
      assertThat(result.passed()).as("scenario %s:%n  %s", scenario.name(), outcomes).isTrue();
    }
  }

  private static void attach(Path file, String name, String type, String ext) throws Exception {
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        Allure.addAttachment(name, type, in, ext);
      }
    }
  }
}
