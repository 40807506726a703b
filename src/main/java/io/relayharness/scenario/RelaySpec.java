package io.relayharness.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The relay under test. Immutable; thread-safe.
 *
 * @param variant the config folder under {@code docker/relay/configs/}
 * @param overrides main.cf settings applied on top of the variant, in file order
 * @param port the port the load connects to: 25, or 587 for submission
 */
public record RelaySpec(String variant, Map<String, String> overrides, int port) {

  public RelaySpec {
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }
}
