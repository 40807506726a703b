package io.relayharness.cli;

import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioException;
import io.relayharness.scenario.ScenarioSchema;
import io.relayharness.scenario.VariantCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code validate}: loads scenarios, prints every problem; exit 2 when any is invalid. */
@Command(
    name = "validate",
    description = "Check scenarios (all when none is named); exit 2 when any is invalid.")
final class ValidateCommand implements Callable<Integer> {

  @ParentCommand HarnessCli cli;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<name|file>", arity = "0..*", description = "scenario names or files")
  List<String> names = new ArrayList<>();

  @Option(names = "--schema", description = "print the settings table (Markdown) instead")
  boolean schema;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (schema) {
      out.print(ScenarioSchema.markdown());
      out.flush();
      return HarnessCli.OK;
    }
    List<String> targets = names.isEmpty() ? cli.catalog().names() : names;
    if (targets.isEmpty()) {
      err.println("no scenarios in " + cli.catalog().dir());
      return HarnessCli.USAGE;
    }
    if (!cli.loader().variantsChecked()) {
      err.println(
          "note: "
              + cli.projectDir.resolve(VariantCatalog.CONFIGS)
              + " does not exist; relay variants not checked");
    }
    int invalid = 0;
    for (String target : targets) {
      Optional<Path> file = cli.catalog().resolve(target);
      if (file.isEmpty()) {
        err.println(
            target + ": no such scenario (" + cli.catalog().dir() + "/" + target + ".yaml)");
        invalid++;
        continue;
      }
      try {
        Scenario s = cli.loader().load(file.get());
        out.printf(
            "ok  %s: %d load steps, %ds, %d timeline steps, expects %s%n",
            file.get(),
            s.load().steps().size(),
            s.load().stepsSeconds(),
            s.timeline().size(),
            String.join(", ", s.expect().names()));
      } catch (ScenarioException e) {
        e.errors().forEach(err::println);
        invalid++;
      }
    }
    out.flush();
    err.flush();
    return invalid == 0 ? HarnessCli.OK : HarnessCli.USAGE;
  }
}
