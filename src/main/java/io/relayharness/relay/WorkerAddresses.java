package io.relayharness.relay;

/**
 * Where each worker is reached from inside the relay's network namespace: {@code worker<i>} at
 * {@code 127.0.1.1<i>:2525}. Port 2525, not 25: the relay's own smtpd listens on {@code *:25} with
 * SO_REUSEPORT and would answer a worker address that has no listener, making mail loop back to the
 * relay. Stateless; thread-safe.
 */
public final class WorkerAddresses {

  /** The SMTP port every worker address listens on in the relay's namespace. */
  public static final int WORKER_PORT = 2525;

  /** How many workers one topology can have (addresses 127.0.1.10 .. 127.0.1.19). */
  public static final int MAX_WORKERS = 10;

  private WorkerAddresses() {}

  /** The name of worker {@code index}: {@code worker0}, {@code worker1}, ... */
  public static String name(int index) {
    check(index);
    return "worker" + index;
  }

  /** The index of a worker name, failing with the valid names when it is not one. */
  public static int indexOf(String worker) {
    if (worker != null && worker.matches("worker\\d")) {
      return Integer.parseInt(worker.substring(6));
    }
    throw new IllegalArgumentException(
        "not a worker name: '"
            + worker
            + "' (expected worker0 .. worker"
            + (MAX_WORKERS - 1)
            + ")");
  }

  /** The address of worker {@code index} in the relay's namespace, e.g. {@code 127.0.1.10}. */
  public static String address(int index) {
    check(index);
    return "127.0.1." + (10 + index);
  }

  /** {@code address:port} the fault proxy listens on for worker {@code index}. */
  public static String listen(int index) {
    return address(index) + ":" + WORKER_PORT;
  }

  private static void check(int index) {
    if (index < 0 || index >= MAX_WORKERS) {
      throw new IllegalArgumentException(
          "worker index must be 0.." + (MAX_WORKERS - 1) + ", was " + index);
    }
  }
}
