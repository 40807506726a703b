package io.relayharness.faultproxy.internal;

/**
 * An API failure with its HTTP status and the real server's error text (see the error catalogue).
 * Immutable, thread-safe.
 */
public final class ApiError extends Exception {

  private final int status;

  /** An error answered as {@code {"error":message,"status":status}}. */
  public ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** 404 {@code proxy not found}. */
  public static ApiError proxyNotFound() {
    return new ApiError(404, "proxy not found");
  }

  /** 404 {@code toxic not found}. */
  public static ApiError toxicNotFound() {
    return new ApiError(404, "toxic not found");
  }

  /** 409 {@code proxy already exists}. */
  public static ApiError proxyExists() {
    return new ApiError(409, "proxy already exists");
  }

  /** 409 {@code toxic already exists}. */
  public static ApiError toxicExists() {
    return new ApiError(409, "toxic already exists");
  }

  /** 400 {@code bad request body: <decoder error>}. */
  public static ApiError badBody(String decoderError) {
    return new ApiError(400, "bad request body: " + decoderError);
  }

  /** 400 {@code missing required field: <field>}. */
  public static ApiError missingField(String field) {
    return new ApiError(400, "missing required field: " + field);
  }

  /** 400 {@code stream was invalid, can be either upstream or downstream}. */
  public static ApiError invalidStream() {
    return new ApiError(400, "stream was invalid, can be either upstream or downstream");
  }

  /** 400 {@code invalid toxic type}. */
  public static ApiError invalidToxicType() {
    return new ApiError(400, "invalid toxic type");
  }

  /** 500 with a Go error text passed through (bind failures, address errors). */
  public static ApiError internal(String goError) {
    return new ApiError(500, goError);
  }
}
