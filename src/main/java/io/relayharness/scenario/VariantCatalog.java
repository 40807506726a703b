package io.relayharness.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The relay config variants: the folders under {@code docker/relay/configs/}. Immutable;
 * thread-safe (reads the folder on each call).
 */
public final class VariantCatalog {

  /** Where the variants live, relative to the project folder. */
  public static final String CONFIGS = "docker/relay/configs";

  private final Path configsDir;

  /** Creates a catalog of the variants in {@code projectDir/docker/relay/configs}. */
  public VariantCatalog(Path projectDir) {
    this.configsDir = projectDir.resolve(CONFIGS);
  }

  /** Returns the variants folder. */
  public Path configsDir() {
    return configsDir;
  }

  /** Returns the variant names, sorted, or empty when the folder does not exist. */
  public Optional<List<String>> variants() {
    if (!Files.isDirectory(configsDir)) {
      return Optional.empty();
    }
    try (Stream<Path> entries = Files.list(configsDir)) {
      return Optional.of(
          entries
              .filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .sorted()
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + configsDir, e);
    }
  }
}
