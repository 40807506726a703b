package io.relayharness.faultproxy.toxics;

import io.relayharness.vocab.ToxicKind;

/** Passes every chunk through unchanged (also what a link runs when the toxicity draw says no). */
public final class NoopToxic implements Toxic {

  /** The {@code noop} type: no attributes. */
  public static final ToxicType TYPE = new ToxicType(ToxicKind.NOOP, values -> new NoopToxic());

  /** The shared instance (stateless). */
  public static final NoopToxic INSTANCE = new NoopToxic();

  @Override
  public ToxicType type() {
    return TYPE;
  }

  @Override
  public long[] attributeValues() {
    return new long[0];
  }

  @Override
  public void pipe(ToxicStub stub) {
    while (true) {
      StreamChunk chunk = stub.receive();
      if (chunk == StreamChunk.INTERRUPTED) {
        return;
      }
      if (chunk == null) {
        stub.close();
        return;
      }
      stub.send(chunk);
    }
  }
}
