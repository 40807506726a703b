package io.relayharness.vocab;

import static io.relayharness.vocab.ToxicAttribute.optional;
import static io.relayharness.vocab.ToxicAttribute.required;

import io.relayharness.vocab.ToxicAttribute.Unit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The toxic types of Toxiproxy 2.12.0 with their attributes (JSON order, units, Go types): the one
 * list behind the scenario schema's {@code timeline[].type} choice, the timeline parser's attribute
 * checks, the fault target's Toxiproxy calls and the fault proxy's registry of types. Order is the
 * order of the schema's choice. Immutable; thread-safe.
 */
public enum ToxicKind {
  /** Delays every chunk by {@code latency ± jitter}. */
  LATENCY(
      "latency",
      "LatencyToxic",
      true,
      required("latency", Unit.MILLISECONDS, "int64"),
      optional("jitter", Unit.MILLISECONDS, "int64")),
  /** Limits the rate. */
  BANDWIDTH("bandwidth", "BandwidthToxic", true, required("rate", Unit.KB_PER_SECOND, "int64")),
  /** Stops the data, closes the link after the timeout (0 = never). */
  TIMEOUT("timeout", "TimeoutToxic", true, optional("timeout", Unit.MILLISECONDS, "int64")),
  /** Resets the connection (RST) after the timeout. */
  RESET_PEER("reset_peer", "ResetToxic", true, optional("timeout", Unit.MILLISECONDS, "int64")),
  /** Delays the close. */
  SLOW_CLOSE("slow_close", "SlowCloseToxic", true, optional("delay", Unit.MILLISECONDS, "int64")),
  /** Closes the link after that many bytes. */
  LIMIT_DATA("limit_data", "LimitDataToxic", true, required("bytes", Unit.BYTES, "int64")),
  /** Cuts the data into small chunks. */
  SLICER(
      "slicer",
      "SlicerToxic",
      true,
      required("average_size", Unit.BYTES, "int"),
      optional("size_variation", Unit.BYTES, "int"),
      optional("delay", Unit.MICROSECONDS, "int")),
  /** Passes data unchanged; registered by the server, not offered in scenario files. */
  NOOP("noop", "NoopToxic", false);

  private final String apiName;
  private final String goStructName;
  private final boolean inScenarios;
  private final List<ToxicAttribute> attributes;

  ToxicKind(
      String apiName, String goStructName, boolean inScenarios, ToxicAttribute... attributes) {
    this.apiName = apiName;
    this.goStructName = goStructName;
    this.inScenarios = inScenarios;
    this.attributes = List.of(attributes);
  }

  /** The {@code type} in the Toxiproxy API and in scenario files ({@code latency}). */
  public String apiName() {
    return apiName;
  }

  /** The struct name in the real server ({@code LatencyToxic}), used in its error texts. */
  public String goStructName() {
    return goStructName;
  }

  /** Whether scenario files may name this type. */
  public boolean inScenarios() {
    return inScenarios;
  }

  /** The attributes in the API's JSON order. */
  public List<ToxicAttribute> attributes() {
    return attributes;
  }

  /** The attributes' names in JSON order. */
  public List<String> attributeNames() {
    return attributes.stream().map(ToxicAttribute::name).toList();
  }

  /** The attribute a scenario must give, if any. */
  public Optional<ToxicAttribute> requiredAttribute() {
    return attributes.stream().filter(ToxicAttribute::required).findFirst();
  }

  /** The type with API name {@code name} (exact, case-sensitive). */
  public static Optional<ToxicKind> byApiName(String name) {
    return Arrays.stream(values()).filter(k -> k.apiName.equals(name)).findFirst();
  }

  /** The types scenario files may name, in schema order. */
  public static List<ToxicKind> scenarioKinds() {
    return Arrays.stream(values()).filter(ToxicKind::inScenarios).toList();
  }

  /** The API names of {@link #scenarioKinds()}. */
  public static List<String> scenarioNames() {
    return scenarioKinds().stream().map(ToxicKind::apiName).toList();
  }
}
