package io.relayharness.observe;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.JsonLines;
import io.relayharness.ledger.SinkArrival;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One run's folder, {@code reports/<scenario>/<yyyyMMdd-HHmmss>/}, with the files reports/README.md
 * lists: the engine writes them through this class, verdicts and reports read them through it. A
 * {@code reports/<scenario>/latest} symlink points at the newest folder. Writes are not
 * synchronized: one writer per file (use a {@link JsonLinesAppender} per streamed file).
 */
public final class RunFolder {

  /** {@link RunInfo}. */
  public static final String RUN_JSON = "run.json";

  /** The scenario as run. */
  public static final String SCENARIO_YAML = "scenario.yaml";

  /** {@link AcceptedMail} lines. */
  public static final String ACCEPTED = "accepted.jsonl";

  /** {@link SinkArrival} lines. */
  public static final String ARRIVALS = "arrivals.jsonl";

  /** {@link DeliveryAttempt} lines. */
  public static final String ATTEMPTS = "attempts.jsonl";

  /** {@link RelayWarning} lines. */
  public static final String WARNINGS = "warnings.jsonl";

  /** {@link QueueSample} lines. */
  public static final String QUEUE = "queue.jsonl";

  /** {@link FaultEvent} lines. */
  public static final String FAULTS = "faults.jsonl";

  /** {@link RateSample} lines. */
  public static final String RATES = "rates.jsonl";

  /** {@link MessageTimeline} lines. */
  public static final String TIMELINE = "timeline.jsonl";

  /** A JSON array of verdict results. */
  public static final String VERDICTS = "verdicts.json";

  /** The relay's log with engine timestamps. */
  public static final String RELAY_LOG = "relay.log";

  /** What the relays of a relay tier saw ({@link TierObservations}), for a run with one. */
  public static final String TIERS = "tiers.json";

  /** Each tier relay's queue samples, appended as they are taken. */
  public static final String RELAY_QUEUES = "relay-queues.jsonl";

  /** Folder of the tier relays' logs ({@code <name>.log}). */
  public static final String RELAYS_DIR = "relays";

  /** Gatling's report folder. */
  public static final String GATLING_DIR = "gatling";

  /** The run report. */
  public static final String REPORT_HTML = "report.html";

  /** The name of the symlink to the newest run of a scenario. */
  public static final String LATEST = "latest";

