package io.relayharness.faultproxy.toxics;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of built-in toxic types, as the real server registers them: one implementation per
 * {@link io.relayharness.vocab.ToxicKind} (a test holds the two lists equal). Thread-safe.
 */
public final class ToxicTypes {

  private static final List<ToxicType> ALL =
      List.of(
          LatencyToxic.TYPE,
          BandwidthToxic.TYPE,
          TimeoutToxic.TYPE,
          ResetPeerToxic.TYPE,
          SlowCloseToxic.TYPE,
          LimitDataToxic.TYPE,
          SlicerToxic.TYPE,
          NoopToxic.TYPE);

  private static final Map<String, ToxicType> BUILT_IN =
      ALL.stream().collect(Collectors.toUnmodifiableMap(ToxicType::name, Function.identity()));

  private ToxicTypes() {}

  /** The type registered under {@code name} (exact, case-sensitive), or null. */
  public static ToxicType byName(String name) {
    return BUILT_IN.get(name);
  }

  /** Every registered type. */
  public static List<ToxicType> all() {
    return ALL;
  }
}
