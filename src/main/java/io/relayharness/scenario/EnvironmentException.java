package io.relayharness.scenario;

/**
 * The machine cannot run a scenario: no Docker engine, an image that cannot be built, a port in
 * use. The command line exits with 3.
 */
public final class EnvironmentException extends Exception {

  /** Creates the exception with what is missing and how to fix it. */
  public EnvironmentException(String message) {
    super(message);
  }

  /** Creates the exception with what is missing and the underlying failure. */
  public EnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
