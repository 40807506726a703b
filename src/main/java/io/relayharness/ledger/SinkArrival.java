package io.relayharness.ledger;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * One message as a sink worker accepted it, written to the sink's durable ledger before the sink
 * answered 250. Immutable; thread-safe.
 *
 * @param worker the worker name, e.g. {@code worker0}
 * @param sessionId the SMTP session the message came in on (unique within a sink process)
 * @param messageId the {@code Message-ID} header, or null when the message had none
 * @param harnessId the {@code X-Harness-Id} header, or null for mail the harness did not make
 * @param relayQueueId the relay's queue id from the top {@code Received:} header, or null
 * @param mailFrom the envelope sender (empty for the null sender)
 * @param rcptTo the envelope recipients
 * @param sizeBytes the size of the message content as received
 * @param bodyHash the hash of the body as received (see {@link BodyHash})
 * @param declaredBodyHash the {@code X-Harness-Body-Hash} header, or null
 * @param arrivalEpochMs when the end of data arrived, in epoch milliseconds
 */
public record SinkArrival(
    String worker,
    String sessionId,
    String messageId,
    String harnessId,
    String relayQueueId,
    String mailFrom,
    List<String> rcptTo,
    long sizeBytes,
    @JsonAlias("bodySha256") String bodyHash, // also reads run folders from before the CRC hash
    @JsonAlias("declaredBodySha256")
        String declaredBodyHash, // also reads run folders from before the CRC hash
    long arrivalEpochMs) {

  public SinkArrival {
    rcptTo = rcptTo == null ? List.of() : List.copyOf(rcptTo);
  }
}
