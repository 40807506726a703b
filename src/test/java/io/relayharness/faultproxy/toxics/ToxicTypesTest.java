package io.relayharness.faultproxy.toxics;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.vocab.ToxicKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The fault proxy registers one toxic type per entry of the shared list, and no other. */
class ToxicTypesTest {

  @Test
  void shouldRegisterExactlyTheSharedToxicKinds() {
    assertThat(ToxicTypes.all().stream().map(ToxicType::kind))
        .containsExactlyInAnyOrder(ToxicKind.values());
    for (ToxicKind kind : ToxicKind.values()) {
      assertThat(ToxicTypes.byName(kind.apiName()).kind()).isEqualTo(kind);
    }
  }

  @Test
  void shouldBuildToxicsWithOneValuePerListedAttribute() {
    for (ToxicType type : ToxicTypes.all()) {
      Toxic toxic = type.withDefaults();
      assertThat(toxic.type()).isSameAs(type);
      assertThat(toxic.attributeValues()).hasSize(type.kind().attributes().size());
    }
  }

  @Test
  void shouldKnowNoOtherName() {
    assertThat(ToxicTypes.byName("Latency")).isNull();
    assertThat(Arrays.stream(ToxicKind.values()).map(ToxicKind::apiName)).doesNotHaveDuplicates();
  }
}
