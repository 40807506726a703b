package io.relayharness.topology;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's files are: {@code docker/} (image definitions, relay config variants), {@code
 * scenarios/}, {@code reports/}, and the build output the worker image is made of. Found from the
 * system property {@code relayharness.project.dir}, else by walking up from the working directory
 * to the folder holding {@code docker/relay}. Immutable; thread-safe.
 */
public record ProjectLayout(Path root) {

  /** Finds the project from the system property or the working directory. */
  public static ProjectLayout locate() {
    String prop = System.getProperty("relayharness.project.dir");
    if (prop != null && !prop.isBlank()) {
      return check(Path.of(prop).toAbsolutePath().normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("docker/relay"))) {
        return new ProjectLayout(dir);
      }
    }
    throw new IllegalStateException(
        "cannot find the relay-harness project (a folder with docker/relay) from "
            + Path.of("").toAbsolutePath()
            + "; run from the project folder or set -Drelayharness.project.dir");
  }

  private static ProjectLayout check(Path root) {
    if (!Files.isDirectory(root.resolve("docker/relay"))) {
      throw new IllegalStateException("relayharness.project.dir=" + root + " has no docker/relay");
    }
    return new ProjectLayout(root);
  }

  /** The relay image's build folder. */
  public Path relayImageDir() {
    return root.resolve("docker/relay");
  }

  /** The relay config variants, one folder each. */
  public Path relayConfigsDir() {
    return root.resolve("docker/relay/configs");
  }

  /** The Java worker image's Dockerfile folder. */
  public Path jvmImageDir() {
    return root.resolve("docker/jvm");
  }

  /** Compiled main classes (the worker image runs them). */
  public Path classesDir() {
    return root.resolve("target/classes");
  }

  /** Runtime dependency jars, copied by the build's package phase. */
  public Path libDir() {
    return root.resolve("target/lib");
  }

  /** Jars only the worker image adds (its logging binding), copied by the build beside lib. */
  public Path serverLibDir() {
    return root.resolve("target/server-lib");
  }

  /** The scenario files. */
  public Path scenariosDir() {
    return root.resolve("scenarios");
  }

  /** Where run folders go. */
  public Path reportsDir() {
    return root.resolve("reports");
  }
}
