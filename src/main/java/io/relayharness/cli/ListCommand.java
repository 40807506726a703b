package io.relayharness.cli;

import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioCatalog;
import io.relayharness.scenario.ScenarioException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
    int width = catalog.names().stream().mapToInt(String::length).max().orElse(10);
    for (Path file : catalog.files()) {
      String name = ScenarioCatalog.nameOf(file);
      try {
        Scenario s = cli.loader().load(file);
        if (tag != null && !s.hasTag(tag)) {
          continue;
        }
        out.printf(
            "%-" + width + "s  %-28s  %s%n",
            name,
            "[" + String.join(", ", s.tags()) + "]",
            s.description());
      } catch (ScenarioException e) {
        if (tag == null) {
          out.printf(
              "%-" + width + "s  %-28s  INVALID (%d problems; run validate %s)%n",
              name,
              "",
              e.errors().size(),
              name);
        }
      }
    }
    out.flush();
    return HarnessCli.OK;
  }
}
