package io.relayharness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayharness.ledger.SinkArrival;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's own relay config directory, run as written: the shipped piler relay example
 * (main.cf, master.cf, a hash: transport to relay:workers.int.example.com, a regexp: recipient
 * table, a certificate it does not ship) delivers through the topology's workers; a config Postfix
 * rejects fails the start with Postfix's own words.
 */
class OperatorConfigIT {

  private static final Path EXAMPLE = Path.of("scenarios/relay-configs/piler-relay");

  @TempDir Path dir;

  @Test
  void shouldDeliverThroughThePilerRelayExampleToEveryWorker() throws Exception {
    try (MailTopology topology =
        MailTopology.builder().configDir(EXAMPLE.toAbsolutePath(), 25).workers(3).build()) {
      topology.start();
      Relay relay = topology.relay();
      Map<String, String> settings = relay.effectiveSettings();
      assertThat(settings)
          .as("the relay's postconf -n: the operator's settings as written")
          .containsEntry("transport_maps", "hash:/etc/postfix/transport")
          .containsEntry("relay_recipient_maps", "regexp:/etc/postfix/relay_recipients.regexp")
          .containsEntry("myhostname", "relay.int.example.com")
          .containsEntry(
              "smtpd_relay_restrictions", "permit_mynetworks, reject_unauth_destination");
      assertThat(settings)
          .as("the relay's postconf -n: the settings the harness owns")
          .containsEntry("maillog_file", "/dev/stdout")
          .containsEntry("smtp_tcp_port", "2525")
          .containsEntry("inet_interfaces", "all")
          .containsEntry("smtpd_tls_cert_file", "/etc/ssl/certs/ssl-cert-snakeoil.pem");
      assertThat(relay.exec("postmap", "-q", "archive.example.com", "hash:/etc/postfix/transport"))
          .as("the transport compiled in the container")
          .isEqualToIgnoringNewLines("relay:workers.int.example.com");
      assertThat(relay.exec("postconf", "-F", "smtp/inet/chroot", "relay/unix/chroot"))
          .as("chroot of the operator's services")
          .isEqualTo("smtp/inet/chroot = n\nrelay/unix/chroot = n\n");

      TestMail mail = new TestMail(relay.host(), relay.smtpPort());
      List<String> ids = mail.send("operator", 150, 6);
      Map<String, List<SinkArrival>> arrivals = awaitArrivals(topology, ids);

      assertThat(arrivals.values())
          .as("arrivals per message id")
          .allSatisfy(a -> assertThat(a).hasSize(1));
      assertThat(
              arrivals.values().stream()
                  .flatMap(List::stream)
                  .collect(Collectors.groupingBy(SinkArrival::worker, Collectors.counting())))
          .as("messages per worker through the operator's transport")
          .containsOnlyKeys("worker0", "worker1", "worker2");
      assertThat(relay.log())
          .as("the relay's log")
          .contains("relay: set by the harness:")
          .contains("relay=worker");
    }
  }

  @Test
  void shouldCompileAnLmdbTransportAndAnswerABracketedNextHopWithItsWorker() throws Exception {
    Files.writeString(
        dir.resolve("main.cf"),
        "mydestination =\n"
            + "relay_domains = archive.example.com\n"
            + "relay_recipient_maps = pcre:/etc/postfix/recipients.pcre\n"
            + "smtpd_relay_restrictions = reject_unauth_destination\n"
            + "transport_maps = lmdb:/etc/postfix/transport\n");
    Files.writeString(
        dir.resolve("transport"), "archive.example.com  smtp:[archive1.corp.example]\n");
    Files.writeString(dir.resolve("recipients.pcre"), "/@archive\\.example\\.com$/ OK\n");
    try (MailTopology topology = MailTopology.builder().configDir(dir, 25).workers(2).build()) {
      topology.start();
      Relay relay = topology.relay();
      assertThat(relay.exec("getent", "hosts", "archive1.corp.example"))
          .as("the bracketed next hop's A record")
          .startsWith("127.0.1.10 ");

      TestMail mail = new TestMail(relay.host(), relay.smtpPort());
      List<String> ids = mail.send("lmdb", 30, 3);
      Map<String, List<SinkArrival>> arrivals = awaitArrivals(topology, ids);

      assertThat(
              arrivals.values().stream()
                  .flatMap(List::stream)
                  .map(SinkArrival::worker)
                  .collect(Collectors.toSet()))
          .as("workers reached through [archive1.corp.example] (the first bracketed name)")
          .containsExactly("worker0");
    }
  }

  @Test
  void shouldFailTheStartWithPostfixsOwnWordsForAMainCfPostfixRejects() throws IOException {
    Files.writeString(
        dir.resolve("main.cf"), "relay_domains = archive.example.com\nmail_owner = no-such-user\n");
    MailTopology topology = MailTopology.builder().configDir(dir, 25).build();
    try {
      assertThatThrownBy(topology::start)
          .as("start of a relay whose main.cf names an unknown mail owner")
          .isInstanceOf(Relay.RelayStartException.class)
          .hasMessageContaining("mail_owner")
          .hasMessageContaining("no-such-user");
    } finally {
      topology.stop();
    }
  }

  @Test
  void shouldRefuseAMissingMapBeforeStartingAnything() throws IOException {
    Files.writeString(dir.resolve("main.cf"), "transport_maps = hash:/etc/postfix/transport\n");

    assertThatThrownBy(() -> MailTopology.builder().configDir(dir, 25).build())
        .as("building a topology on a config whose transport is missing")
        .hasMessageContaining(dir.resolve("main.cf") + " line 1")
        .hasMessageContaining("transport_maps names hash:/etc/postfix/transport");
  }

  private static Map<String, List<SinkArrival>> awaitArrivals(
      MailTopology topology, List<String> ids) {
    Set<String> wanted = Set.copyOf(ids);
    @SuppressWarnings("unchecked")
    Map<String, List<SinkArrival>>[] seen = new Map[] {Map.of()};
    Waits.until(
        ids.size() + " messages in the sink ledgers",
        Duration.ofSeconds(60),
        250,
        () -> {
          seen[0] =
              topology.sinks().stream()
                  .flatMap(s -> s.ledger().stream())
                  .filter(a -> wanted.contains(a.harnessId()))
                  .collect(Collectors.groupingBy(SinkArrival::harnessId));
          return seen[0].keySet().containsAll(wanted);
        },
        () -> seen[0].size() + " of " + ids.size() + " arrived; relay log tail: " + tail(topology));
    return seen[0];
  }

  private static String tail(MailTopology topology) {
    List<String> lines = topology.relay().log().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }
}
