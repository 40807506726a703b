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
public record LoadRunSpec(
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

  public LoadRunSpec {
    if (smtp == null || profile == null || mail == null || resultsFolder == null) {
      throw new IllegalArgumentException("smtp, profile, mail and resultsFolder must be set");
    }
    progressPeriod = progressPeriod == null ? Duration.ofSeconds(5) : progressPeriod;
    closeTimeout = closeTimeout == null ? Duration.ofSeconds(10) : closeTimeout;
  }

  /** Returns a spec aimed at {@code host:port} with the client defaults and no progress output. */
  public static LoadRunSpec of(
      String host,
      int port,
      LoadProfile profile,
      MailGeneratorConfig mail,
      Path ledgerFile,
      Path resultsFolder) {
    return builder()
        .target(host, port)
        .profile(profile)
        .mail(mail)
        .ledgerFile(ledgerFile)
        .resultsFolder(resultsFolder)
        .build();
  }

  /**
   * Returns a builder with the client defaults and no progress output; profile, mail and results
   * folder are still to set.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this spec's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.smtp = smtp;
    b.phaseTimings = phaseTimings;
    b.profile = profile;
    b.mail = mail;
    b.ledgerFile = ledgerFile;
    b.resultsFolder = resultsFolder;
    b.description = description;
    b.progress = progress;
    b.progressPeriod = progressPeriod;
    b.closeTimeout = closeTimeout;
    b.consoleLog = consoleLog;
    return b;
  }

  /** Builds a {@link LoadRunSpec}. Not thread-safe. */
  public static final class Builder {
    private SmtpClientConfig smtp = SmtpClientConfig.defaults();
    private boolean phaseTimings;
    private LoadProfile profile;
    private MailGeneratorConfig mail;
    private Path ledgerFile;
    private Path resultsFolder;
    private String description;
    private Consumer<LoadCounters.Snapshot> progress;
    private Duration progressPeriod;
    private Duration closeTimeout;
    private Path consoleLog;

    private Builder() {}

    /** The client options, including target host and port. */
    public Builder smtp(SmtpClientConfig value) {
      smtp = value;
      return this;
    }

    /** Aims the client options at {@code host:port}. */
    public Builder target(String host, int port) {
      smtp = smtp.toBuilder().target(host, port).build();
      return this;
    }

    /** Whether Gatling's report also shows per-phase times. */
    public Builder phaseTimings(boolean enabled) {
      phaseTimings = enabled;
      return this;
    }

    /** The open-model injection profile (required). */
    public Builder profile(LoadProfile value) {
      profile = value;
      return this;
    }

    /** The mail generator settings (required). */
    public Builder mail(MailGeneratorConfig value) {
      mail = value;
      return this;
    }

    /** Where {@code AcceptedMail} JSON lines go. */
    public Builder ledgerFile(Path file) {
      ledgerFile = file;
      return this;
    }

    /** Where Gatling writes its report folder (required). */
    public Builder resultsFolder(Path folder) {
      resultsFolder = folder;
      return this;
    }

    /** The run description in Gatling's report. */
    public Builder description(String text) {
      description = text;
      return this;
    }

    /** Calls {@code listener} with live counts every {@code period}. */
    public Builder progress(Consumer<LoadCounters.Snapshot> listener, Duration period) {
      progress = listener;
      progressPeriod = period;
      return this;
    }

    /** How long QUIT on every connection may take at the end (default 10 s). */
    public Builder closeTimeout(Duration value) {
      closeTimeout = value;
      return this;
    }

    /** Where Gatling's console output goes (appending); null leaves it on standard output. */
    public Builder consoleLog(Path file) {
      consoleLog = file;
      return this;
    }

    /** Returns the spec; throws when smtp, profile, mail or results folder is missing. */
    public LoadRunSpec build() {
      return new LoadRunSpec(
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
          consoleLog);
    }
  }
}
