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
  private final List<JsonNode> accepted;
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
    this.accepted = readLines("accepted.jsonl");
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

  /**
   * accepted.jsonl lines: the injector's ledger, one line per message offered. (rates.jsonl is not
   * read: its counters are sampled at uneven intervals, so the charts count the ledgers instead.)
   */
  public List<JsonNode> accepted() {
    return accepted;
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

  /** The run's start: run.json's startEpochMs, else the chart origin. */
  public long startEpochMs() {
    long fromRun = Json.longOr(run, "startEpochMs", -1);
    return fromRun >= 0 ? fromRun : originEpochMs();
  }

  /**
   * Time 0 of every chart and of the seconds the report shows: when the first message was injected,
   * the earliest transaction start in accepted.jsonl. Without that ledger, the earliest accept time
   * in timeline.jsonl; else run.json's start; else the earliest queue sample; else 0.
   */
  public long originEpochMs() {
    long min = Long.MAX_VALUE;
    for (JsonNode n : accepted) {
      min = Math.min(min, Json.longOr(n, "startEpochMs", Long.MAX_VALUE));
    }
    if (min == Long.MAX_VALUE) {
      for (JsonNode n : timeline) {
        min = Math.min(min, Json.longOr(n, "acceptEpochMs", Long.MAX_VALUE));
      }
    }
    if (min != Long.MAX_VALUE) {
      return min;
    }
    long fromRun = Json.longOr(run, "startEpochMs", -1);
    if (fromRun >= 0) {
      return fromRun;
    }
    for (JsonNode n : queue) {
      min = Math.min(min, Json.longOr(n, "epochMs", Long.MAX_VALUE));
    }
    return min == Long.MAX_VALUE ? 0 : min;
  }

  /** What {@link #originEpochMs()} is, in words, for the page ("the first injected message"). */
  public String originDescription() {
    for (JsonNode n : accepted) {
      if (Json.has(n, "startEpochMs")) {
        return "the first injected message";
      }
    }
    for (JsonNode n : timeline) {
      if (Json.has(n, "acceptEpochMs")) {
        return "the first accepted message (accepted.jsonl has no transaction starts)";
      }
    }
    return Json.longOr(run, "startEpochMs", -1) >= 0
        ? "the harness start (no message ledger)"
        : "the first queue sample (no message ledger, no run.json)";
  }

  /** The run's end: run.json's endEpochMs, else the latest time in the run's files. */
  public long endEpochMs() {
    long fromRun = Json.longOr(run, "endEpochMs", -1);
    if (fromRun >= 0) {
      return fromRun;
    }
    long max = startEpochMs();
    for (List<JsonNode> lines : List.of(queue, attempts)) {
      for (JsonNode n : lines) {
        max = Math.max(max, Json.longOr(n, "epochMs", max));
      }
    }
    for (JsonNode n : accepted) {
      max = Math.max(max, Json.longOr(n, "endEpochMs", max));
    }
    for (JsonNode n : arrivals) {
      max = Math.max(max, Json.longOr(n, "arrivalEpochMs", max));
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
