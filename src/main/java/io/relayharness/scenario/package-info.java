/**
 * Scenarios as data: the model of {@code scenarios/<name>.yaml}, its settings table ({@link
 * io.relayharness.scenario.ScenarioSchema}), the loader that validates a file and applies
 * command-line overrides, and the interfaces of the engine that runs a scenario.
 */
package io.relayharness.scenario;
