package io.relayharness.sink.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Makes a ledger's written bytes durable: by default {@code FileChannel.force(false)}, i.e. {@code
 * fdatasync}. Tests inject their own to hold or record the syncs. Implementations must be
 * thread-safe; the ledger calls one at a time.
 */
@FunctionalInterface
public interface LedgerForce {

  /** The real one: {@code fdatasync} of the channel's file. */
  LedgerForce FDATASYNC = (channel, coveredBytes) -> channel.force(false);

  /**
   * Returns once the first {@code coveredBytes} of the file behind {@code channel} are durable.
   *
   * @param coveredBytes the file's written size when this sync started
   */
  void force(FileChannel channel, long coveredBytes) throws IOException;
}
