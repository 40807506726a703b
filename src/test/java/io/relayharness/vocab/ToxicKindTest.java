package io.relayharness.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The toxic list and the "Toxics" table of scenarios/README.md name the same types and units. */
class ToxicKindTest {

  @Test
  void shouldMatchTheReadmeToxicsTable() throws IOException {
    List<String> rows = toxicRows();
    assertThat(rows.stream().map(r -> r.split("\\|")[1].strip()))
        .as("types in the Toxics table of scenarios/README.md")
        .containsExactlyInAnyOrderElementsOf(
            ToxicKind.scenarioNames().stream().map(n -> "`" + n + "`").toList());
    for (ToxicKind kind : ToxicKind.scenarioKinds()) {
      String attributes =
          rows.stream()
              .filter(r -> r.split("\\|")[1].strip().equals("`" + kind.apiName() + "`"))
              .findFirst()
              .orElseThrow()
              .split("\\|")[2];
      for (ToxicAttribute a : kind.attributes()) {
        assertThat(attributes).as(kind.apiName()).contains("`" + a.name() + "`");
        assertThat(attributes).as(kind.apiName()).contains(a.unit().symbol());
      }
    }
  }

  @Test
  void shouldLeaveNoopOutOfScenarios() {
    assertThat(ToxicKind.scenarioNames())
        .containsExactly(
            "latency", "bandwidth", "timeout", "reset_peer", "slow_close", "limit_data", "slicer");
    assertThat(ToxicKind.byApiName("noop")).contains(ToxicKind.NOOP);
  }

  private static List<String> toxicRows() throws IOException {
    String readme = Files.readString(Path.of("scenarios/README.md"));
    String section = readme.substring(readme.indexOf("\nToxics ("));
    section = section.substring(section.indexOf("|---|"));
    section = section.substring(0, section.indexOf("\n\n"));
    List<String> rows = new ArrayList<>();
    for (String line : section.split("\n")) {
      if (line.startsWith("| `")) {
        rows.add(line);
      }
    }
    return rows;
  }
}
