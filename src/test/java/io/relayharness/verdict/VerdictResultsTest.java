package io.relayharness.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.observe.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictResultsTest {

  @TempDir Path reports;

  private static final VerdictResult RESULT =
      new VerdictResult(
          "evenness",
          false,
          "uneven split",
          Map.of("pValue", 1e-29, "messages", 300.0),
          List.of(
              Table.builder("Per worker", "worker", "observed")
                  .row("worker0", 40)
                  .row("worker1, \"b\"", 193)
                  .build()));

  @Test
  void shouldWriteVerdictsJsonInTheContractShapeAndReadItBack() throws Exception {
    RunFolder folder = RunFolder.create(reports, "s", Instant.now());

    VerdictResults.write(folder, List.of(RESULT));

    String json = Files.readString(folder.file(RunFolder.VERDICTS));
    assertThat(json)
        .contains(
            "\"name\"",
            "\"passed\"",
            "\"summary\"",
            "\"figures\"",
            "\"tables\"",
            "\"columns\"",
            "\"rows\"");
    assertThat(VerdictResults.read(folder)).containsExactly(RESULT);
  }

  @Test
  void shouldReportToAllureWithoutThrowing() {
    AllureVerdicts.report(List.of(RESULT));

    assertThat(AllureVerdicts.csv(RESULT.tables().get(0)))
        .isEqualTo("worker,observed\r\nworker0,40\r\n\"worker1, \"\"b\"\"\",193\r\n");
    assertThat(AllureVerdicts.html(RESULT.tables().get(0)))
        .contains("<th>worker</th>", "worker1, &quot;b&quot;");
  }

  @Test
  void shouldCapLongTables() {
    Table.Builder b = Table.builder("big", "n");
    for (int i = 0; i < Table.MAX_ROWS + 7; i++) {
      b.row(i);
    }

    Table t = b.build();

    assertThat(t.rows()).hasSize(Table.MAX_ROWS + 1);
    assertThat(t.rows().get(Table.MAX_ROWS)).containsExactly("... 7 more rows not shown");
  }
}
