package io.relayharness.scenario.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.relayharness.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scenario's {@code expect:} block as the verdict registry takes it (verdict key to its
 * parameters), read from the scenario as it was run (overrides applied). Stateless; thread-safe.
 */
final class ExpectationsMap {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ExpectationsMap() {}

  static Map<String, Map<String, Object>> of(Scenario scenario) {
    try {
      JsonNode expect = YAML.readTree(scenario.effectiveYaml()).path("expect");
      if (expect.isMissingNode() || expect.isNull()) {
        return Map.of();
      }
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      expect
          .fields()
          .forEachRemaining(
              e ->
                  out.put(
                      e.getKey(),
                      e.getValue().isNull()
                          ? null
                          : YAML.convertValue(
                              e.getValue(), new TypeReference<Map<String, Object>>() {})));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the expectations of " + scenario.name(), e);
    }
  }
}
