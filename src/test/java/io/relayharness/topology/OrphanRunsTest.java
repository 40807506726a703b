package io.relayharness.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which runs the janitor removes at start: those whose creating JVM is gone (no Docker needed). */
class OrphanRunsTest {

  private static Map<String, String> labels(String run, String pid) {
    return Map.of(RunIdentity.RUN_LABEL, run, RunIdentity.PID_LABEL, pid);
  }

  @Test
  void shouldNameEachRunOfADeadJvmOnceAndSpareLiveOnes() {
    List<String> orphans =
        Janitor.orphanRuns(
            Stream.of(
                labels("rh-dead", "100"), // its container
                labels("rh-dead", "100"), // its network
                labels("rh-net-only", "101"), // died after its network, before any container
                labels("rh-alive", "200"),
                labels("rh-mine", "102")), // this JVM's own run, its PID label notwithstanding
            pid -> pid.equals("200"),
            Set.of("rh-mine"));
    assertThat(orphans).as("runs to remove").containsExactly("rh-dead", "rh-net-only");
  }

  @Test
  void shouldSkipObjectsWithoutARunLabel() {
    assertThat(
            Janitor.orphanRuns(
                Stream.of(Map.of(RunIdentity.PID_LABEL, "100")), pid -> false, Set.of()))
        .as("runs to remove")
        .isEmpty();
  }
}
