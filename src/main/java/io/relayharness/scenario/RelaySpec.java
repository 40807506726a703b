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
 * @param configDir an operator's own config directory, relative to the project folder (or
 *     absolute), run instead of the variant; null for none
 */
public record RelaySpec(String variant, Map<String, String> overrides, int port, String configDir) {

  public RelaySpec {
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }

  /** A relay of a variant (no config directory). */
  public RelaySpec(String variant, Map<String, String> overrides, int port) {
    this(variant, overrides, port, null);
  }

  /** What runs: {@code config dir <path>} for a config directory, else the variant name. */
  public String label() {
    return configDir != null ? "config dir " + configDir : variant;
  }
}
