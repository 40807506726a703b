package io.relayharness.faults;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.relayharness.relay.DnsZone;
import io.relayharness.topology.MailTopology;
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
      String worker,
      String toxicName,
      String type,
      String stream,
      double toxicity,
      Map<String, Long> attributes) {
    ToxicDirection direction =
        "upstream".equalsIgnoreCase(stream) ? ToxicDirection.UPSTREAM : ToxicDirection.DOWNSTREAM;
    var toxics = topology.faultProxy().proxy(worker).toxics();
    try {
      var toxic =
          switch (type) {
            case "latency" ->
                toxics
                    .latency(toxicName, direction, attr(attributes, "latency"))
                    .setJitter(attr(attributes, "jitter"));
            case "bandwidth" -> toxics.bandwidth(toxicName, direction, attr(attributes, "rate"));
            case "timeout" -> toxics.timeout(toxicName, direction, attr(attributes, "timeout"));
            case "reset_peer" ->
                toxics.resetPeer(toxicName, direction, attr(attributes, "timeout"));
            case "slow_close" -> toxics.slowClose(toxicName, direction, attr(attributes, "delay"));
            case "limit_data" -> toxics.limitData(toxicName, direction, attr(attributes, "bytes"));
            case "slicer" ->
                toxics
                    .slicer(
                        toxicName,
                        direction,
                        attr(attributes, "average_size"),
                        attr(attributes, "delay"))
                    .setSizeVariation(attr(attributes, "size_variation"));
            default -> throw new IllegalArgumentException("unknown toxic type '" + type + "'");
          };
      if (toxicity < 1.0) {
        toxic.setToxicity((float) toxicity);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add toxic " + toxicName + " to " + worker, e);
    }
  }

  @Override
  public void removeToxic(String worker, String toxicName) {
    try {
      topology.faultProxy().proxy(worker).toxics().get(toxicName).remove();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove toxic " + toxicName + " from " + worker, e);
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

  private static long attr(Map<String, Long> attributes, String name) {
    Long value = attributes.get(name);
    return value == null ? 0 : value;
  }
}