  private static final DateTimeFormatter FOLDER_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());

  private static final int MAX_NOTED_BAD_LINES = 5;

  private final Path dir;

  private RunFolder(Path dir) {
    this.dir = dir;
  }

  /**
   * Creates {@code <reportsRoot>/<scenario>/<yyyyMMdd-HHmmss>} (local time of {@code startedAt}; a
   * suffix {@code -2, -3..} if taken) and points {@code latest} at it.
   */
  public static RunFolder create(Path reportsRoot, String scenario, Instant startedAt) {
    Path scenarioDir = reportsRoot.resolve(scenario);
    String base = FOLDER_NAME.format(startedAt);
    try {
      Files.createDirectories(scenarioDir);
      // Claimed atomically: runs started in the same second in parallel each get their own.
      Path dir = scenarioDir.resolve(base);
      for (int n = 2; ; n++) {
        try {
          Files.createDirectory(dir);
          break;
        } catch (java.nio.file.FileAlreadyExistsException taken) {
          dir = scenarioDir.resolve(base + "-" + n);
        }
      }
      pointLatest(scenarioDir, dir.getFileName());
      return new RunFolder(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run folder under " + scenarioDir, e);
    }
  }

  /** Opens an existing run folder (a {@code latest} link is resolved). */
  public static RunFolder open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no run folder at " + dir);
    }
    try {
      return new RunFolder(dir.toRealPath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + dir, e);
    }
  }

  /** Opens {@code <reportsRoot>/<scenario>/latest}. */
  public static RunFolder latest(Path reportsRoot, String scenario) {
    return open(reportsRoot.resolve(scenario).resolve(LATEST));
  }

  private static void pointLatest(Path scenarioDir, Path target) {
    Path latest = scenarioDir.resolve(LATEST);
    Path temp = scenarioDir.resolve(LATEST + ".tmp-" + System.nanoTime());
    try {
      Files.createSymbolicLink(temp, target);
      Files.move(temp, latest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | UnsupportedOperationException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // best effort: a missing latest link does not lose data
      }
    }
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** The path of {@code name} inside the folder. */
  public Path file(String name) {
    return dir.resolve(name);
  }

  /** Returns whether {@code name} exists in the folder. */
  public boolean has(String name) {
    return Files.exists(file(name));
  }

  /** Writes {@code run.json}. */
  public void writeRunInfo(RunInfo info) {
    writeJson(RUN_JSON, info);
  }

  /** Reads {@code run.json}. */
  public RunInfo readRunInfo() {
    return readJson(RUN_JSON, new TypeReference<RunInfo>() {});
  }

  /** Writes {@code scenario.yaml}. */
  public void writeScenarioYaml(String yaml) {
    writeText(SCENARIO_YAML, yaml);
  }

  /** Writes {@code records} as JSON lines to {@code name}, replacing it. */
  public void writeLines(String name, Collection<?> records) {
    try (Writer out = Files.newBufferedWriter(file(name), StandardCharsets.UTF_8)) {
      for (Object r : records) {
        out.write(JsonLines.toLine(r));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(name), e);
    }
  }

  /** Reads the JSON lines of {@code name} as {@code type}; empty when the file is absent. */
  public <T> List<T> readLines(String name, Class<T> type) {
    return has(name) ? JsonLines.read(file(name), type) : List.of();
  }

  /** Opens {@code name} for appending records or lines while the run goes on. */
  public JsonLinesAppender appender(String name) {
    return new JsonLinesAppender(file(name));
  }

  /** Writes {@code value} as pretty JSON to {@code name}, replacing it. */
  public void writeJson(String name, Object value) {
    try {
      JsonLines.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file(name).toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(name), e);
    }
  }

  /** Reads {@code name} as JSON. */
  public <T> T readJson(String name, TypeReference<T> type) {
    try {
      return JsonLines.MAPPER.readValue(file(name).toFile(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file(name), e);
    }
  }

  /** Writes {@code text} to {@code name}, replacing it. */
  public void writeText(String name, String text) {
    try {
      Files.createDirectories(file(name).getParent());
      Files.writeString(file(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(name), e);
    }
  }

  /**
   * Writes every observation file: accepted, arrivals, attempts, warnings, queue, faults, rates and
   * timeline (not run.json, relay.log, verdicts.json).
   */
  public void writeObservations(RunObservations obs) {
    writeLines(ACCEPTED, obs.accepted());
    writeLines(ARRIVALS, obs.arrivals());
    writeLines(ATTEMPTS, obs.attempts());
    writeLines(WARNINGS, obs.warnings());
    writeLines(QUEUE, obs.queueSamples());
    writeLines(FAULTS, obs.faults());
    writeLines(RATES, obs.rates());
    writeLines(TIMELINE, obs.timelines());
    obs.tiers().ifPresent(t -> writeJson(TIERS, t));
  }

  /**
   * Reads the folder back into observations. The relay log, when present, supplies the per-queue-id
   * facts (Message-IDs), and the attempts and warnings when their files are absent. A line that is
   * not a record fails the read (see {@link #readContents()} for a folder a killed run left).
   */
  public RunObservations readObservations() {
    return observations(
        has(RUN_JSON) ? readRunInfo() : null,
        new LineReader() {
          @Override
          public <T> List<T> read(String name, Class<T> type) {
            return readLines(name, type);
          }
        });
  }

  /**
   * Reads every file of the folder as typed records, leniently: a missing or unreadable file reads
   * as empty and a line that is not a record is skipped, each with a note. The way the report reads
   * a folder, complete or left by a run that was killed part way.
   */
  public RunContents readContents() {
    List<String> notes = new ArrayList<>();
    RunInfo info = null;
    if (!has(RUN_JSON)) {
      notes.add(RUN_JSON + " is missing");
    } else {
      try {
        info = readRunInfo();
      } catch (UncheckedIOException e) {
        notes.add(RUN_JSON + " is not readable JSON: " + e.getCause().getMessage());
      }
    }
    Map<String, String> leaves = Map.of();
    boolean hasScenario = false;
    if (!has(SCENARIO_YAML)) {
      notes.add(SCENARIO_YAML + " is missing");
    } else {
      try {
        leaves = ScenarioLeaves.of(new YAMLMapper().readTree(file(SCENARIO_YAML).toFile()));
        hasScenario = true;
      } catch (IOException e) {
        notes.add(SCENARIO_YAML + " is not readable YAML: " + e.getMessage());
      }
    }
    for (String name : List.of(ACCEPTED, QUEUE, ATTEMPTS, FAULTS, ARRIVALS)) {
      if (!has(name)) {
        notes.add(name + " is missing");
      }
    }
    if (!has(TIMELINE)) {
      notes.add(TIMELINE + " is missing: the per-message timeline is joined from the ledgers");
    }
    RunObservations obs =
        observations(
            info,
            new LineReader() {
              @Override
              public <T> List<T> read(String name, Class<T> type) {
                return readLinesLeniently(name, type, notes);
              }
            });
    return new RunContents(dir, info, leaves, hasScenario, obs, notes);
  }

  /** Reads the lines of one file as records of a type. */
  private interface LineReader {
    <T> List<T> read(String name, Class<T> type);
  }

  private RunObservations observations(RunInfo info, LineReader lines) {
    RunObservations.Builder b = RunObservations.builder();
    if (info != null) {
      b.run(info.startEpochMs(), info.endEpochMs())
          .relaySettings(info.relaySettings())
          .relayDefaults(info.relayDefaults());
    }
    RelayLogParser log = has(RELAY_LOG) ? readRelayLog() : null;
    b.accepted(lines.read(ACCEPTED, AcceptedMail.class))
        .arrivals(lines.read(ARRIVALS, SinkArrival.class))
        .queueSamples(lines.read(QUEUE, QueueSample.class))
        .faults(lines.read(FAULTS, FaultEvent.class))
        .rates(lines.read(RATES, RateSample.class));
    if (has(ATTEMPTS) || log == null) {
      b.attempts(lines.read(ATTEMPTS, DeliveryAttempt.class));
    } else {
      b.attempts(log.attempts());
    }
    if (has(WARNINGS) || log == null) {
      b.warnings(lines.read(WARNINGS, RelayWarning.class));
    } else {
      b.warnings(log.warnings());
    }
    if (log != null) {
      b.relayMessages(log.messages());
    }
    if (has(TIERS)) {
      b.tiers(readJson(TIERS, new TypeReference<TierObservations>() {}));
    }
    return b.build();
  }

  /**
   * Reads the JSON lines of {@code name} as {@code type}, skipping a line that is not one (a kill
   * can cut the last line short) with a note in {@code notes}; empty when the file is absent.
   */
  public <T> List<T> readLinesLeniently(String name, Class<T> type, List<String> notes) {
    if (!has(name)) {
      return List.of();
    }
    int[] bad = {0};
    List<T> out =
        JsonLines.read(
            file(name),
            type,
            (number, error) -> {
              if (++bad[0] <= MAX_NOTED_BAD_LINES) {
                notes.add(name + ":" + number + " skipped, not JSON");
              }
            });
    if (bad[0] > MAX_NOTED_BAD_LINES) {
      notes.add(name + ": " + bad[0] + " lines skipped in all");
    }
    return out;
  }

  /** Parses {@code relay.log} line by line. */
  public RelayLogParser readRelayLog() {
    RelayLogParser parser = new RelayLogParser();
    try (BufferedReader in = Files.newBufferedReader(file(RELAY_LOG), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        parser.feed(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file(RELAY_LOG), e);
    }
    return parser;
  }
}
