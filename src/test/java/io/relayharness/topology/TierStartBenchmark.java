package io.relayharness.topology;

import io.relayharness.bench.LabNotebook;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Start time of a relay tier (sending MTA + 2 relays + 3 workers) against the one-relay topology (3
 * workers), images cached, measured alternately in the same run so the machine's load falls on both
 * alike. Run: {@code mvn -Pbench test -Dtest=TierStartBenchmark} (needs Docker).
 */
class TierStartBenchmark {

  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

  @Test
  void tierStartAgainstOneRelay() {
    LabNotebook notebook =
        new LabNotebook("tier start", "mvn -Pbench test -Dtest=TierStartBenchmark");
    try {
      start(MailTopology.builder().build()); // images built or checked, untimed
      List<Double> one = new ArrayList<>();
      List<Double> tier = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        one.add(start(MailTopology.builder().build()));
        tier.add(
            start(
                MailTopology.builder()
                    .relays(
                        Map.of("relay0", "eu", "relay1", "us"), Map.of("relay0", 10, "relay1", 10))
                    .build()));
      }
      double m1 = median(one);
      double m2 = median(tier);
      notebook.figure("start, one relay + 3 workers (median of " + ROUNDS + ")", m1, "s");
      notebook.figure("start, sender + 2 relays + 3 workers (median of " + ROUNDS + ")", m2, "s");
      notebook.figure("tier start above one relay", m2 - m1, "s");
    } finally {
      notebook.print();
    }
  }

  private static double start(MailTopology topology) {
    try {
      long t0 = System.nanoTime();
      topology.start();
      return (System.nanoTime() - t0) / 1e9;
    } finally {
      topology.stop();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
