package io.relayharness.experiment;

import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Adjusts the p-values of a family of tests (one per metric) so that judging a dozen metrics at
 * once does not find a difference by chance: Holm's step-down method controls the family-wise error
 * rate (the chance of any false "significant"); Benjamini–Hochberg controls the false discovery
 * rate, which equals the family-wise rate when nothing differs (an A/A run). Stateless;
 * thread-safe.
 */
public enum FamilyCorrection {

  /** Holm–Bonferroni step-down: family-wise error rate. */
  HOLM,

  /** Benjamini–Hochberg step-up: false discovery rate. */
  BH;

  /** Parses {@code holm} or {@code bh}. */
  public static FamilyCorrection parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  /** Returns the adjusted p-values, in the order given; compare each to the family's alpha. */
  public double[] adjust(double[] p) {
    int m = p.length;
    double[] adjusted = new double[m];
    if (m == 0) {
      return adjusted;
    }
    Integer[] order =
        IntStream.range(0, m)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> p[i]))
            .toArray(Integer[]::new);
    if (this == HOLM) {
      double running = 0;
      for (int rank = 0; rank < m; rank++) {
        int i = order[rank];
        running = Math.max(running, Math.min(1, (m - rank) * p[i]));
        adjusted[i] = running;
      }
    } else {
      double running = 1;
      for (int rank = m - 1; rank >= 0; rank--) {
        int i = order[rank];
        running = Math.min(running, Math.min(1, p[i] * m / (rank + 1)));
        adjusted[i] = running;
      }
    }
    return adjusted;
  }

  /** Returns the adjusted p-values of {@code p} (convenience for lists). */
  public double[] adjust(java.util.List<Double> p) {
    return adjust(p.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Override
  public String toString() {
    return this == HOLM ? "Holm" : "Benjamini–Hochberg";
  }
}
