package io.relayharness.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The scenario files of a folder ({@code scenarios/}), by name. Immutable; thread-safe. */
public final class ScenarioCatalog {

  private final Path dir;

  /** Creates a catalog of {@code dir/*.yaml}. */
  public ScenarioCatalog(Path dir) {
    this.dir = dir;
  }

  /** Returns the folder. */
  public Path dir() {
    return dir;
  }

  /** Returns the scenario files, sorted by name (empty when the folder does not exist). */
  public List<Path> files() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** Returns the scenario names (file names without {@code .yaml}). */
  public List<String> names() {
    return files().stream().map(ScenarioCatalog::nameOf).toList();
  }

  /**
   * Finds a scenario by name ({@code one-worker-down}) or by file path ({@code x/y.yaml}); empty
   * when there is no such file.
   */
  public Optional<Path> resolve(String nameOrFile) {
    if (nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml") || nameOrFile.contains("/")) {
      Path file = Path.of(nameOrFile);
      return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
    Path file = dir.resolve(nameOrFile + ".yaml");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Returns the scenario name of a file: its name without {@code .yaml} or {@code .yml}. */
  public static String nameOf(Path file) {
    return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
  }
}
