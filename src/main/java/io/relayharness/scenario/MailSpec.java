package io.relayharness.scenario;

/**
 * What the journaled-mail generator makes. Immutable; thread-safe.
 *
 * @param seed the random seed (same seed, same mails)
 * @param journalShare the relative share of envelope journal reports
 * @param bccShare the relative share of BCC copies
 * @param sizeMedianBytes the median message size
 * @param sizeCapBytes the largest message size
 * @param attachmentShare the share of messages with an attachment, 0..1
 */
public record MailSpec(
    long seed,
    double journalShare,
    double bccShare,
    int sizeMedianBytes,
    int sizeCapBytes,
    double attachmentShare) {}
