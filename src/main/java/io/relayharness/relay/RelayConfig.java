package io.relayharness.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The relay configuration under test: a named variant under {@code docker/relay/configs/} plus
 * per-run main.cf overrides (e.g. shortened {@code queue_run_delay}, {@code minimal_backoff_time},
 * timeouts). Immutable; thread-safe.
 */
public final class RelayConfig {

  private final String variant;
  private final Map<String, String> overrides;
  private final OperatorConfig operator;

  private RelayConfig(String variant, Map<String, String> overrides, OperatorConfig operator) {
    this.variant = variant;
    this.overrides = Map.copyOf(overrides);
    this.operator = operator;
  }

  /**
   * An operator's own config directory (see {@link OperatorConfig}) with {@code overrides} applied
   * on top; fails at once, listing every problem with its file and setting, when the directory
   * cannot run in a topology of {@code workers} workers with the load on {@code port}.
   */
  public static RelayConfig ofDirectory(
      Path dir, Map<String, String> overrides, int workers, int port) {
    OperatorConfig operator = OperatorConfig.read(dir, overrides);
    List<String> problems = operator.problems(workers, port);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "relay config " + dir + " cannot run:\n  " + String.join("\n  ", problems));
    }
    checkOverrides(overrides);
    return new RelayConfig(
        "config dir " + operator.dir(), new LinkedHashMap<>(overrides), operator);
  }

  /**
   * A config of {@code variant} with {@code overrides}, checked against the variants that exist
   * under {@code configsDir}; fails at once, listing the variants, when the name is unknown.
   */
  public static RelayConfig of(Path configsDir, String variant, Map<String, String> overrides) {
    List<String> variants = variants(configsDir);
    if (!variants.contains(variant)) {
      throw new IllegalArgumentException(
          "unknown relay config variant '"
              + variant
              + "'; variants in "
              + configsDir
              + ": "
              + String.join(", ", variants));
    }
    checkOverrides(overrides);
    return new RelayConfig(variant, new LinkedHashMap<>(overrides), null);
  }

  private static void checkOverrides(Map<String, String> overrides) {
    overrides.forEach(
        (name, value) -> {
          if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a Postfix parameter name: '" + name + "'");
          }
          if (value.contains("\n")) {
            throw new IllegalArgumentException("value of " + name + " has a line break");
          }
        });
  }

  /** The variant names available under {@code configsDir}, sorted. */
  public static List<String> variants(Path configsDir) {
    if (!Files.isDirectory(configsDir)) {
      throw new IllegalStateException("no relay config variants: " + configsDir + " is missing");
    }
    try (Stream<Path> dirs = Files.list(configsDir)) {
      return dirs.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether {@code variant} routes with a {@code randmap:} transport table, so that a topology's
   * weights decide the next hop (for the other variants, DNS MX preferences do).
   */
  public static boolean routesWithRandmap(Path configsDir, String variant) {
    Path mainCf = configsDir.resolve(variant).resolve("main.cf");
    try {
      return Files.exists(mainCf)
          && Files.readAllLines(mainCf).stream()
              .map(String::strip)
              .anyMatch(l -> l.matches("transport_maps\\s*=\\s*randmap:.*"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + mainCf, e);
    }
  }

  /** The variant name, or {@code config dir <path>} for an operator's own config. */
  public String variant() {
    return variant;
  }

  /** The operator's own config directory, when the relay runs one instead of a variant. */
  public java.util.Optional<OperatorConfig> operator() {
    return java.util.Optional.ofNullable(operator);
  }

  /** The per-run main.cf overrides, applied after the variant's settings. */
  public Map<String, String> overrides() {
    return overrides;
  }

  /** The overrides as the relay image reads them: one {@code name = value} a line. */
  public String overridesFile() {
    StringBuilder out = new StringBuilder("# per-run overrides\n");
    overrides.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
    return out.toString();
  }
}
