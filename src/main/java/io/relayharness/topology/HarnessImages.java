package io.relayharness.topology;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Builds the harness's images from {@code docker/}, tagged by a hash of what goes into them, so an
 * unchanged image is found by tag and never rebuilt: {@code relay-harness/relay:<hash>} (Postfix,
 * dnsmasq) and {@code relay-harness/jvm:<hash>} (the sink and the fault proxy, from the build's
 * classes, packed into one jar, and jars, with class-data sharing archives trained at build). Never
 * pulls: the base image must exist locally, which {@code docker/engine/ensure-engine.sh} sees to.
 * Thread-safe.
 */
public final class HarnessImages {

  /** The base image both Dockerfiles start from. */
  public static final String BASE_IMAGE = "debian:bookworm-slim";

  private static final Logger log = LoggerFactory.getLogger(HarnessImages.class);
  private static final Object BUILD_LOCK = new Object();

  /** Hashes already computed in this JVM, by a fingerprint of names, sizes and mtimes. */
  private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

  private final ProjectLayout layout;
  private final DockerClient docker;

  public HarnessImages(ProjectLayout layout, DockerClient docker) {
    this.layout = layout;
    this.docker = docker;
  }

  /** The relay image's name, building it first when its tag is missing. */
  public String relay() {
    Path dir = layout.relayImageDir();
    String tag = "relay-harness/relay:" + hash(List.of(dir), false);
    return ensure(tag, () -> new ImageFromDockerfile(tag, false).withFileFromPath(".", dir));
  }

  /** The Java worker image's name, building it first when its tag is missing. */
  public String jvm() {
    Path classes = layout.classesDir();
    Path lib = layout.libDir();
    Path serverLib = layout.serverLibDir();
    if (!Files.isDirectory(classes) || !Files.isDirectory(lib) || !Files.isDirectory(serverLib)) {
      throw new IllegalStateException(
          "the worker image is built from "
              + classes
              + ", "
              + lib
              + " and "
              + serverLib
              + "; build the project first (mvn package, or mvn verify)");
    }
    Path imageDir = layout.jvmImageDir();
    String tag =
        "relay-harness/jvm:"
            + hash(List.of(imageDir, classes), false).substring(0, 8)
            + hash(List.of(lib, serverLib), true).substring(0, 8);
    return ensure(
        tag,
        () ->
            new ImageFromDockerfile(tag, false)
                .withFileFromPath("Dockerfile", imageDir.resolve("Dockerfile"))
                .withFileFromPath("java-main.sh", imageDir.resolve("java-main.sh"))
                .withFileFromPath("cds-train.sh", imageDir.resolve("cds-train.sh"))
                .withFileFromPath("lib", lib)
                .withFileFromPath("server-lib", serverLib)
                .withFileFromPath("app.jar", jarOf(classes)));
  }

  /**
   * The build's classes as one jar in a temporary file (deleted when the JVM exits): the image's
   * class-data sharing archive accepts jars only on the class path.
   */
  static Path jarOf(Path classes) {
    try {
      Path jar = Files.createTempFile("relay-harness-classes", ".jar");
      jar.toFile().deleteOnExit();
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
          Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
          out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack " + classes + " into a jar", e);
    }
  }

  private String ensure(String tag, java.util.function.Supplier<ImageFromDockerfile> build) {
    if (exists(tag)) {
      return tag;
    }
    synchronized (BUILD_LOCK) {
      if (exists(tag)) {
        return tag;
      }
      requireBaseImage();
      long start = System.nanoTime();
      log.info("building image {} (first run after a change; cached afterwards)", tag);
      ImageFromDockerfile image =
          build
              .get()
              .withBuildImageCmdModifier(
                  cmd -> cmd.withPull(false).withLabels(java.util.Map.of(IMAGE_LABEL, "true")));
      try {
        image.get();
      } catch (Exception e) {
        throw new IllegalStateException("building image " + tag + " failed: " + rootMessage(e), e);
      }
      log.info("built {} in {} s", tag, (System.nanoTime() - start) / 1_000_000_000);
      removeStale(tag);
      return tag;
    }
  }

