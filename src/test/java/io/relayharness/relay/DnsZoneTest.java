package io.relayharness.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A relay's own view of the zone: only its worker pool behind the workers' MX name. */
class DnsZoneTest {

  private static final DnsZone ZONE =
      DnsZone.equalPreference(4).withRelays(Map.of("relay0", 10, "relay1", 10));

  @Test
  void shouldListOnlyThePoolAsMxHostsInAPoolView() {
    String view = ZONE.pool(List.of("worker2", "worker3")).toDnsmasq();
    assertThat(view.lines().filter(l -> l.startsWith("mx-host=" + DnsZone.MX_NAME + ",")))
        .containsExactly(
            "mx-host=workers.int.example.com,worker2.int.example.com,10",
            "mx-host=workers.int.example.com,worker3.int.example.com,10");
  }

  @Test
  void shouldKeepEveryWorkersAddressAndTheRelayRecordsInAPoolView() {
    String view = ZONE.pool(List.of("worker0")).toDnsmasq();
    assertThat(view)
        .as("a bracketed next hop still resolves any worker; the tier's records stay")
        .contains("host-record=worker3.int.example.com,127.0.1.13")
        .contains("mx-host=archive.example.com,relay1.relays.example.com,10");
  }

  @Test
  void shouldKeepAWorkerDroppedFromTheZoneOutOfItsPoolsView() {
    // a dns step that drops worker1 from the MX set changes every view that had it
    DnsZone dropped = DnsZone.of(Map.of("worker0", 10, "worker2", 10, "worker3", 10));
    assertThat(dropped.pool(List.of("worker0", "worker1")).preferences())
        .containsOnlyKeys("worker0");
  }

  @Test
  void shouldGiveEachRelayTwoViewAddressesOfItsOwn() {
    assertThat(RelayAddresses.dnsView(0)).containsExactly("127.0.4.10", "127.0.5.10");
    assertThat(RelayAddresses.dnsView(3)).containsExactly("127.0.4.13", "127.0.5.13");
  }
}
