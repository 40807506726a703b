package io.relayharness.load.mail;

import java.util.List;

/**
 * Settings of the mail generator. Immutable; thread-safe.
 *
 * <pre>
 * setting                   default                          bounds
 * seed                      1                                any; same seed, same bytes
 * idPrefix                  "m"                              [A-Za-z0-9-]+; harness ids are prefix-index
 * medianSizeBytes           20000                            1000..50000000 (log-normal median)
 * maxSizeBytes              200000                           medianSizeBytes..100000000 (tail cap)
 * sizeSigma                 1.0                              0..3 (log-normal shape; 0 = fixed size)
 * journalFraction           0.8                              0..1 (rest are BCC copies)
 * attachmentProbability     0.3                              0..1 (base64 attachment in the original)
 * minRecipients             1                                1..maxRecipients (original's To/Cc)
 * maxRecipients             5                                minRecipients..20
 * archiveRecipients         [journal@archive.example.com]    non-empty (envelope recipients)
 * envelopeRecipients        1                                1..archiveRecipients.size() per message
 * senderDomain              corp.example.com                 non-blank
 * journalSender             journaling@corp.example.com      non-blank (envelope sender of reports)
 * baseEpochMs               1767225600000 (2026-01-01Z)      ≥ 0; Date of message i = base + i s
 * senderPool                1000                             1..1000000 distinct senders (user0..)
 * </pre>
 */
public record MailGeneratorConfig(
    long seed,
    String idPrefix,
    int medianSizeBytes,
    int maxSizeBytes,
    double sizeSigma,
    double journalFraction,
    double attachmentProbability,
    int minRecipients,
    int maxRecipients,
    List<String> archiveRecipients,
    int envelopeRecipients,
    String senderDomain,
    String journalSender,
    long baseEpochMs,
    int senderPool) {

  public MailGeneratorConfig {
    archiveRecipients = List.copyOf(archiveRecipients);
    if (idPrefix == null || !idPrefix.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException(
          "idPrefix must match [A-Za-z0-9-]+, was '" + idPrefix + "'");
    }
    range("medianSizeBytes", medianSizeBytes, 1000, 50_000_000);
    range("maxSizeBytes", maxSizeBytes, medianSizeBytes, 100_000_000);
    range("sizeSigma", sizeSigma, 0, 3);
    range("journalFraction", journalFraction, 0, 1);
    range("attachmentProbability", attachmentProbability, 0, 1);
    range("minRecipients", minRecipients, 1, maxRecipients);
    range("maxRecipients", maxRecipients, minRecipients, 20);
    if (archiveRecipients.isEmpty()) {
      throw new IllegalArgumentException("archiveRecipients must not be empty");
    }
    range("envelopeRecipients", envelopeRecipients, 1, archiveRecipients.size());
    if (senderDomain == null || senderDomain.isBlank()) {
      throw new IllegalArgumentException("senderDomain must not be blank");
    }
    if (journalSender == null || journalSender.isBlank()) {
      throw new IllegalArgumentException("journalSender must not be blank");
    }
    range("baseEpochMs", baseEpochMs, 0, Long.MAX_VALUE);
    range("senderPool", senderPool, 1, 1_000_000);
  }

  /** Returns a builder holding the defaults of the class comment. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the defaults. */
  public static MailGeneratorConfig defaults() {
    return builder().build();
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.seed = seed;
    b.idPrefix = idPrefix;
    b.medianSizeBytes = medianSizeBytes;
    b.maxSizeBytes = maxSizeBytes;
    b.sizeSigma = sizeSigma;
    b.journalFraction = journalFraction;
    b.attachmentProbability = attachmentProbability;
    b.minRecipients = minRecipients;
    b.maxRecipients = maxRecipients;
    b.archiveRecipients = archiveRecipients;
    b.envelopeRecipients = envelopeRecipients;
    b.senderDomain = senderDomain;
    b.journalSender = journalSender;
    b.baseEpochMs = baseEpochMs;
    b.senderPool = senderPool;
    return b;
  }

  private static void range(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          key + " must be in " + min + ".." + max + ", was " + value);
    }
  }

  /** Builds a {@link MailGeneratorConfig}. Not thread-safe. */
  public static final class Builder {
    private long seed = 1;
    private String idPrefix = "m";
    private int medianSizeBytes = 20_000;
    private int maxSizeBytes = 200_000;
    private double sizeSigma = 1.0;
    private double journalFraction = 0.8;
    private double attachmentProbability = 0.3;
    private int minRecipients = 1;
    private int maxRecipients = 5;
    private List<String> archiveRecipients = List.of("journal@archive.example.com");
    private int envelopeRecipients = 1;
    private String senderDomain = "corp.example.com";
    private String journalSender = "journaling@corp.example.com";
    private long baseEpochMs = 1_767_225_600_000L;
    private int senderPool = 1000;

    private Builder() {}

    /** Sets the seed: the same seed gives the same bytes. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Sets the prefix of harness ids ({@code prefix-index}); make it unique per run. */
    public Builder idPrefix(String value) {
      idPrefix = value;
      return this;
    }

    /** Sets the median size and the tail cap, in bytes. */
    public Builder size(int medianBytes, int maxBytes) {
      medianSizeBytes = medianBytes;
      maxSizeBytes = maxBytes;
      return this;
    }

    /** Sets the spread of the log-normal size distribution (0 = every message near the median). */
    public Builder sizeSigma(double value) {
      sizeSigma = value;
      return this;
    }

    /** Sets the share of journal reports; the rest are BCC copies. */
    public Builder journalFraction(double value) {
      journalFraction = value;
      return this;
    }

    /** Sets the probability that the original message carries a base64 attachment. */
    public Builder attachmentProbability(double value) {
      attachmentProbability = value;
      return this;
    }

    /** Sets how many recipients the original message has. */
    public Builder recipients(int min, int max) {
      minRecipients = min;
      maxRecipients = max;
      return this;
    }

    /** Sets the archive addresses used as envelope recipients. */
    public Builder archiveRecipients(List<String> value) {
      archiveRecipients = value;
      return this;
    }

    /** Sets how many archive addresses each message is sent to. */
    public Builder envelopeRecipients(int value) {
      envelopeRecipients = value;
      return this;
    }

    /** Sets the domain of original senders. */
    public Builder senderDomain(String value) {
      senderDomain = value;
      return this;
    }

    /** Sets the envelope sender of journal reports. */
    public Builder journalSender(String value) {
      journalSender = value;
      return this;
    }

    /** Sets how many distinct senders ({@code user0..}) the BCC copies come from. */
    public Builder senderPool(int value) {
      senderPool = value;
      return this;
    }

    /** Sets the Date of message 0; message i is dated i seconds later. */
    public Builder baseEpochMs(long value) {
      baseEpochMs = value;
      return this;
    }

    /** Validates and returns the settings. */
    public MailGeneratorConfig build() {
      return new MailGeneratorConfig(
          seed,
          idPrefix,
          medianSizeBytes,
          maxSizeBytes,
          sizeSigma,
          journalFraction,
          attachmentProbability,
          minRecipients,
          maxRecipients,
          archiveRecipients,
          envelopeRecipients,
          senderDomain,
          journalSender,
          baseEpochMs,
          senderPool);
    }
  }
}
