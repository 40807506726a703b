package io.relayharness.load.smtp.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.vocab.SmtpStage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The client names every stage a sink can act at exactly as the sink's fault API does. */
class ClientStageTest {

  @Test
  void shouldSpellEverySinkStageAsTheSinkDoes() {
    assertThat(Arrays.stream(ClientStage.values()).map(ClientStage::wireName))
        .as("client stage names")
        .containsAll(SmtpStage.wireNames())
        .doesNotHaveDuplicates();
  }
}
