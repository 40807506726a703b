package io.relayharness.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The janitor against the real engine: a run that left only its network behind is removed. */
class JanitorIT {

  @Test
  void shouldRemoveTheNetworkOfARunWhoseJvmDiedBeforeAnyContainer() throws Exception {
    DockerClient docker = DockerEngine.client();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    RunIdentity run = RunIdentity.next();
    Map<String, String> labels = new HashMap<>(run.labels("network"));
    labels.put(RunIdentity.PID_LABEL, Long.toString(gone.pid()));
    String id =
        docker.createNetworkCmd().withName(run.name("net")).withLabels(labels).exec().getId();
    try {
      Janitor.reapOrphans(docker);
      assertThat(
              docker
                  .listNetworksCmd()
                  .withFilter("label", List.of(RunIdentity.RUN_LABEL + "=" + run.runId()))
                  .exec())
          .as("networks of the dead run after the janitor's pass")
          .isEmpty();
    } finally {
      docker
          .listNetworksCmd()
          .withIdFilter(id)
          .exec()
          .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
    }
  }
}
