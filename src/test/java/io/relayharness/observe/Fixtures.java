package io.relayharness.observe;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.SinkArrival;
import java.util.List;

/** Synthetic ledger records for tests: one harness id maps to one body hash. Stateless. */
public final class Fixtures {

  /** An arbitrary start of time for synthetic runs (2026-11-22T10:00:00Z). */
  public static final long T0 = 1_795_341_600_000L;

  private Fixtures() {}

  /** Returns the body hash the injector recorded for {@code harnessId}. */
  public static String sha(String harnessId) {
    return String.format("%064x", harnessId.hashCode() & 0xffffffffL);
  }

  /** A message the relay accepted at {@code atMs} as {@code queueId}, 20 ms after it started. */
  public static AcceptedMail accepted(String harnessId, String queueId, long atMs) {
    return new AcceptedMail(
        harnessId,
        "<" + harnessId + "@load.example.com>",
        "journal@load.example.com",
        List.of("archive@archive.example.com"),
        4096,
        sha(harnessId),
        AcceptedMail.Outcome.ACCEPTED,
        250,
        "2.0.0 Ok: queued as " + queueId,
        queueId,
        atMs - 20,
        atMs);
  }

  /** A message the relay refused with {@code code}. */
  public static AcceptedMail rejected(String harnessId, int code, long atMs) {
    return new AcceptedMail(
        harnessId,
        "<" + harnessId + "@load.example.com>",
        "journal@load.example.com",
        List.of("archive@archive.example.com"),
        4096,
        sha(harnessId),
        AcceptedMail.Outcome.REJECTED,
        code,
        code + " 5.7.1 Relay access denied",
        null,
        atMs - 5,
        atMs);
  }

  /** A copy of {@code harnessId} stored by {@code worker} at {@code atMs}, with the right body. */
  public static SinkArrival arrival(String harnessId, String worker, String queueId, long atMs) {
    return arrival(harnessId, worker, queueId, atMs, sha(harnessId));
  }

  /** A copy whose body hashed to {@code bodyHash} (declared header keeps the sent hash). */
  public static SinkArrival arrival(
      String harnessId, String worker, String queueId, long atMs, String bodyHash) {
    return new SinkArrival(
        worker,
        "s-" + atMs,
        "<" + harnessId + "@load.example.com>",
        harnessId,
        queueId,
        "journal@load.example.com",
        List.of("archive@archive.example.com"),
        4200,
        bodyHash,
        sha(harnessId),
        atMs);
  }

  /** An attempt on {@code queueId} at {@code atMs}. */
  public static DeliveryAttempt attempt(
      String queueId, long atMs, String status, String worker, String detail) {
    String relay =
        worker == null
            ? "none"
            : worker + ".int.example.com[127.0.1.1" + worker.charAt(worker.length() - 1) + "]:2525";
    return new DeliveryAttempt(
        atMs,
        queueId,
        "archive@archive.example.com",
        relay,
        worker,
        DeliveryAttempt.SENT.equals(status) ? "2.0.0" : "4.4.1",
        status,
        0.1,
        "0/0/0.05/0.05",
        detail);
  }
}
