package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.relayharness.verdict.Verdicts;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every named scenario file under {@code scenarios/} loads and validates. */
class ScenarioFilesTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final ScenarioCatalog CATALOG = new ScenarioCatalog(PROJECT.resolve("scenarios"));
  private static final ScenarioLoader LOADER = new ScenarioLoader(PROJECT);

  /** The scenarios issue 6 names. */
  private static final List<String> NAMED =
      List.of(
          "steady-even-distribution",
          "one-worker-down",
          "two-workers-down",
          "all-workers-down-queue-and-drain",
          "worker-flapping",
          "slow-worker",
          "blackhole-worker",
          "reset-mid-data",
          "kill-and-restore",
          "relay-restart-with-queue",
          "primary-backup-mx",
          "backup-mx-recipients",
          "randmap-weighted",
          "randmap-dead-nexthop",
          "connection-caching-skew",
          "connection-caching-skew-on-demand",
          "submission-587",
          "open-relay-refused",
          "client-rate-limit");

  static Stream<String> names() {
    return CATALOG.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void shouldLoadAndValidate(String name) {
    Scenario scenario = load(name);
    assertThat(scenario.description()).as("description of %s", name).isNotBlank();
    assertThat(scenario.expect().names()).as("expectations of %s", name).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void shouldFitInTwoMinutesOnThisMachine(String name) {
    Scenario s = load(name);
    long loadSeconds = s.load().warmUpSeconds() + s.load().stepsSeconds();
    assertThat(loadSeconds).as("warm-up + load seconds of %s", name).isLessThanOrEqualTo(60);
    assertThat(s.load().peakRatePerSec())
        .as("peak rate of %s (a relay here takes about 550-700 msg/s)", name)
        .isLessThanOrEqualTo(300);
  }

  @Test
  void shouldHaveEveryScenarioTheIssueNames() {
    assertThat(CATALOG.names()).containsAll(NAMED);
  }

  @Test
  void shouldKeepABrokenRelayForEveryClaim() {
    for (String name : CATALOG.names()) {
      Scenario s = load(name);
      assertThat(!s.brokenBy().isEmpty() || s.expect().negative())
          .as("%s names a relay broken on purpose that it catches (brokenBy), or is negative", name)
          .isTrue();
    }
  }

  @Test
  void shouldKeepTheReadmeTableOfBrokenRelaysEqualToTheScenarios() throws Exception {
    String readme = java.nio.file.Files.readString(Path.of("README.md"));
    String table =
        readme.substring(
            readme.indexOf("<!-- broken:start -->\n") + "<!-- broken:start -->\n".length(),
            readme.indexOf("<!-- broken:end -->"));
    List<Scenario> all = CATALOG.names().stream().map(ScenarioFilesTest::load).toList();
    assertThat(table)
        .as("README.md broken-relay table; regenerate with: ./harness broken")
        .isEqualTo(BrokenRelayTable.markdown(all));
  }

  @Test
  void shouldUseEveryVerdictInSomeScenario() {
    Set<String> covered = new LinkedHashSet<>();
    for (String name : CATALOG.names()) {
      covered.addAll(load(name).expect().names());
    }
    assertThat(covered)
        .as("verdicts the scenarios judge (mvn verify runs every scenario)")
        .containsExactlyInAnyOrderElementsOf(Verdicts.specs().keySet());
  }

  @Test
  void shouldSayWhetherRelayVariantsWereChecked() {
    // The variant folders come from the lead's branch; until they exist the check is skipped.
    boolean checked = LOADER.variantsChecked();
    System.out.println(
        "relay variants "
            + (checked ? "checked against " : "NOT checked: no folder ")
            + VariantCatalog.CONFIGS);
    assertThat(checked).isEqualTo(new VariantCatalog(PROJECT).variants().isPresent());
  }

  private static Scenario load(String name) {
    try {
      return LOADER.load(CATALOG.resolve(name).orElseThrow());
    } catch (ScenarioException e) {
      return fail("scenario " + name + " does not validate:\n" + e.getMessage());
    }
  }
}
