package io.relayharness.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's defaults are the config's (both from SinkDefaults). */
class SinkMainTest {

  @Test
  void shouldDefaultEveryFlagToTheConfigDefaults() {
    SinkMain main = new SinkMain();
    new CommandLine(main).parseArgs("--name", "worker3");
    assertThat(main.config()).isEqualTo(SinkConfig.defaults("worker3"));
  }

  @Test
  void shouldTakeGivenFlags() {
    SinkMain main = new SinkMain();
    new CommandLine(main)
        .parseArgs("--name", "worker3", "--smtp-port", "0", "--ledger", "/tmp/l.jsonl");
    SinkConfig config = main.config();
    assertThat(config.smtpPort()).isZero();
    assertThat(config.ledger()).isEqualTo(Path.of("/tmp/l.jsonl"));
    assertThat(config.httpPort()).isEqualTo(SinkConfig.defaults("x").httpPort());
  }
}
