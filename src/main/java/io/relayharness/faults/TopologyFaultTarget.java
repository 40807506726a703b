package io.relayharness.faults;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.relayharness.relay.DnsZone;
import io.relayharness.topology.MailTopology;
import io.relayharness.vocab.ToxicKind;
import io.relayharness.vocab.ToxicStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The timeline's actions applied to a running {@link MailTopology}: proxy state and toxics through
 * the Toxiproxy client, container actions through the engine, SMTP faults through each sink's HTTP
 * control, MX changes through the holder's dnsmasq. Thread-safe as far as the topology is.
 */
public final class TopologyFaultTarget implements FaultTarget {

  private final MailTopology topology;

  public TopologyFaultTarget(MailTopology topology) {
    this.topology = topology;
  }

  @Override
  public void setProxyEnabled(String worker, boolean enabled) {
    topology.faultProxy().setEnabled(worker, enabled);
  }

  @Override
  public void addToxic(
      String link,
      String toxicName,
      String type,
      String stream,
      double toxicity,
      Map<String, Long> attributes) {
    ToxicDirection direction =
        ToxicStream.parse(stream).orElse(ToxicStream.DEFAULT) == ToxicStream.UPSTREAM
            ? ToxicDirection.UPSTREAM
            : ToxicDirection.DOWNSTREAM;
    ToxicKind kind =
        ToxicKind.byApiName(type)
            .orElseThrow(() -> new IllegalArgumentException("unknown toxic type '" + type + "'"));
    Attributes a = new Attributes(kind, attributes);
    var toxics = topology.faultProxy().proxy(link).toxics();
    try {
      var toxic =
          switch (kind) {
            case LATENCY ->
                toxics.latency(toxicName, direction, a.get("latency")).setJitter(a.get("jitter"));
            case BANDWIDTH -> toxics.bandwidth(toxicName, direction, a.get("rate"));
            case TIMEOUT -> toxics.timeout(toxicName, direction, a.get("timeout"));
            case RESET_PEER -> toxics.resetPeer(toxicName, direction, a.get("timeout"));
            case SLOW_CLOSE -> toxics.slowClose(toxicName, direction, a.get("delay"));
            case LIMIT_DATA -> toxics.limitData(toxicName, direction, a.get("bytes"));
            case SLICER ->
                toxics
                    .slicer(toxicName, direction, a.get("average_size"), a.get("delay"))
                    .setSizeVariation(a.get("size_variation"));
            case NOOP -> throw new IllegalArgumentException("toxic type 'noop' is not offered");
          };
      if (toxicity < 1.0) {
        toxic.setToxicity((float) toxicity);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add toxic " + toxicName + " to " + link, e);
    }
  }

  @Override
  public void removeToxic(String link, String toxicName) {
    try {
      topology.faultProxy().proxy(link).toxics().get(toxicName).remove();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove toxic " + toxicName + " from " + link, e);
    }
  }

  @Override
  public void killWorker(String worker) {
    topology.sink(worker).kill();
  }

  @Override
  public void startWorker(String worker) {
    topology.sink(worker).startAgain();
  }

  @Override
  public void pauseWorker(String worker) {
    topology.sink(worker).pause();
  }

  @Override
  public void unpauseWorker(String worker) {
    topology.sink(worker).unpause();
  }

  @Override
  public void restartRelay() {
    topology.relay().restart();
  }

  @Override
  public void restartRelay(String relay) {
    topology.tierRelay(relay).restart();
  }

  @Override
  public void killRelay(String relay) {
    topology.tierRelay(relay).kill();
  }

  @Override
  public void startRelay(String relay, boolean diskLost) {
    topology.tierRelay(relay).startAgain(diskLost);
  }

  @Override
  public void pauseRelay(String relay) {
    topology.tierRelay(relay).pause();
  }

  @Override
  public void unpauseRelay(String relay) {
    topology.tierRelay(relay).unpause();
  }

  @Override
  public void setRelayLinkEnabled(String relay, boolean enabled) {
    topology.faultProxy().setEnabled(relay, enabled);
  }

  @Override
  public String addSinkFault(String worker, Map<String, Object> fault) {
    Map<String, Object> answer = topology.sink(worker).client().addFault(fault);
    Object ids = answer.get("ids");
    return ids != null ? ids.toString() : String.valueOf(answer.get("id"));
  }

  @Override
  public void clearSinkFaults(String worker) {
    topology.sink(worker).client().clearFaults();
  }

  @Override
  public Map<String, Integer> mxRecords() {
    return topology.zone().preferences();
  }

  @Override
  public void setMxRecords(Map<String, Integer> workerPreference) {
    topology.setZone(DnsZone.of(workerPreference));
  }

  /** A toxic's attribute values, read by names checked against the kind's list (absent: 0). */
  private record Attributes(ToxicKind kind, Map<String, Long> values) {
    long get(String name) {
      if (!kind.attributeNames().contains(name)) {
        throw new IllegalStateException("toxic " + kind.apiName() + " has no attribute " + name);
      }
      Long value = values.get(name);
      return value == null ? 0 : value;
    }
  }
}
