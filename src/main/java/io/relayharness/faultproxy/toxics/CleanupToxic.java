package io.relayharness.faultproxy.toxics;

/** A toxic with something to do on each link when it is removed (timeout closes the link). */
public interface CleanupToxic extends Toxic {

  /** Called on each live link when the toxic is removed, whatever the toxicity draw was. */
  void cleanup(ToxicStub stub);
}
