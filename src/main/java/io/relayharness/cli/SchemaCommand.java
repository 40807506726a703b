package io.relayharness.cli;

import io.relayharness.scenario.ScenarioSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code schema}: prints every scenario setting with default and bounds, as Markdown. */
@Command(name = "schema", description = "Print the scenario settings table (Markdown).")
final class SchemaCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(ScenarioSchema.markdown());
    spec.commandLine().getOut().flush();
    return HarnessCli.OK;
  }
}