  /**
   * Each change of the inputs builds a new tag; without this, every edit of the project would leave
   * another image behind. Keeps the {@link #KEEP} newest tags of the built image's repository and
   * every tag built in the last {@link #KEEP_YOUNGER_THAN} (another checkout may be about to run
   * it), and removes the rest that no container uses: the engine refuses to remove an image a
   * container was created from, and such an image is simply kept.
   */
  private void removeStale(String built) {
    String repository = built.substring(0, built.indexOf(':'));
    List<BuiltImage> ours =
        docker.listImagesCmd().withLabelFilter(Map.of(IMAGE_LABEL, "true")).exec().stream()
            .flatMap(
                i ->
                    i.getRepoTags() == null
                        ? Stream.empty()
                        : Stream.of(i.getRepoTags())
                            .map(
                                t ->
                                    new BuiltImage(t, i.getCreated() == null ? 0 : i.getCreated())))
            .toList();
    long cutoff = java.time.Instant.now().minus(KEEP_YOUNGER_THAN).getEpochSecond();
    List<String> stale = stale(ours, repository, built, KEEP, cutoff);
    int removed = 0;
    for (String tag : stale) {
      try {
        docker.removeImageCmd(tag).withForce(false).exec();
        removed++;
      } catch (com.github.dockerjava.api.exception.ConflictException | NotFoundException e) {
        log.debug("kept {}: {}", tag, e.getMessage());
      }
    }
    if (removed > 0) {
      log.info("removed {} older {} image(s); the {} newest are kept", removed, repository, KEEP);
    }
  }

  /** How many tags of each harness image repository are kept when a new one is built. */
  static final int KEEP = 3;

  /** Tags built more recently than this are kept too. */
  static final java.time.Duration KEEP_YOUNGER_THAN = java.time.Duration.ofDays(1);

  /** The label every image the harness builds carries. */
  static final String IMAGE_LABEL = "io.relayharness.image";

  /** A harness image tag and when the engine created it (epoch seconds). */
  record BuiltImage(String tag, long created) {}

  /**
   * The tags of {@code repository} to remove: all but the {@code keep} newest (counting {@code
   * built}, which is never removed), and of those only the ones created before {@code
   * cutoffEpochSeconds}. Tags of other repositories are not touched.
   */
  static List<String> stale(
      List<BuiltImage> images, String repository, String built, int keep, long cutoffEpochSeconds) {
    List<BuiltImage> same =
        images.stream()
            .filter(i -> i.tag().startsWith(repository + ":") && !i.tag().equals(built))
            .sorted(
                java.util.Comparator.comparingLong(BuiltImage::created)
                    .reversed()
                    .thenComparing(BuiltImage::tag))
            .toList();
    // the image just built counts as one of the kept
    return same.stream()
        .skip(Math.max(0, keep - 1))
        .filter(i -> i.created() < cutoffEpochSeconds)
        .map(BuiltImage::tag)
        .toList();
  }

  private boolean exists(String image) {
    try {
      docker.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private void requireBaseImage() {
    if (!exists(BASE_IMAGE)) {
      throw new IllegalStateException(
          "base image "
              + BASE_IMAGE
              + " is missing and the harness never pulls during a run. Run 'bash"
              + " docker/engine/ensure-engine.sh' (it pulls it, or builds it locally from Debian's"
              + " archive when no registry answers).");
    }
  }

  /**
   * Hashes file contents under the paths (or only names and sizes, for jar folders). Remembered in
   * this JVM while no file's name, size or modification time changes, so a run reads the files only
   * when something changed.
   */
  static String hash(List<Path> paths, boolean namesAndSizesOnly) {
    String fingerprint = namesAndSizesOnly + "|" + fingerprint(paths);
    return HASHES.computeIfAbsent(fingerprint, f -> contentHash(paths, namesAndSizesOnly));
  }

  private static String fingerprint(List<Path> paths) {
    StringBuilder out = new StringBuilder();
    for (Path root : paths) {
      out.append(root).append('\n');
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
          BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
          out.append(root.relativize(file))
              .append(' ')
              .append(a.size())
              .append(' ')
              .append(a.lastModifiedTime().toMillis())
              .append('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + root, e);
      }
    }
    MessageDigest digest = sha256();
    digest.update(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String contentHash(List<Path> paths, boolean namesAndSizesOnly) {
    MessageDigest digest = sha256();
    for (Path root : paths) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
          digest.update(root.relativize(file).toString().getBytes());
          if (namesAndSizesOnly) {
            digest.update(Long.toString(Files.size(file)).getBytes());
          } else {
            digest.update(Files.readAllBytes(file));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + root, e);
      }
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
