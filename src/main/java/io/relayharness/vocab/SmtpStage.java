package io.relayharness.vocab;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where in an SMTP session something happens: the stages a sink fault acts at, the stages the load
 * client names its refusals by. The one list behind the scenario schema's {@code
 * timeline[].fault.stage} choice and the sink's fault API. Immutable; thread-safe.
 */
public enum SmtpStage {
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
  EOD;

  /** The name in scenario files, the sink's JSON and its counters ({@code rcpt}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every stage's {@link #wireName()}, in session order. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(SmtpStage::wireName).toList();
  }
}
