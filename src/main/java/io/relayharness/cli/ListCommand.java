package io.relayharness.cli;

import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioCatalog;
import io.relayharness.scenario.ScenarioException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code list}: every scenario with its tags and description. Not thread-safe. */
@Command(name = "list", description = "List scenarios: name, tags, description.")
final class ListCommand implements Callable<Integer> {

  @ParentCommand HarnessCli cli;
  @Spec CommandSpec spec;

  @Option(names = "--tag", description = "only scenarios with this tag (e.g. fast)")
  String tag;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ScenarioCatalog catalog = cli.catalog();
    if (catalog.files().isEmpty()) {
      spec.commandLine().getErr().println("no scenarios in " + catalog.dir());
      return HarnessCli.USAGE;
    }
    Map<String, Object> rows = new LinkedHashMap<>();
    for (Path file : catalog.files()) {
      try {
        Scenario s = cli.loader().load(file);
        if (tag == null || s.hasTag(tag)) {
          rows.put(ScenarioCatalog.nameOf(file), s);
        }
      } catch (ScenarioException e) {
        if (tag == null) {
          rows.put(ScenarioCatalog.nameOf(file), e);
        }
      }
    }
    int nameWidth = rows.keySet().stream().mapToInt(String::length).max().orElse(1);
    int tagWidth =
        rows.values().stream()
            .mapToInt(r -> r instanceof Scenario s ? tags(s).length() : 0)
            .max()
            .orElse(1);
    String format = "%-" + nameWidth + "s  %-" + tagWidth + "s  %s%n";
    for (Map.Entry<String, Object> row : rows.entrySet()) {
      if (row.getValue() instanceof Scenario s) {
        out.printf(format, row.getKey(), tags(s), s.description());
      } else {
        ScenarioException e = (ScenarioException) row.getValue();
        out.printf(
            format,
            row.getKey(),
            "",
            "INVALID (" + e.errors().size() + " problems; run: validate " + row.getKey() + ")");
      }
    }
    out.flush();
    return HarnessCli.OK;
  }

  private static String tags(Scenario s) {
    return "[" + String.join(", ", s.tags()) + "]";
  }
}
