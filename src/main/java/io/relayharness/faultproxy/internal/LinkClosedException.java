package io.relayharness.faultproxy.internal;

/** Unwinds a stage or writer thread whose link was torn down. Immutable. */
final class LinkClosedException extends RuntimeException {
  LinkClosedException() {
    super("link closed", null, false, false);
  }
}
