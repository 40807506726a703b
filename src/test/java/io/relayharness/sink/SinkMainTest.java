package io.relayharness.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The command line: its defaults are the config's (both from SinkDefaults); bad flags are named.
 */
class SinkMainTest {

  @Test
  void shouldDefaultEveryFlagToTheConfigDefaults() {
    assertThat(SinkMain.parse("--name", "worker3")).isEqualTo(SinkConfig.defaults("worker3"));
  }

  @Test
  void shouldTakeGivenFlagsInBothForms() {
    SinkConfig config =
        SinkMain.parse(
            "--name",
            "worker3",
            "--smtp-port=0",
            "--ledger",
            "/tmp/l.jsonl",
            "--ledger-sync",
            "per-message",
            "--max-message-bytes=1000");
    assertThat(config.smtpPort()).isZero();
    assertThat(config.ledger()).isEqualTo(Path.of("/tmp/l.jsonl"));
    assertThat(config.ledgerSync()).isEqualTo(LedgerSync.PER_MESSAGE);
    assertThat(config.maxMessageBytes()).isEqualTo(1000);
    assertThat(config.httpPort()).isEqualTo(SinkConfig.defaults("x").httpPort());
    assertThat(config.effectiveDroppedLedger()).isEqualTo(Path.of("/tmp/dropped.jsonl"));
  }

  @Test
  void shouldKeepAGivenDroppedLedgerWhateverTheFlagOrder() {
    SinkConfig config =
        SinkMain.parse("--name", "w", "--dropped-ledger", "/d.jsonl", "--ledger", "/l.jsonl");
    assertThat(config.effectiveDroppedLedger()).isEqualTo(Path.of("/d.jsonl"));
  }

  @Test
  void shouldNameTheFlagOfEachBadArgument() {
    assertThatThrownBy(() -> SinkMain.parse("--smtp-port", "25")).hasMessage("--name is required");
    assertThatThrownBy(() -> SinkMain.parse("--name", "w", "--smtp-prot", "25"))
        .hasMessage("unknown flag --smtp-prot");
    assertThatThrownBy(() -> SinkMain.parse("--name", "w", "--smtp-port", "twenty"))
        .hasMessage("--smtp-port: 'twenty' is not a whole number");
    assertThatThrownBy(() -> SinkMain.parse("--name", "w", "--smtp-port", "4294967321"))
        .hasMessage("--smtp-port: 4294967321 is out of range");
    assertThatThrownBy(() -> SinkMain.parse("--name", "w", "--backlog"))
        .hasMessage("--backlog needs a value");
    assertThatThrownBy(() -> SinkMain.parse("--name", "w", "--smtp-port", "70000"))
        .hasMessageContaining("smtpPort");
    assertThatThrownBy(() -> SinkMain.parse("--name", "w", "--ledger-sync", "sometimes"))
        .hasMessageContaining("sometimes");
  }

  @Test
  void shouldListEveryFlagInTheHelp() {
    assertThat(SinkMain.usage())
        .contains("--name", "--ledger-sync", "--connection-timeout-ms", "--dropped-ledger");
  }
}
