package io.relayharness.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.relay.OperatorConfig.HarnessSetting;
import io.relayharness.relay.OperatorConfig.NextHop;
import io.relayharness.relay.OperatorConfig.TableFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an operator's relay config directory: next hops, tables, what the harness owns. */
class OperatorConfigTest {

  private static final Path EXAMPLE = Path.of("scenarios/relay-configs/piler-relay");

  @TempDir Path dir;

  private OperatorConfig config(String mainCf, String... files) throws IOException {
    Files.writeString(dir.resolve("main.cf"), mainCf);
    for (int i = 0; i < files.length; i += 2) {
      Path f = dir.resolve(files[i]);
      Files.createDirectories(f.getParent());
      Files.writeString(f, files[i + 1]);
    }
    return OperatorConfig.read(dir);
  }

  @Test
  void shouldReadTheShippedPilerRelayWithoutProblems() {
    OperatorConfig c = OperatorConfig.read(EXAMPLE);

    assertThat(c.problems(3, 25)).as("problems of the shipped example").isEmpty();
    assertThat(c.nextHops())
        .as("next hops of the example's transport")
        .extracting(NextHop::host, NextHop::mxLookup, NextHop::port)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("workers.int.example.com", true, Optional.empty()));
    assertThat(c.nextHops().get(0).where())
        .as("where the next hop is written")
        .endsWith("transport line 3");
    assertThat(c.tables())
        .as("tables the example names")
        .extracting(TableFile::type, TableFile::containerPath, TableFile::postmap)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "regexp", "/etc/postfix/relay_recipients.regexp", false),
            org.assertj.core.groups.Tuple.tuple("hash", "/etc/postfix/transport", true));
    assertThat(c.mxNames())
        .as("names answered with MX records to the workers")
        .containsExactly("workers.int.example.com", "archive.example.com");
    assertThat(c.hasMasterCf()).as("the example has its own master.cf").isTrue();
  }

  @Test
  void shouldListTheSettingsTheHarnessOwnsIncludingAMissingCertificate() {
    OperatorConfig c = OperatorConfig.read(EXAMPLE);

    assertThat(c.harnessSettings())
        .as("settings the harness sets instead of the directory's")
        .extracting(HarnessSetting::name, HarnessSetting::value)
        .contains(
            org.assertj.core.groups.Tuple.tuple("maillog_file", "/dev/stdout"),
            org.assertj.core.groups.Tuple.tuple("inet_interfaces", "all"),
            org.assertj.core.groups.Tuple.tuple("smtp_tcp_port", "2525"),
            org.assertj.core.groups.Tuple.tuple("master.cf", "chroot = n for every service"),
            org.assertj.core.groups.Tuple.tuple(
                "smtpd_tls_cert_file", "/etc/ssl/certs/ssl-cert-snakeoil.pem"),
            org.assertj.core.groups.Tuple.tuple(
                "smtpd_tls_key_file", "/etc/ssl/private/ssl-cert-snakeoil.key"));
    assertThat(c.harnessFile())
        .as("the file the relay applies last")
        .contains("maillog_file = /dev/stdout")
        .contains("smtp_tcp_port = 2525")
        .doesNotContain("master.cf");
    assertThat(c.harnessSettingsText())
        .as("the run folder's list")
        .contains("smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem  # ")
        .contains("relay.int.example.com.pem")
        .contains("dns: workers.int.example.com MX -> the workers");
  }

  @Test
  void shouldRefuseAMapThatIsNamedButMissingNamingFileLineAndSetting() throws IOException {
    OperatorConfig c =
        config(
            "relay_domains = archive.example.com\ntransport_maps = hash:/etc/postfix/transport\n");

    assertThat(c.problems())
        .as("problems of a config whose transport file is missing")
        .singleElement()
        .asString()
        .contains(dir.resolve("main.cf") + " line 2")
        .contains("transport_maps names hash:/etc/postfix/transport")
        .contains("has no file 'transport'");
  }

  @Test
  void shouldFindMapsByTheirPathBelowEtcPostfixAndCompileOnlyDatabaseTypes() throws IOException {
    OperatorConfig c =
        config(
            "transport_maps = hash:$config_directory/maps/transport,"
                + " texthash:/etc/postfix/extra-transport\n"
                + "smtpd_client_restrictions = check_client_access cidr:/etc/postfix/clients.cidr\n"
                + "smtp_tls_session_cache_database = btree:/var/lib/postfix/smtp_scache\n",
            "maps/transport",
            "archive.example.com relay:[archive1.corp.example]\n",
            "extra-transport",
            "journal.example.com smtp:[archive2.corp.example]:2525\n",
            "clients.cidr",
            "10.0.0.0/8 OK\n");

    assertThat(c.problems()).as("problems").isEmpty();
    assertThat(c.tables())
        .as("tables found (the session cache is Postfix's own and not looked for)")
        .extracting(TableFile::containerPath, TableFile::postmap)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/etc/postfix/maps/transport", true),
            org.assertj.core.groups.Tuple.tuple("/etc/postfix/extra-transport", false),
            org.assertj.core.groups.Tuple.tuple("/etc/postfix/clients.cidr", false));
    assertThat(c.filePlan())
        .as("the entrypoint's copy plan")
        .isEqualTo(
            "0 /etc/postfix/maps/transport hash\n"
                + "1 /etc/postfix/extra-transport -\n"
                + "2 /etc/postfix/clients.cidr -\n");
  }

  @Test
  void shouldGiveBracketedNamesOneWorkerEachInOrderOfAppearance() throws IOException {
    OperatorConfig c =
        config(
            "relayhost = [smarthost.corp.example]\n"
                + "transport_maps = regexp:/etc/postfix/transport.regexp,"
                + " inline:{{ bcc.example.com = relay:[worker2.int.example.com]:2525 }}\n",
            "transport.regexp",
            "if /example\\.com$/\n"
                + "/^archive\\.example\\.com$/   relay:[archive1.corp.example]\n"
                + "/^journal\\.example\\.com$/i  relay:[archive1.corp.example], [archive2.corp.example]\n"
                + "/^old\\.example\\.com$/      error:5.1.1 gone\n"
                + "endif\n");

    assertThat(c.problems()).as("problems").isEmpty();
    assertThat(c.aliasWorkers())
        .as("bracketed names and their workers")
        .containsExactly(
            Map.entry("smarthost.corp.example", "worker0"),
            Map.entry("archive1.corp.example", "worker1"),
            Map.entry("archive2.corp.example", "worker2"),
            Map.entry("worker2.int.example.com", "worker2"));
    assertThat(c.problems(2, 25))
        .as("problems with two workers")
        .satisfiesExactlyInAnyOrder(
            p ->
                assertThat(p)
                    .contains("transport.regexp line 3")
                    .contains("[archive2.corp.example] needs worker2")
                    .contains("worker0..worker1"),
            p ->
                assertThat(p)
                    .contains("main.cf line 2 transport_maps entry 1")
                    .contains("[worker2.int.example.com] needs worker2"));
    String zone = c.zone(DnsZone.equalPreference(3)).toDnsmasq();
    assertThat(zone)
        .as("the zone answers the bracketed names with A records")
        .contains("host-record=archive1.corp.example,127.0.1.11")
        .contains("host-record=smarthost.corp.example,127.0.1.10");
    assertThat(zone.split("host-record=worker2.int.example.com,", -1))
        .as("a worker's own name keeps its one A record")
        .hasSize(2);
  }

  @Test
  void shouldRefuseNextHopsTheWorkersCannotAnswer() throws IOException {
    OperatorConfig c =
        config(
            "relayhost = [10.1.2.3]\n"
                + "transport_maps = hash:/etc/postfix/transport\n"
                + "default_transport = lmtp:archive.example.com\n",
            "transport",
            "archive.example.com smtp:[archive.corp.example]:25\n"
                + "journal.example.com relay:localhost\n");

    assertThat(c.problems())
        .as("problems")
        .satisfiesExactlyInAnyOrder(
            p -> assertThat(p).contains("main.cf line 1 relayhost").contains("is an address"),
            p ->
                assertThat(p)
                    .contains("transport line 1")
                    .contains("names port 25")
                    .contains("smtp_tcp_port = 2525"),
            p -> assertThat(p).contains("transport line 2").contains("the relay itself"),
            p -> assertThat(p).contains("default_transport").contains("LMTP"));
  }

  @Test
  void shouldRefuseTableTypesTheImageLacksAndValuesPostfixRejects() throws IOException {
    OperatorConfig c =
        config(
            "transport_maps = mysql:/etc/postfix/transport.cf\n"
                + "minimal_backoff_time = banana\n"
                + "this is not a setting\n");

    assertThat(c.problems())
        .as("problems")
        .satisfiesExactlyInAnyOrder(
            p -> assertThat(p).contains("line 1").contains("mysql:").contains("cannot open"),
            p ->
                assertThat(p)
                    .contains("line 2: minimal_backoff_time: 'banana' is not a Postfix time"),
            p -> assertThat(p).contains("line 3: not 'name = value'"));
  }

  @Test
  void shouldRequireTheListenerTheLoadConnectsToAndKeepTheProxyPortsFree() throws IOException {
    OperatorConfig c =
        config(
            "relay_domains = archive.example.com\n",
            "master.cf",
            "submission inet n - n - - smtpd\n"
                + "  -o smtpd_tls_security_level=encrypt\n"
                + "2525 inet n - n - - smtpd\n"
                + "relay unix - - n - - smtp\n");

    assertThat(c.problems(3, 25))
        .as("problems for a load on port 25")
        .anySatisfy(p -> assertThat(p).contains("master.cf").contains("no 'smtp inet' service"))
        .anySatisfy(p -> assertThat(p).contains("master.cf line 3").contains("2525"));
    assertThat(c.problems(3, 587))
        .as("problems for a load on port 587")
        .noneSatisfy(p -> assertThat(p).contains("no 'submission inet'"));
    Files.delete(dir.resolve("master.cf"));
    assertThat(OperatorConfig.read(dir).problems(3, 587))
        .as("problems for a load on port 587 without a master.cf")
        .singleElement()
        .asString()
        .contains("no master.cf");
    assertThat(c.masterOptions())
        .as("master.cf -o settings")
        .extracting(OperatorConfig.Setting::name)
        .containsExactly("smtpd_tls_security_level");
  }

  @Test
  void shouldAnswerTheNextHopsOfARunsOverridesToo() throws IOException {
    Files.writeString(dir.resolve("main.cf"), "relay_domains = archive.example.com\n");

    OperatorConfig c =
        OperatorConfig.read(
            dir,
            Map.of(
                "transport_maps", "inline:{archive.example.com=relay:[workers.int.example.com]}"));

    assertThat(c.aliasWorkers())
        .as("bracketed names of the overrides")
        .containsExactly(Map.entry("workers.int.example.com", "worker0"));
    assertThat(c.nextHops().get(0).where())
        .as("where")
        .isEqualTo("relay.overrides transport_maps entry 1");
  }

  @Test
  void shouldRefuseADirectoryWithoutMainCf() {
    assertThat(OperatorConfig.read(dir.resolve("nope")).problems())
        .as("problems of a missing directory")
        .singleElement()
        .asString()
        .contains("no such directory");
    assertThat(OperatorConfig.read(dir).problems())
        .as("problems of a directory without main.cf")
        .singleElement()
        .asString()
        .contains("no main.cf");
  }

  @Test
  void shouldKeepAConfigsNamesWhenTheZoneChanges() {
    DnsZone zone =
        DnsZone.equalPreference(3)
            .withNames(
                java.util.Set.of("archive.example.com"), Map.of("a.corp.example", "worker1"));

    DnsZone changed = DnsZone.of(Map.of("worker0", 10, "worker2", 20)).withNamesOf(zone);

    assertThat(changed.toDnsmasq())
        .as("zone after a change")
        .contains("mx-host=archive.example.com,worker0.int.example.com,10")
        .contains("mx-host=archive.example.com,worker2.int.example.com,20")
        .doesNotContain("mx-host=archive.example.com,worker1")
        .contains("mx-host=workers.int.example.com,worker2.int.example.com,20")
        .contains("host-record=a.corp.example,127.0.1.11");
    assertThat(List.of(changed.extraMxNames(), changed.aliases().keySet()))
        .as("names kept")
        .containsExactly(
            java.util.Set.of("archive.example.com"), java.util.Set.of("a.corp.example"));
  }
}
