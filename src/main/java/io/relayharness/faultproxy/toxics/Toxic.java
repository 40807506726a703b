package io.relayharness.faultproxy.toxics;

/**
 * One effect on a link's stream of chunks. Implementations are immutable parameter holders (units
 * in the names), so they are thread-safe; per-link state lives in the {@link ToxicStub}.
 */
public interface Toxic {

  /** The type's name, attributes and factory. */
  ToxicType type();

  /** Attribute values in the order of {@link ToxicType#attributeNames()}. */
  long[] attributeValues();

  /**
   * Runs the toxic on one link until the stub is interrupted (return) or the stream ends (close the
   * stub, then return).
   */
  void pipe(ToxicStub stub);

  /**
   * Returns why these attribute values are rejected, or null when they are accepted. Only values
   * that crash the real server are rejected (a documented divergence).
   */
  default String invalidReason() {
    return null;
  }
}
