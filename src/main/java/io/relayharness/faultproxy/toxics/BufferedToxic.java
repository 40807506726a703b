package io.relayharness.faultproxy.toxics;

/** A toxic that lets chunks queue in front of it (latency: up to 1024). */
public interface BufferedToxic extends Toxic {

  /** Number of chunks that may wait in front of this toxic. */
  int bufferChunks();
}
