package io.relayharness.scenario;

import io.relayharness.faults.TimelineStep;
import java.util.List;

/**
 * One scenario as loaded and validated, defaults filled in, overrides applied. Immutable;
 * thread-safe.
 *
 * @param name the file name without {@code .yaml}
 * @param source where it was read from (a path, for messages)
 * @param description what the scenario shows
 * @param tags labels; {@code fast} marks the {@code mvn verify} subset
 * @param relay the relay variant and overrides
 * @param topology the workers and their MX preferences or randmap weights
 * @param client how the injector speaks SMTP
 * @param load the offered load
 * @param mail what the generator makes
 * @param timeline the fault steps, in file order
 * @param drain the wait for an empty queue after the load
 * @param expect what must hold
 * @param brokenBy relays broken on purpose that this scenario must catch
 * @param sweep the grid {@code ./harness sweep} runs by default
 * @param effectiveYaml the file's YAML with command-line overrides applied (for the run folder)
 */
public record Scenario(
    String name,
    String source,
    String description,
    List<String> tags,
    RelaySpec relay,
    TopologySpec topology,
    ClientSpec client,
    LoadSpec load,
    MailSpec mail,
    List<TimelineStep> timeline,
    DrainSpec drain,
    Expectations expect,
    List<BrokenRelay> brokenBy,
    SweepSpec sweep,
    String effectiveYaml) {

  /** The tag of the scenarios {@code mvn verify} runs. */
  public static final String FAST = "fast";

  public Scenario {
    tags = List.copyOf(tags);
    timeline = List.copyOf(timeline);
    brokenBy = List.copyOf(brokenBy);
  }

  /** Returns whether the scenario carries {@code tag}. */
  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }
}
