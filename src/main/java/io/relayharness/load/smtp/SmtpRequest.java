package io.relayharness.load.smtp;

/** A named SMTP request: {@code smtp("name").send()}. Immutable; thread-safe. */
public final class SmtpRequest {

  private final String requestName;

  SmtpRequest(String requestName) {
    if (requestName == null || requestName.isBlank()) {
      throw new IllegalArgumentException("an SMTP request needs a name");
    }
    this.requestName = requestName;
  }

  /** Sends one message per execution; set its envelope and content on the returned builder. */
  public SmtpSendActionBuilder send() {
    return new SmtpSendActionBuilder(requestName, null, null, null);
  }
}
