package io.relayharness.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as a test: one package per stage of the data path, and dependencies only down
 * it.
 *
 * <pre>
 *   cli ─► scenario (engine) ─► faults, load, topology ─► observe ─► verdict ─► report
 *    └──► experiment (A/B runs: scenario, observe, verdict, report, ledger)
 *                                        │                    └────────► ledger (records along the path)
 *                                        └─► relay (config variants)
 *   sink, faultproxy: run inside containers; nothing in the harness JVM depends on them
 *   vocab: the shared vocabularies (toxic types, SMTP stages, sink defaults), below everything
 * </pre>
 *
 * A new back-edge or cycle fails the build with the offending classes named.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importProject() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.relayharness");
  }

  @Test
  void shouldDependOnlyDownTheDataPath() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("cli")
        .definedBy("io.relayharness.cli..")
        .layer("scenario")
        .definedBy("io.relayharness.scenario..")
        .layer("faults")
        .definedBy("io.relayharness.faults..")
        .layer("load")
        .definedBy("io.relayharness.load..")
        .layer("topology")
        .definedBy("io.relayharness.topology..")
        .layer("observe")
        .definedBy("io.relayharness.observe..")
        .layer("verdict")
        .definedBy("io.relayharness.verdict..")
        .layer("report")
        .definedBy("io.relayharness.report..")
        .layer("experiment")
        .definedBy("io.relayharness.experiment..")
        .layer("relay")
        .definedBy("io.relayharness.relay..")
        .layer("ledger")
        .definedBy("io.relayharness.ledger..")
        .layer("sink")
        .definedBy("io.relayharness.sink..")
        .layer("faultproxy")
        .definedBy("io.relayharness.faultproxy..")
        // one list per vocabulary, shared by the harness and the containers (sink, faultproxy):
        // any layer may use it, it uses none
        .layer("vocab")
        .definedBy("io.relayharness.vocab..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("scenario")
        .mayOnlyBeAccessedByLayers("cli", "experiment")
        .whereLayer("faults")
        .mayOnlyBeAccessedByLayers("scenario")
        .whereLayer("load")
        .mayOnlyBeAccessedByLayers("scenario")
        .whereLayer("topology")
        .mayOnlyBeAccessedByLayers("scenario", "faults")
        .whereLayer("experiment")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("report")
        .mayOnlyBeAccessedByLayers("scenario", "cli", "experiment")
        .whereLayer("verdict")
        .mayOnlyBeAccessedByLayers("scenario", "report", "cli", "experiment")
        .whereLayer("observe")
        .mayOnlyBeAccessedByLayers("scenario", "faults", "verdict", "report", "experiment")
        .whereLayer("relay")
        .mayOnlyBeAccessedByLayers("scenario", "faults", "topology")
        .whereLayer("sink")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("faultproxy")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("vocab")
        .mayNotAccessAnyLayer()
        .check(classes);
  }

  @Test
  void shouldHaveNoCyclesBetweenStages() {
    slices().matching("io.relayharness.(*)..").should().beFreeOfCycles().check(classes);
  }
}
