package io.relayharness.verdict;

import static io.relayharness.verdict.VerdictAssertions.assertThat;

import io.relayharness.observe.RelayLogParser;
import io.relayharness.observe.RunObservations;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A relay whose daemon died fails the run, whatever the mail did; the relay's own line leads. */
class RelayHealthVerdictTest {

  private static final String TS = "2026-11-26T02:18:54.123456789Z ";

  private static RunObservations log(String... lines) {
    return RunObservations.builder().relayLog(RelayLogParser.parseAll(List.of(lines))).build();
  }

  @Test
  void shouldPassAHealthyRelay() {
    assertThat(
            new RelayHealthVerdict()
                .evaluate(
                    log(
                        TS + "Nov 26 02:18:54 relay postfix/master[1]: daemon started",
                        TS
                            + "Nov 26 02:18:55 relay postfix/smtpd[40]: warning: hostname x does"
                            + " not resolve")))
        .passed()
        .hasFigure("unhealthyLines", 0)
        .hasFigure("otherWarnings", 1);
  }

  @Test
  void shouldFailOnAQueueManagerThatDiedAtStart() {
    VerdictResult r =
        new RelayHealthVerdict()
            .evaluate(
                log(
                    TS
                        + "Nov 26 02:18:54 relay postfix/qmgr[77]: fatal: parameter"
                        + " minimal_backoff_time: bad time value or unit: banana",
                    TS
                        + "Nov 26 02:18:55 relay postfix/master[1]: warning:"
                        + " /usr/lib/postfix/sbin/qmgr: bad command startup -- throttling"));
    assertThat(r)
        .failed()
        .summaryContains(
            "the relay is broken: Nov 26 02:18:54 relay postfix/qmgr[77]: fatal: parameter"
                + " minimal_backoff_time: bad time value or unit: banana",
            "1 more")
        .hasFigure("fatal", 1)
        .hasFigure("throttled", 1);
  }

  @Test
  void shouldFailOnAnUnavailableTableAndAPanic() {
    assertThat(
            new RelayHealthVerdict()
                .evaluate(
                    log(
                        TS
                            + "Nov 26 02:18:54 relay postfix/trivial-rewrite[9]: warning:"
                            + " hash:/etc/postfix/transport is unavailable. open database"
                            + " /etc/postfix/transport.db: No such file or directory")))
        .failed()
        .hasFigure("table-unavailable", 1);
    assertThat(
            new RelayHealthVerdict()
                .evaluate(log(TS + "Nov 26 02:18:54 relay postfix/qmgr[9]: panic: myfree: x")))
        .failed()
        .hasFigure("panic", 1);
  }
}
