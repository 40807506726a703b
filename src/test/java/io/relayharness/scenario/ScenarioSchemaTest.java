package io.relayharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The settings table is consistent: defaults within bounds, every row documented. */
class ScenarioSchemaTest {

  @Test
  void shouldKeepEveryDefaultWithinItsBounds() {
    for (Setting s : ScenarioSchema.settings()) {
      if (s.defaultValue() instanceof Number n) {
        assertThat(s.inBounds(n.doubleValue()))
            .as("default %s of %s within %s", n, s.path(), s.boundsText())
            .isTrue();
      }
      if (s.type() == Setting.Type.CHOICE && s.defaultValue() != null) {
        assertThat(s.choices()).as("choices of %s", s.path()).contains(s.defaultValue().toString());
      }
      assertThat(s.doc()).as("doc of %s", s.path()).isNotBlank();
    }
  }

  @Test
  void shouldListTheTopLevelKeys() {
    assertThat(ScenarioSchema.childKeys(""))
        .containsExactly(
            "description",
            "tags",
            "relay",
            "topology",
            "client",
            "load",
            "mail",
            "timeline",
            "sweep",
            "drain",
            "expect",
            "expectFailure",
            "brokenBy");
    assertThat(ScenarioSchema.childKeys("expect"))
        .as("the verdicts' own specs define the expect keys")
        .containsExactlyElementsOf(io.relayharness.verdict.Verdicts.specs().keySet());
  }

  @Test
  void shouldPrintTheTableAsMarkdown() {
    String md = ScenarioSchema.markdown();
    assertThat(md)
        .startsWith("| key | type | default | bounds / choices | meaning |")
        .contains("| `load.steps[].constant.rate` | number | *required* | 0 .. 5000 |")
        .contains("| `drain.maxSeconds` | int | `120` | 0 .. 3600 |")
        .contains("| `client.starttls` | choice | `off` | off \\| opportunistic \\| required |");
    assertThat(md.lines().count()).isEqualTo(ScenarioSchema.settings().size() + 2);
  }

  @Test
  void shouldKeepTheReadmeTableEqualToTheCode() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("scenarios/README.md"));
    String table =
        readme.substring(
            readme.indexOf("<!-- schema:start -->\n") + "<!-- schema:start -->\n".length(),
            readme.indexOf("<!-- schema:end -->"));
    assertThat(table)
        .as("scenarios/README.md settings table; regenerate with: relay-harness schema")
        .isEqualTo(ScenarioSchema.markdown());
  }
}
