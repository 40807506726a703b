package io.relayharness.sink;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where in an SMTP session a sink fault acts. Immutable; thread-safe. */
public enum FaultStage {
  /** Instead of (or before) the 220 greeting; one event per connection. */
  @JsonProperty("connect")
  CONNECT,
  /** At {@code MAIL FROM}; one event per transaction. */
  @JsonProperty("mail")
  MAIL,
  /** At {@code RCPT TO}; decided once per transaction, then applied to each of its recipients. */
  @JsonProperty("rcpt")
  RCPT,
  /** At the {@code DATA} command, before the 354; one event per transaction. */
  @JsonProperty("data")
  DATA,
  /** At the end of data (after the final dot, before the 250); one event per message. */
  @JsonProperty("eod")
  EOD
}
