package io.relayharness.faultproxy.toxics;

import java.util.Map;

/** The registry of built-in toxic types, as the real server registers them. Thread-safe. */
public final class ToxicTypes {

  private static final Map<String, ToxicType> BUILT_IN =
      Map.of(
          NoopToxic.TYPE.name(), NoopToxic.TYPE,
          LatencyToxic.TYPE.name(), LatencyToxic.TYPE,
          BandwidthToxic.TYPE.name(), BandwidthToxic.TYPE,
          SlowCloseToxic.TYPE.name(), SlowCloseToxic.TYPE,
          TimeoutToxic.TYPE.name(), TimeoutToxic.TYPE,
          ResetPeerToxic.TYPE.name(), ResetPeerToxic.TYPE,
          SlicerToxic.TYPE.name(), SlicerToxic.TYPE,
          LimitDataToxic.TYPE.name(), LimitDataToxic.TYPE);

  private ToxicTypes() {}

  /** The type registered under {@code name} (exact, case-sensitive), or null. */
  public static ToxicType byName(String name) {
    return BUILT_IN.get(name);
  }
}
