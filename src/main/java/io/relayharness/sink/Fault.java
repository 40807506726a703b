package io.relayharness.sink;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relayharness.vocab.SmtpStage;

/**
 * One SMTP fault a sink applies, as posted to {@code POST /faults}. Which events it applies to:
 * every event at its stage while active, where active means within {@code [fromEpochMs,
 * untilEpochMs)} (each bound optional), not yet fired {@code count} times (optional), and, event by
 * event, with {@code probability} (default 1). Several faults may be active; at one event they are
 * tried in the order they were added: each firing one adds its delay, and the first firing {@code
 * reply} or {@code drop-before-250} decides the outcome. Immutable; thread-safe.
 *
 * @param id the fault's id (given by the sink when absent: {@code f1}, {@code f2}, ...)
 * @param stage where it acts
 * @param action what it does; defaults to {@code reply} when a code is given, else {@code delay}
 * @param code the SMTP reply code for {@code reply} (400..599)
 * @param text the reply text after the code, e.g. {@code 4.3.0 try later}
 * @param delayMs how long to wait before the reply (or before carrying on), 0..3600000
 * @param count how many events it fires for, then it is spent (null: no limit)
 * @param fromEpochMs when it becomes active (null: now)
 * @param untilEpochMs when it stops being active (null: never)
 * @param probability chance to fire at each event, in (0, 1] (null: 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fault(
    String id,
    SmtpStage stage,
    FaultEffect action,
    Integer code,
    String text,
    Long delayMs,
    Integer count,
    Long fromEpochMs,
    Long untilEpochMs,
    Double probability) {

  /** The longest delay a fault may ask for. */
  public static final long MAX_DELAY_MS = 3_600_000;

  /** Returns a reply fault: answer {@code code text} at {@code stage}. */
  public static Fault reply(SmtpStage stage, int code, String text) {
    return builder().stage(stage).action(FaultEffect.REPLY).code(code).text(text).build();
  }

  /** Returns a delay fault: wait {@code delayMs} at {@code stage}, then carry on. */
  public static Fault delay(SmtpStage stage, long delayMs) {
    return builder().stage(stage).action(FaultEffect.DELAY).delayMs(delayMs).build();
  }

  /** Returns a fault that takes the message and closes the connection before the 250. */
  public static Fault dropBefore250() {
    return builder().stage(SmtpStage.EOD).action(FaultEffect.DROP_BEFORE_250).build();
  }

  /** Returns an empty builder (every field absent, as in a JSON body with no keys). */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this fault's fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.stage = stage;
    b.action = action;
    b.code = code;
    b.text = text;
    b.delayMs = delayMs;
    b.count = count;
    b.fromEpochMs = fromEpochMs;
    b.untilEpochMs = untilEpochMs;
    b.probability = probability;
    return b;
  }

  /**
   * Returns this fault with defaults filled in, or throws naming the bad key and value.
   *
   * @throws IllegalArgumentException when a field is missing, out of bounds or contradictory
   */
  public Fault validated() {
    FaultEffect a = action;
    SmtpStage s = stage;
    if (a == null) {
      a = code != null ? FaultEffect.REPLY : delayMs != null ? FaultEffect.DELAY : null;
    }
    if (a == null) {
      throw bad("action", null, "give an action, a code (reply) or a delayMs (delay)");
    }
    if (s == null && a == FaultEffect.DROP_BEFORE_250) {
      s = SmtpStage.EOD;
    }
    if (s == null) {
      throw bad("stage", null, "one of " + String.join(", ", SmtpStage.wireNames()));
    }
    if (a == FaultEffect.DROP_BEFORE_250 && s != SmtpStage.EOD) {
      throw bad("stage", s, "drop-before-250 acts only at stage eod");
    }
    String t = text;
    if (a == FaultEffect.REPLY) {
      if (code == null || code < 400 || code > 599) {
        throw bad("code", code, "a reply fault needs a code in 400..599");
      }
      if (t == null || t.isBlank()) {
        t = code < 500 ? "4.3.0 sink fault: try again later" : "5.3.0 sink fault: rejected";
      }
      if (t.indexOf('\r') >= 0 || t.indexOf('\n') >= 0) {
        throw bad("text", t, "one line, no CR or LF");
      }
    } else if (code != null) {
      throw bad("code", code, "only a reply fault has a code");
    }
    long d = delayMs == null ? 0 : delayMs;
    if (d < 0 || d > MAX_DELAY_MS) {
      throw bad("delayMs", delayMs, "0.." + MAX_DELAY_MS);
    }
    if (a == FaultEffect.DELAY && d == 0) {
      throw bad("delayMs", delayMs, "a delay fault needs delayMs > 0");
    }
    if (count != null && count < 1) {
      throw bad("count", count, ">= 1, or absent for no limit");
    }
    double p = probability == null ? 1.0 : probability;
    if (!(p > 0 && p <= 1)) {
      throw bad("probability", probability, "in (0, 1]");
    }
    if (fromEpochMs != null && untilEpochMs != null && untilEpochMs <= fromEpochMs) {
      throw bad("untilEpochMs", untilEpochMs, "after fromEpochMs " + fromEpochMs);
    }
    return toBuilder().stage(s).action(a).text(t).delayMs(d).probability(p).build();
  }

  private static IllegalArgumentException bad(String key, Object value, String expected) {
    return new IllegalArgumentException(
        "fault: bad " + key + " = " + value + " (expected " + expected + ")");
  }

  /** Builds a {@link Fault}; a field left unset stays absent. Not thread-safe. */
  public static final class Builder {
    private String id;
    private SmtpStage stage;
    private FaultEffect action;
    private Integer code;
    private String text;
    private Long delayMs;
    private Integer count;
    private Long fromEpochMs;
    private Long untilEpochMs;
    private Double probability;

    private Builder() {}

    /** The fault's id (the sink gives one when absent). */
    public Builder id(String value) {
      id = value;
      return this;
    }

    /** Where it acts. */
    public Builder stage(SmtpStage value) {
      stage = value;
      return this;
    }

    /** What it does. */
    public Builder action(FaultEffect value) {
      action = value;
      return this;
    }

    /** The reply code of a reply fault (400..599). */
    public Builder code(int value) {
      code = value;
      return this;
    }

    /** The reply text after the code. */
    public Builder text(String value) {
      text = value;
      return this;
    }

    /** How long to wait before the reply (or before carrying on). */
    public Builder delayMs(long value) {
      delayMs = value;
      return this;
    }

    /** Fires for the next {@code n} events only. */
    public Builder count(int n) {
      count = n;
      return this;
    }

    /** Active in {@code [fromEpochMs, untilEpochMs)}; either may be null (open). */
    public Builder window(Long from, Long until) {
      fromEpochMs = from;
      untilEpochMs = until;
      return this;
    }

    /** Fires with probability {@code p} at each event. */
    public Builder probability(double p) {
      probability = p;
      return this;
    }

    /** Returns the fault as given; {@link Fault#validated()} fills defaults and checks it. */
    public Fault build() {
      return new Fault(
          id, stage, action, code, text, delayMs, count, fromEpochMs, untilEpochMs, probability);
    }
  }
}
