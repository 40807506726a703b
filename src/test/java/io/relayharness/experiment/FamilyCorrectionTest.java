package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Holm and Benjamini–Hochberg adjusted p-values (checked against R's p.adjust). */
class FamilyCorrectionTest {

  private static final double[] P = {0.01, 0.04, 0.03, 0.02, 0.05};

  @Test
  void shouldAdjustLikeHolm() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.02, 0.05), "holm") = 0.05 0.09 0.09 0.08 0.09
    assertThat(FamilyCorrection.HOLM.adjust(P))
        .as("Holm step-down, monotone")
        .containsExactly(new double[] {0.05, 0.09, 0.09, 0.08, 0.09}, Offset.offset(1e-12));
  }

  @Test
  void shouldAdjustLikeBenjaminiHochberg() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.02, 0.05), "BH") = 0.05 0.05 0.05 0.05 0.05
    assertThat(FamilyCorrection.BH.adjust(P))
        .as("BH step-up")
        .containsExactly(new double[] {0.05, 0.05, 0.05, 0.05, 0.05}, Offset.offset(1e-12));
    assertThat(FamilyCorrection.BH.adjust(new double[] {0.001, 0.3, 0.8}))
        .as("BH: 0.001*3, 0.3*3/2, 0.8")
        .containsExactly(new double[] {0.003, 0.45, 0.8}, Offset.offset(1e-12));
  }

  @Test
  void shouldParseTheOptionValue() {
    assertThat(FamilyCorrection.parse("holm")).as("holm").isEqualTo(FamilyCorrection.HOLM);
    assertThat(FamilyCorrection.parse("BH")).as("bh").isEqualTo(FamilyCorrection.BH);
  }
}
