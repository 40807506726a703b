package io.relayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.scenario.ProgressSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress is one line rewritten on a terminal, a line per interval otherwise. */
class ProgressPrinterTest {

  private static ProgressSnapshot at(long elapsedMs, String fault) {
    return new ProgressSnapshot("load", elapsedMs, 10, 9, 0, 1, Map.of("worker0", 9L), -1, fault);
  }

  @Test
  void shouldRewriteTheLineOnATerminal() {
    StringWriter out = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(out), true, () -> 0, 5000);
    p.onProgress(at(1000, "none, and a long fault text"));
    p.onProgress(at(2000, "none"));
    p.finish();
    String text = out.toString();
    assertThat(text).startsWith("\r[load] 00:01 ").endsWith("\n");
    assertThat(text.split("\r")).hasSize(3);
    assertThat(text)
        .as("the shorter line is padded over the longer one")
        .contains("fault: none    ");
  }

  @Test
  void shouldPrintALineEveryIntervalOffATerminal() {
    StringWriter out = new StringWriter();
    AtomicLong clockMs = new AtomicLong();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(out), false, clockMs::get, 5000);
    for (int second = 0; second <= 12; second++) {
      clockMs.set(second * 1000L);
      p.onProgress(at(second * 1000L, "none"));
    }
    assertThat(out.toString().lines())
        .as("lines at 0 s, 5 s and 10 s")
        .containsExactly(
            "[load] 00:00 sent 10 accepted 9 rejected 0 failed 1 | delivered w0=9 | queue ? | fault: none",
            "[load] 00:05 sent 10 accepted 9 rejected 0 failed 1 | delivered w0=9 | queue ? | fault: none",
            "[load] 00:10 sent 10 accepted 9 rejected 0 failed 1 | delivered w0=9 | queue ? | fault: none");
  }
}
