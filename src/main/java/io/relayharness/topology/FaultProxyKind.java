package io.relayharness.topology;

/**
 * Which server answers the Toxiproxy API between the relay and the workers. Chosen with the system
 * property or environment variable {@code relayharness.faultproxy} / {@code
 * RELAYHARNESS_FAULTPROXY}: {@code auto} (default: the real image when it is present locally, the
 * project's own server otherwise; never pulls), {@code real} (pulled once when missing), {@code
 * builtin}.
 */
public enum FaultProxyKind {
  /** Shopify's Toxiproxy from {@link #REAL_IMAGE}. */
  REAL,
  /** The project's Toxiproxy-compatible server ({@code io.relayharness.faultproxy}). */
  BUILTIN;

  /** The real Toxiproxy image the harness uses when it can have it. */
  public static final String REAL_IMAGE = "ghcr.io/shopify/toxiproxy:2.12.0";

  /** The choice as the user configured it: {@code auto}, {@code real} or {@code builtin}. */
  public static String configured() {
    String value = System.getProperty("relayharness.faultproxy");
    if (value == null || value.isBlank()) {
      value = System.getenv("RELAYHARNESS_FAULTPROXY");
    }
    value = value == null || value.isBlank() ? "auto" : value.trim().toLowerCase();
    if (!value.equals("auto") && !value.equals("real") && !value.equals("builtin")) {
      throw new IllegalArgumentException(
          "relayharness.faultproxy must be auto, real or builtin, was '" + value + "'");
    }
    return value;
  }
}
