package io.relayharness.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.relayharness.ledger.JsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A run folder's files (see reports/README.md, "Run folder") read as generic JSON trees. A missing
 * file reads as empty and a line that is not JSON is skipped; both leave a note the report shows,
 * so a partial run still gets a report. Not thread-safe while loading; read-only afterwards.
 */
public final class RunFolder {

  private static final int MAX_NOTED_BAD_LINES = 5;

  private final Path dir;
  private final List<String> notes = new ArrayList<>();
  private final JsonNode run;
  private final JsonNode verdicts;
  private final JsonNode scenario;
  private final List<JsonNode> rates;
  private final List<JsonNode> queue;
  private final List<JsonNode> attempts;
  private final List<JsonNode> faults;
  private final List<JsonNode> timeline;
  private final List<JsonNode> arrivals;

  private RunFolder(Path dir) {
    this.dir = dir;
    this.run = readJson("run.json");
    this.verdicts = readJson("verdicts.json");
    this.scenario = readYaml("scenario.yaml");
    this.rates = readLines("rates.jsonl");
    this.queue = readLines("queue.jsonl");
    this.attempts = readLines("attempts.jsonl");
    this.faults = readLines("faults.jsonl");
    this.timeline = readLines("timeline.jsonl");
    this.arrivals = readLines("arrivals.jsonl");
  }

  /** Reads every file of the run folder {@code dir} that the reports use. */
  public static RunFolder load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("not a run folder (no such directory): " + dir);
    }
    return new RunFolder(dir);
  }

  /** The folder itself. */
  public Path dir() {
    return dir;
  }

  /** What was missing or unreadable, in reading order, for the report to show. */
  public List<String> notes() {
    return Collections.unmodifiableList(notes);
  }

  /** run.json, or a missing node. */
  public JsonNode run() {
    return run;
  }

  /** verdicts.json (an array), or a missing node. */
  public JsonNode verdicts() {
    return verdicts;
  }

  /** scenario.yaml as a tree, or a missing node. */
  public JsonNode scenario() {
    return scenario;
  }

  /** rates.jsonl lines. */
  public List<JsonNode> rates() {
    return rates;
  }

  /** queue.jsonl lines. */
  public List<JsonNode> queue() {
    return queue;
  }

  /** attempts.jsonl lines. */
  public List<JsonNode> attempts() {
    return attempts;
  }

  /** faults.jsonl lines. */
  public List<JsonNode> faults() {
    return faults;
  }

  /** timeline.jsonl lines. */
  public List<JsonNode> timeline() {
    return timeline;
  }

  /** arrivals.jsonl lines. */
  public List<JsonNode> arrivals() {
    return arrivals;
  }

  /** Whether {@code name} exists in the folder. */
  public boolean has(String name) {
    return Files.exists(dir.resolve(name));
  }

  /** The run's start: run.json's startEpochMs, else the earliest sample, else 0. */
  public long startEpochMs() {
    long fromRun = Json.longOr(run, "startEpochMs", -1);
    if (fromRun >= 0) {
      return fromRun;
    }
    long min = Long.MAX_VALUE;
    for (List<JsonNode> lines : List.of(rates, queue)) {
      for (JsonNode n : lines) {
        min = Math.min(min, Json.longOr(n, "epochMs", Long.MAX_VALUE));
      }
    }
    for (JsonNode n : timeline) {
      min = Math.min(min, Json.longOr(n, "acceptEpochMs", Long.MAX_VALUE));
    }
    return min == Long.MAX_VALUE ? 0 : min;
  }

  /** The run's end: run.json's endEpochMs, else the latest sample, else the start. */
  public long endEpochMs() {
    long fromRun = Json.longOr(run, "endEpochMs", -1);
    if (fromRun >= 0) {
      return fromRun;
    }
    long max = startEpochMs();
    for (List<JsonNode> lines : List.of(rates, queue, attempts)) {
      for (JsonNode n : lines) {
        max = Math.max(max, Json.longOr(n, "epochMs", max));
      }
    }
    return max;
  }

  private JsonNode readJson(String name) {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      notes.add(name + " is missing");
      return MissingNode.getInstance();
    }
    try {
      return JsonLines.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      notes.add(name + " is not readable JSON: " + e.getMessage());
      return MissingNode.getInstance();
    }
  }

  private JsonNode readYaml(String name) {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      notes.add(name + " is missing");
      return MissingNode.getInstance();
    }
    try {
      JsonNode tree = new YAMLMapper().readTree(file.toFile());
      return tree == null ? MissingNode.getInstance() : tree;
    } catch (IOException e) {
      notes.add(name + " is not readable YAML: " + e.getMessage());
      return MissingNode.getInstance();
    }
  }

  private List<JsonNode> readLines(String name) {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      notes.add(name + " is missing");
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    int bad = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(JsonLines.MAPPER.readTree(line));
        } catch (IOException e) {
          if (++bad <= MAX_NOTED_BAD_LINES) {
            notes.add(name + ":" + number + " skipped, not JSON");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (bad > MAX_NOTED_BAD_LINES) {
      notes.add(name + ": " + bad + " lines skipped in all");
    }
    return List.copyOf(out);
  }
}
