package io.relayharness.faults;

import static io.relayharness.vocab.ToxicKind.TIMEOUT;

import io.relayharness.vocab.ToxicStream;
import java.util.Map;

/**
 * Makes the workers accept connections and never answer: a {@code timeout} toxic with timeout 0 on
 * both streams (data dropped, connection never closed); undo removes both toxics.
 *
 * @param scope the workers
 * @param toxicPrefix prefix of the two toxics' names ({@code -up}, {@code -down} appended)
 */
public record Blackhole(FaultScope scope, String toxicPrefix) implements FaultAction {

  /** The name in scenario files. */
  public static final String NAME = "blackhole";

  /** Timeout 0: data dropped, the link never closed. */
  private static final Map<String, Long> NEVER = Map.of(TIMEOUT.attributeNames().get(0), 0L);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String detail() {
    return "accepts, never answers (timeout toxic 0 on both streams)";
  }

  @Override
  public Undo apply(FaultTarget target) {
    for (String w : scope.workers()) {
      for (ToxicStream stream : ToxicStream.values()) {
        target.addToxic(w, toxicName(stream), TIMEOUT.apiName(), stream.apiName(), 1.0, NEVER);
      }
    }
    return t -> {
      for (String w : scope.workers()) {
        for (ToxicStream stream : ToxicStream.values()) {
          t.removeToxic(w, toxicName(stream));
        }
      }
    };
  }

  /** The toxic's name on one stream: prefix + {@code -up} or {@code -down}. */
  private String toxicName(ToxicStream stream) {
    return toxicPrefix + (stream == ToxicStream.UPSTREAM ? "-up" : "-down");
  }
}
