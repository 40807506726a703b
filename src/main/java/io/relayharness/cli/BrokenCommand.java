package io.relayharness.cli;

import io.relayharness.scenario.BrokenRelayTable;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code broken}: prints the table of relays broken on purpose that the scenarios catch. */
@Command(
    name = "broken",
    description = "Print the table of relays broken on purpose and the verdicts that catch them.")
final class BrokenCommand implements Callable<Integer> {

  @ParentCommand HarnessCli cli;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<Scenario> scenarios = new ArrayList<>();
    for (Path file : cli.catalog().files()) {
      try {
        scenarios.add(cli.loader().load(file));
      } catch (ScenarioException e) {
        e.errors().forEach(spec.commandLine().getErr()::println);
        return HarnessCli.USAGE;
      }
    }
    spec.commandLine().getOut().print(BrokenRelayTable.markdown(scenarios));
    spec.commandLine().getOut().flush();
    return HarnessCli.OK;
  }
}
