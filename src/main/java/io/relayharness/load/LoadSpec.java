package io.relayharness.load;

import io.relayharness.load.mail.MailGeneratorConfig;
import io.relayharness.load.profile.LoadProfile;
import io.relayharness.load.smtp.client.SmtpClientConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Everything one load run needs: the SMTP target and client options, the load profile, the mail
 * generator settings, where the ledger and Gatling's report go, and an optional progress listener.
 * Immutable; thread-safe.
 *
 * @param smtp client options, including target host and port
 * @param phaseTimings whether Gatling's report also shows per-phase times
 * @param profile the open-model injection profile (one message per user)
 * @param mail generator settings (seed, size median/cap, kind mix, recipients)
 * @param ledgerFile where {@code AcceptedMail} JSON lines go (e.g. {@code accepted.jsonl})
 * @param resultsFolder where Gatling writes its report folder (e.g. {@code <run>/gatling})
 * @param description the run description in Gatling's report
 * @param progress called with live counts every {@code progressPeriod}, or null
 * @param progressPeriod how often progress is reported
 * @param closeTimeout how long QUIT on every connection may take at the end
 * @param consoleLog where Gatling's console output (the summary block it prints every few seconds,
 *     its report messages) goes, or null to leave it on standard output
 */
public record LoadSpec(
    SmtpClientConfig smtp,
    boolean phaseTimings,
    LoadProfile profile,
    MailGeneratorConfig mail,
    Path ledgerFile,
    Path resultsFolder,
    String description,
    Consumer<LoadCounters.Snapshot> progress,
    Duration progressPeriod,
    Duration closeTimeout,
    Path consoleLog) {

  public LoadSpec {
    if (smtp == null || profile == null || mail == null || resultsFolder == null) {
      throw new IllegalArgumentException("smtp, profile, mail and resultsFolder must be set");
    }
    progressPeriod = progressPeriod == null ? Duration.ofSeconds(5) : progressPeriod;
    closeTimeout = closeTimeout == null ? Duration.ofSeconds(10) : closeTimeout;
  }

  /** Returns a spec aimed at {@code host:port} with the client defaults and no progress output. */
  public static LoadSpec of(
      String host,
      int port,
      LoadProfile profile,
      MailGeneratorConfig mail,
      Path ledgerFile,
      Path resultsFolder) {
    return new LoadSpec(
        SmtpClientConfig.defaults().withTarget(host, port),
        false,
        profile,
        mail,
        ledgerFile,
        resultsFolder,
        null,
        null,
        null,
        null,
        null);
  }

  /** Returns a copy with other client options. */
  public LoadSpec withSmtp(SmtpClientConfig options) {
    return new LoadSpec(
        options,
        phaseTimings,
        profile,
        mail,
        ledgerFile,
        resultsFolder,
        description,
        progress,
        progressPeriod,
        closeTimeout,
        consoleLog);
  }

  /** Returns a copy that reports per-phase timings. */
  public LoadSpec withPhaseTimings(boolean enabled) {
    return new LoadSpec(
        smtp,
        enabled,
        profile,
        mail,
        ledgerFile,
        resultsFolder,
        description,
        progress,
        progressPeriod,
        closeTimeout,
        consoleLog);
  }

  /** Returns a copy that calls {@code listener} with live counts every {@code period}. */
  public LoadSpec withProgress(Consumer<LoadCounters.Snapshot> listener, Duration period) {
    return new LoadSpec(
        smtp,
        phaseTimings,
        profile,
        mail,
        ledgerFile,
        resultsFolder,
        description,
        listener,
        period,
        closeTimeout,
        consoleLog);
  }

  /** Returns a copy with a run description for Gatling's report. */
  public LoadSpec withDescription(String text) {
    return new LoadSpec(
        smtp,
        phaseTimings,
        profile,
        mail,
        ledgerFile,
        resultsFolder,
        text,
        progress,
        progressPeriod,
        closeTimeout,
        consoleLog);
  }

  /** Returns a copy that writes Gatling's console output to {@code file} (appending). */
  public LoadSpec withConsoleLog(Path file) {
    return new LoadSpec(
        smtp,
        phaseTimings,
        profile,
        mail,
        ledgerFile,
        resultsFolder,
        description,
        progress,
        progressPeriod,
        closeTimeout,
        file);
  }
}
