package io.relayharness.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.relayharness.scenario.internal.ScenarioParser;
import io.relayharness.scenario.internal.TreeOverrides;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads {@code scenarios/<name>.yaml}: reads the YAML, applies command-line overrides, validates
 * every key against {@link ScenarioSchema} and the cross-key rules, and returns an immutable {@link
 * Scenario} or a {@link ScenarioException} listing every problem. Thread-safe.
 *
 * <p>Relay variants are checked against {@code docker/relay/configs/} of the project folder; when
 * that folder does not exist the check is skipped ({@link #variantsChecked()} says so).
 */
public final class ScenarioLoader {

  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .build())
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  private final VariantCatalog variants;
  private final Path projectDir;

  /**
   * Creates a loader that checks relay variants in {@code projectDir/docker/relay/configs} and
   * relay config directories ({@code relay.configDir}) relative to {@code projectDir}.
   */
  public ScenarioLoader(Path projectDir) {
    this.variants = new VariantCatalog(projectDir);
    this.projectDir = projectDir;
  }

  /** Returns whether relay variants are checked (the variants folder exists). */
  public boolean variantsChecked() {
    return variants.variants().isPresent();
  }

  /** Loads a scenario file as it is. */
  public Scenario load(Path file) throws ScenarioException {
    return load(file, Overrides.NONE);
  }

  /** Loads a scenario file with command-line overrides applied before validation. */
  public Scenario load(Path file, Overrides overrides) throws ScenarioException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException(List.of(file + ": cannot read: " + e.getMessage()));
    }
    return parse(ScenarioCatalog.nameOf(file), file.toString(), text, overrides);
  }

  /**
   * Parses scenario text.
   *
   * @param name the scenario name
   * @param source how messages name the file
   * @param yaml the file's text
   * @param overrides command-line overrides
   */
  public Scenario parse(String name, String source, String yaml, Overrides overrides)
      throws ScenarioException {
    Scenario s = parseOnce(name, source, yaml, overrides);
    if (s.sweep().present()) {
      checkSweep(s, yaml, overrides);
    }
    return s;
  }

  /**
   * Loads the scenario once per value of its {@code sweep:} block, that value applied as {@code
   * --set} would, and throws every value that does not load, naming the file, the key and the
   * value.
   */
  private void checkSweep(Scenario s, String yaml, Overrides overrides) throws ScenarioException {
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : s.sweep().parameters().entrySet()) {
      for (String value : e.getValue()) {
        List<String> sets = new ArrayList<>(overrides.sets());
        sets.add(e.getKey() + "=" + value);
        try {
          parseOnce(
              s.name(),
              s.source(),
              yaml,
              new Overrides(sets, overrides.ratePerSec(), overrides.duration()));
        } catch (ScenarioException bad) {
          for (String problem : bad.errors()) {
            String detail =
                problem.startsWith(s.source() + ": ")
                    ? problem.substring(s.source().length() + 2)
                    : problem;
            errors.add(
                s.source()
                    + ": sweep.parameters."
                    + e.getKey()
                    + ": value '"
                    + value
                    + "': "
                    + detail);
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ScenarioException(errors);
    }
  }

  private Scenario parseOnce(String name, String source, String yaml, Overrides overrides)
      throws ScenarioException {
    Optional<List<String>> known = variants.variants();
    ScenarioParser parser = new ScenarioParser(name, source, known, Optional.of(projectDir));
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      parser.fields().error(where, "not valid YAML: " + e.getOriginalMessage().strip());
      throw new ScenarioException(parser.fields().errors());
    }
    String effective = yaml;
    if (!overrides.isEmpty() && root instanceof ObjectNode obj) {
      new TreeOverrides(YAML, parser.fields()).apply(obj, overrides);
      if (!parser.fields().errors().isEmpty()) {
        throw new ScenarioException(parser.fields().errors());
      }
      effective = write(obj);
    }
    return parser.parse(root, effective);
  }

  private static String write(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a YAML tree", e);
    }
  }
}
