package io.relayharness.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayharness.relay.PostfixParameters.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Relay override values Postfix 3.7 would refuse are found before any container starts. */
class PostfixParametersTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "minimal_backoff_time        | 5s",
        "minimal_backoff_time        | 300",
        "maximal_backoff_time        | 1h",
        "queue_run_delay             | 2m",
        "smtp_connect_timeout        | 0",
        "maximal_queue_lifetime      | 0",
        "maximal_queue_lifetime      | 100d",
        "bounce_queue_lifetime       | 10s",
        "delay_warning_time          | 4h",
        "smtp_connection_cache_on_demand | yes",
        "smtp_connection_cache_on_demand | No",
        "smtpd_client_message_rate_limit | 0",
        "smtpd_client_message_rate_limit | 300",
        "qmgr_message_active_limit   | 1",
        "default_destination_concurrency_limit | 0",
        "relay_destination_concurrency_limit | 20",
        "relay_destination_recipient_limit | 50",
        "worker_destination_rate_delay | 1s",
        "message_size_limit          | 10240000",
        "smtpd_tls_security_level    | may",
        "smtpd_tls_security_level    | ``",
        "minimal_backoff_time        | $queue_run_delay",
        "mynetworks                  | banana",
        "not_a_postfix_parameter     | banana",
      })
  void shouldAcceptWhatPostfixAccepts(String name, String value) {
    assertThat(PostfixParameters.problem(name, value)).as("%s = %s", name, value).isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "minimal_backoff_time  | banana | 'banana' is not a Postfix time value (e.g. 5s, 10m, 1h)",
        "minimal_backoff_time  | 5 s    | '5 s' is not a Postfix time value (e.g. 5s, 10m, 1h)",
        "minimal_backoff_time  | 5S     | '5S' is not a Postfix time value (e.g. 5s, 10m, 1h)",
        "minimal_backoff_time  | 1.5s   | '1.5s' is not a Postfix time value (e.g. 5s, 10m, 1h)",
        "minimal_backoff_time  | -5s    | '-5s' is not a Postfix time value (e.g. 5s, 10m, 1h)",
        "minimal_backoff_time  | 0      | '0' is too short: Postfix requires at least 1s",
        "queue_run_delay       | 0s     | '0s' is too short: Postfix requires at least 1s",
        "maximal_queue_lifetime | 3days | '3days' is not a Postfix time value"
            + " (e.g. 5s, 10m, 1h; a bare number counts days here)",
        "maximal_queue_lifetime | 101  | '101' is too long: Postfix allows at most 100d",
        "bounce_queue_lifetime | 15w    | '15w' is too long: Postfix allows at most 100d",
        "smtp_helo_timeout     | 9999999999s | '9999999999s' is too long for Postfix"
            + " (at most 2147483647s)",
        "smtp_connection_cache_on_demand | true1 | 'true1' is not a Postfix boolean (yes or no)",
        "smtp_connection_cache_on_demand | ``    | '' is not a Postfix boolean (yes or no)",
        "smtpd_client_message_rate_limit | ten   | 'ten' is not a whole number",
        "smtpd_client_message_rate_limit | -1    | '-1' is below the minimum 0",
        "smtpd_client_message_rate_limit | 3.5   | '3.5' is not a whole number",
        "smtpd_client_message_rate_limit | 99999999999 | '99999999999' is out of Postfix's"
            + " range (at most 2147483647)",
        "qmgr_message_active_limit       | 0     | '0' is below the minimum 1",
        "relay_destination_concurrency_limit | many | 'many' is not a whole number",
        "relay_initial_destination_concurrency | 0 | '0' is below the minimum 1",
        "default_delivery_slot_discount  | 101   | '101' is above the maximum 100",
        "message_size_limit | 10MB | '10MB' is not a size in bytes (a whole number, no unit)",
        "smtpd_tls_security_level | dane | 'dane' is not one of: \"\" (empty), none, may, encrypt,"
            + " fingerprint, verify, secure",
      })
  void shouldRefuseWhatPostfixRefuses(String name, String value, String message) {
    assertThat(PostfixParameters.problem(name, value)).as("%s = %s", name, value).contains(message);
  }

  @Test
  void shouldUseTheDefaultUnitsOfPostfix37() {
    assertThat(PostfixParameters.find("minimal_backoff_time").orElseThrow().defaultUnit())
        .as("minimal_backoff_time, default 300s")
        .isEqualTo('s');
    assertThat(PostfixParameters.find("maximal_queue_lifetime").orElseThrow().defaultUnit())
        .as("maximal_queue_lifetime, default 5d")
        .isEqualTo('d');
    assertThat(PostfixParameters.find("bounce_queue_lifetime").orElseThrow().defaultUnit())
        .as("bounce_queue_lifetime, default 5d")
        .isEqualTo('d');
    assertThat(PostfixParameters.find("delay_warning_time").orElseThrow().defaultUnit())
        .as("delay_warning_time, default 0h")
        .isEqualTo('h');
    assertThat(PostfixParameters.problem("maximal_queue_lifetime", "100"))
        .as("a bare 100 is 100 days, the largest lifetime Postfix allows")
        .isEmpty();
  }

  @Test
  void shouldKnowEveryTypedParameterTheScenariosAndVariantsSet() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(PROJECT.resolve("scenarios"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        names.addAll(overrideNames(Files.readString(f)));
      }
    }
    try (Stream<Path> files = Files.walk(PROJECT.resolve("docker/relay/configs"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().equals("main.cf")).toList()) {
        for (String line : Files.readAllLines(f)) {
          Matcher m = Pattern.compile("^([a-z][a-z0-9_]*)\\s*=").matcher(line);
          if (m.find()) {
            names.add(m.group(1));
          }
        }
      }
    }
    assertThat(names).as("parameters found in scenarios and main.cf files").isNotEmpty();
    // Free-form parameters (lists, lookup tables, restrictions) have no syntax to check.
    List<String> freeForm =
        List.of(
            "mynetworks",
            "smtpd_client_event_limit_exceptions",
            "smtpd_relay_restrictions",
            "mydestination",
            "local_transport",
            "relay_domains",
            "relay_recipient_maps",
            "transport_maps",
            "smtpd_sasl_local_domain");
    for (String name : names.stream().distinct().toList()) {
      if (!freeForm.contains(name)) {
        assertThat(PostfixParameters.find(name)).as("type of %s", name).isPresent();
      }
    }
  }

  @Test
  void shouldAcceptTheValuesTheVariantsShip() throws IOException {
    try (Stream<Path> files = Files.walk(PROJECT.resolve("docker/relay/configs"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().equals("main.cf")).toList()) {
        for (String line : Files.readAllLines(f)) {
          Matcher m = Pattern.compile("^([a-z][a-z0-9_]*)\\s*=\\s*(.*)$").matcher(line);
          if (m.matches()) {
            assertThat(PostfixParameters.problem(m.group(1), m.group(2)))
                .as("%s: %s", f, line)
                .isEmpty();
          }
        }
      }
    }
  }

  @Test
  void shouldTypeTheCommonTimingAndLimitParameters() {
    for (String name :
        List.of(
            "minimal_backoff_time",
            "maximal_backoff_time",
            "queue_run_delay",
            "maximal_queue_lifetime",
            "bounce_queue_lifetime",
            "smtp_connect_timeout",
            "smtp_helo_timeout",
            "smtp_data_done_timeout",
            "smtpd_timeout",
            "anvil_rate_time_unit",
            "transport_retry_time")) {
      assertThat(PostfixParameters.find(name).map(p -> p.type())).as(name).contains(Type.TIME);
    }
    for (String name :
        List.of(
            "qmgr_message_active_limit",
            "default_destination_concurrency_limit",
            "default_destination_recipient_limit",
            "smtpd_client_message_rate_limit",
            "smtpd_client_connection_count_limit",
            "smtpd_recipient_limit")) {
      assertThat(PostfixParameters.find(name).map(p -> p.type())).as(name).contains(Type.INTEGER);
    }
    assertThat(PostfixParameters.find("message_size_limit").map(p -> p.type()))
        .as("message_size_limit")
        .contains(Type.SIZE);
    assertThat(PostfixParameters.find("smtp_connection_cache_on_demand").map(p -> p.type()))
        .as("smtp_connection_cache_on_demand")
        .contains(Type.BOOLEAN);
  }

  private static List<String> overrideNames(String yaml) throws IOException {
    List<String> out = new ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        .readTree(yaml)
        .path("relay")
        .path("overrides")
        .fieldNames()
        .forEachRemaining(out::add);
    return out;
  }
}
