package io.relayharness.observe;

import io.relayharness.ledger.AcceptedMail;
import io.relayharness.ledger.SinkArrival;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a verdict may look at after a run: the injector's ledger, the sinks' arrivals, the
 * relay's attempts, warnings and per-queue-id facts, queue samples, faults and named windows, rate
 * samples and the relay's settings; plus what is derived from them (timelines, load figures, retry
 * timers). Build with {@link #builder()} or read with {@link RunFolder#readObservations()}.
 * Immutable; thread-safe.
 */
public final class RunObservations {

  private final long runStartEpochMs;
  private final Long runEndEpochMs;
  private final List<AcceptedMail> accepted;
  private final List<SinkArrival> arrivals;
  private final List<DeliveryAttempt> attempts;
  private final List<RelayWarning> warnings;
  private final Map<String, RelayMessage> relayMessages;
  private final Map<String, String> messageIdsByQueueId;
  private final List<QueueSample> queueSamples;
  private final List<FaultEvent> faults;
  private final Map<String, TimeWindow> windows;
  private final List<RateSample> rates;
  private final Map<String, String> relaySettings;
  private final Map<String, String> relayDefaults;
  private final RelayTimers relayTimers;
  private final List<MessageTimeline> timelines;
  private final LoadStats loadStats;
  private final ArrivalIndex arrivalIndex;
  private final TierObservations tiers;

  private RunObservations(Builder b) {
    runStartEpochMs = b.runStartEpochMs;
    runEndEpochMs = b.runEndEpochMs;
    accepted = List.copyOf(b.accepted);
    arrivals = List.copyOf(b.arrivals);
    attempts = List.copyOf(b.attempts);
    warnings = List.copyOf(b.warnings);
    relayMessages = Collections.unmodifiableMap(new LinkedHashMap<>(b.relayMessages));
    Map<String, String> mids = new LinkedHashMap<>();
    relayMessages.forEach(
        (qid, m) -> {
          if (m.messageId() != null) {
            mids.put(qid, m.messageId());
          }
        });
    mids.putAll(b.messageIds);
    messageIdsByQueueId = Collections.unmodifiableMap(mids);
    queueSamples =
        b.queueSamples.stream()
            .sorted(java.util.Comparator.comparingLong(QueueSample::epochMs))
            .toList();
    faults = List.copyOf(b.faults);
    Map<String, TimeWindow> w = windowsOf(faults);
    w.putAll(b.windows);
    windows = Collections.unmodifiableMap(w);
    rates = List.copyOf(b.rates);
    relaySettings = Collections.unmodifiableMap(new LinkedHashMap<>(b.relaySettings));
    relayDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(b.relayDefaults));
    relayTimers = RelayTimers.from(relaySettings, relayDefaults);
    timelines = List.copyOf(TimelineJoin.join(accepted, arrivals, attempts, messageIdsByQueueId));
    loadStats = LoadStats.of(accepted);
    arrivalIndex = new ArrivalIndex(arrivals);
    tiers = b.tiers;
  }

  /** What the relays of a relay tier saw, if the run had one. */
  public Optional<TierObservations> tiers() {
    return Optional.ofNullable(tiers);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns each named timeline step's window: from its first event's start to its last end. */
  public static Map<String, TimeWindow> windowsOf(List<FaultEvent> faults) {
    Map<String, TimeWindow> out = new LinkedHashMap<>();
    for (FaultEvent f : faults) {
      if (f.step() != null) {
        TimeWindow own = new TimeWindow(f.startEpochMs(), f.endEpochMs());
        if (f.endEpochMs() == null && !isLasting(f.action())) {
          own = new TimeWindow(f.startEpochMs(), f.startEpochMs());
        }
        out.merge(f.step(), own, TimeWindow::span);
      }
    }
    return out;
  }

  /**
   * Returns each named step's span in which its faults were surely in effect: from the last event's
   * end of apply to the first event's start of undo (see {@link FaultEvent#inEffect()}).
   */
  public static Map<String, TimeWindow> inEffectWindowsOf(List<FaultEvent> faults) {
    Map<String, TimeWindow> out = new LinkedHashMap<>();
    for (FaultEvent f : faults) {
      if (f.step() != null) {
        TimeWindow own = f.inEffect();
        if (f.endEpochMs() == null && !isLasting(f.action())) {
          own = new TimeWindow(own.startEpochMs(), own.startEpochMs());
        }
        out.merge(f.step(), own, TimeWindow::intersect);
      }
    }
    return out;
  }

  private static boolean isLasting(String action) {
    return !"relay-restart".equals(action) && !"dns".equals(action);
  }

  /** When the run started (0 when unknown). */
  public long runStartEpochMs() {
    return runStartEpochMs;
  }

  /** When the run ended, or null when unknown. */
  public Long runEndEpochMs() {
    return runEndEpochMs;
  }

  /** The injector's ledger, as written. */
  public List<AcceptedMail> accepted() {
    return accepted;
  }

  /** Every sink's arrivals. */
  public List<SinkArrival> arrivals() {
    return arrivals;
  }

  /** The relay's delivery attempts, in log order. */
  public List<DeliveryAttempt> attempts() {
    return attempts;
  }

  /** The relay's warnings, in log order. */
  public List<RelayWarning> warnings() {
    return warnings;
  }

  /** What the relay log says per queue id (empty when no relay log was read). */
  public Map<String, RelayMessage> relayMessages() {
    return relayMessages;
  }

  /** Queue id → Message-ID as the relay's cleanup daemon logged it. */
  public Map<String, String> messageIdsByQueueId() {
    return messageIdsByQueueId;
  }

  /** Queue samples, in time order. */
  public List<QueueSample> queueSamples() {
    return queueSamples;
  }

  /** The faults the engine applied. */
  public List<FaultEvent> faults() {
    return faults;
  }

  /** Named windows: those given to the builder, else derived from the faults' step names. */
  public Map<String, TimeWindow> windows() {
    return windows;
  }

  /** Returns the window called {@code name}, if any. */
  public Optional<TimeWindow> window(String name) {
    return Optional.ofNullable(windows.get(name));
  }

  /** Per-second rate samples. */
  public List<RateSample> rates() {
    return rates;
  }

  /** The relay's effective settings ({@code postconf -n}). */
  public Map<String, String> relaySettings() {
    return relaySettings;
  }

  /** The relay's defaults for the same names ({@code postconf -d}). */
  public Map<String, String> relayDefaults() {
    return relayDefaults;
  }

  /** The relay's retry timers, parsed from its settings. */
  public RelayTimers relayTimers() {
    return relayTimers;
  }

  /** One timeline per harness id of the ledger. */
  public List<MessageTimeline> timelines() {
    return timelines;
  }

  /** Load-side figures from the ledger. */
  public LoadStats loadStats() {
    return loadStats;
  }

  /** Arrivals grouped per message. */
  public ArrivalIndex arrivalIndex() {
    return arrivalIndex;
  }

  /** Collects observations; not thread-safe. */
  public static final class Builder {
    private long runStartEpochMs;
    private Long runEndEpochMs;
    private final List<AcceptedMail> accepted = new ArrayList<>();
    private final List<SinkArrival> arrivals = new ArrayList<>();
    private final List<DeliveryAttempt> attempts = new ArrayList<>();
    private final List<RelayWarning> warnings = new ArrayList<>();
    private final Map<String, RelayMessage> relayMessages = new LinkedHashMap<>();
    private final Map<String, String> messageIds = new LinkedHashMap<>();
    private final List<QueueSample> queueSamples = new ArrayList<>();
    private final List<FaultEvent> faults = new ArrayList<>();
    private final Map<String, TimeWindow> windows = new LinkedHashMap<>();
    private final List<RateSample> rates = new ArrayList<>();
    private final Map<String, String> relaySettings = new LinkedHashMap<>();
    private final Map<String, String> relayDefaults = new LinkedHashMap<>();
    private TierObservations tiers;

    private Builder() {}

    /** Sets what the relays of a relay tier saw. */
    public Builder tiers(TierObservations observed) {
      this.tiers = observed;
      return this;
    }

    /** Sets the run's start and end (end may be null). */
    public Builder run(long startEpochMs, Long endEpochMs) {
      this.runStartEpochMs = startEpochMs;
      this.runEndEpochMs = endEpochMs;
      return this;
    }

    /** Adds injector ledger records. */
    public Builder accepted(List<AcceptedMail> records) {
      accepted.addAll(records);
      return this;
    }

    /** Adds sink arrivals. */
    public Builder arrivals(List<SinkArrival> records) {
      arrivals.addAll(records);
      return this;
    }

    /** Adds delivery attempts. */
    public Builder attempts(List<DeliveryAttempt> records) {
      attempts.addAll(records);
      return this;
    }

    /** Adds relay warnings. */
    public Builder warnings(List<RelayWarning> records) {
      warnings.addAll(records);
      return this;
    }

    /** Adds per-queue-id facts from the relay log. */
    public Builder relayMessages(Map<String, RelayMessage> byQueueId) {
      relayMessages.putAll(byQueueId);
      return this;
    }

    /** Adds queue id → Message-ID pairs (on top of those in the relay messages). */
    public Builder messageIds(Map<String, String> messageIdsByQueueId) {
      messageIds.putAll(messageIdsByQueueId);
      return this;
    }

    /** Takes attempts, warnings and per-queue-id facts from a parser that read the relay log. */
    public Builder relayLog(RelayLogParser parser) {
      attempts(parser.attempts());
      warnings(parser.warnings());
      relayMessages(parser.messages());
      return this;
    }

    /** Adds queue samples. */
    public Builder queueSamples(List<QueueSample> records) {
      queueSamples.addAll(records);
      return this;
    }

    /** Adds fault events (their step names become windows). */
    public Builder faults(List<FaultEvent> records) {
      faults.addAll(records);
      return this;
    }

    /** Names a window explicitly (overrides one derived from faults). */
    public Builder window(String name, long startEpochMs, Long endEpochMs) {
      windows.put(name, new TimeWindow(startEpochMs, endEpochMs));
      return this;
    }

    /** Adds named windows. */
    public Builder windows(Map<String, TimeWindow> named) {
      windows.putAll(named);
      return this;
    }

    /** Adds rate samples. */
    public Builder rates(List<RateSample> records) {
      rates.addAll(records);
      return this;
    }

    /** Sets the relay's effective settings ({@code postconf -n}). */
    public Builder relaySettings(Map<String, String> settings) {
      relaySettings.putAll(settings);
      return this;
    }

    /** Sets the relay's defaults ({@code postconf -d}). */
    public Builder relayDefaults(Map<String, String> defaults) {
      relayDefaults.putAll(defaults);
      return this;
    }

    /** Builds the bundle (joins the timelines). */
    public RunObservations build() {
      return new RunObservations(this);
    }
  }
}
