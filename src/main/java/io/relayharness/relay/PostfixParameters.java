package io.relayharness.relay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of Postfix 3.7 main.cf parameters whose type is known, so that a bad value in a
 * scenario's {@code relay.overrides} fails when the scenario is loaded instead of killing a Postfix
 * daemon at run time (a bad {@code minimal_backoff_time} lets Postfix start, then its queue manager
 * dies with "bad time value or unit").
 *
 * <p>The table is taken from the Postfix 3.7.11 sources, the version in the relay image: every
 * {@code CONFIG_TIME_TABLE}, {@code CONFIG_INT_TABLE}, {@code CONFIG_NINT_TABLE}, {@code
 * CONFIG_LONG_TABLE}, {@code CONFIG_BOOL_TABLE} and {@code CONFIG_NBOOL_TABLE} entry of the
 * daemons, with its bounds, and the default time unit that {@code get_def_time_unit} takes from the
 * parameter's default value ({@code postconf -d} in the relay image; postconf(5) states the same
 * units). The checks follow Postfix's own conversions ({@code conv_time}, {@code
 * convert_mail_conf_int}, {@code convert_mail_conf_bool}, {@code tls_level_lookup}), except that a
 * time value must be exactly digits plus one optional unit letter. Values that refer to other
 * parameters ({@code $name}) are not checked, and neither are parameters not in the table: their
 * syntax is not guessed. Immutable; thread-safe.
 */
public final class PostfixParameters {

  /** How Postfix reads a parameter's value. */
  public enum Type {
    /** A time: digits and an optional unit letter (s, m, h, d, w). */
    TIME,
    /** A whole number that fits Postfix's {@code int}. */
    INTEGER,
    /** A size in bytes: a whole number that fits a {@code long}, no unit. */
    SIZE,
    /** {@code yes} or {@code no}, in any case. */
    BOOLEAN,
    /** One of a fixed list of words. */
    CHOICE
  }

  /**
   * One parameter's syntax.
   *
   * @param name the main.cf name; for a per-transport rule, the suffix after the transport name
   *     (starting with {@code _})
   * @param type how Postfix reads the value
   * @param defaultUnit for {@link Type#TIME}, the unit of a bare number ({@code s}, {@code m},
   *     {@code h}, {@code d}); otherwise a space
   * @param min the smallest value Postfix accepts (seconds for a time)
   * @param max the largest value Postfix accepts (seconds for a time), or 0 for no bound
   * @param choices for {@link Type#CHOICE}, the accepted words
   */
  public record Parameter(
      String name, Type type, char defaultUnit, long min, long max, List<String> choices) {}

  private static final Pattern TIME = Pattern.compile("([0-9]+)([smhdw]?)");
  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
  private static final long INT_MAX = Integer.MAX_VALUE;

  private static final Map<String, Parameter> KNOWN = index(table());

  /**
   * Per-transport queue manager settings ({@code <transport>_destination_concurrency_limit} and so
   * on, qmgr_transport.c), matched by suffix when the full name is not in the table.
   */
  private static final List<Parameter> PER_TRANSPORT =
      List.of(
          integer("_destination_concurrency_limit", 0, 0),
          integer("_destination_recipient_limit", 0, 0),
          integer("_initial_destination_concurrency", 1, 0),
          time("_destination_rate_delay", 's', 0, 0),
          time("_transport_rate_delay", 's', 0, 0),
          integer("_destination_concurrency_failed_cohort_limit", 0, 0),
          integer("_delivery_slot_cost", 0, 0),
          integer("_delivery_slot_loan", 0, 0),
          integer("_delivery_slot_discount", 0, 100),
          integer("_minimum_delivery_slots", 0, 0),
          integer("_extra_recipient_limit", 0, 0),
          integer("_recipient_refill_limit", 1, 0),
          time("_recipient_refill_delay", 's', 1, 0));

  private PostfixParameters() {}

  /** Returns the syntax of {@code name}, or empty when the table does not know the parameter. */
  public static Optional<Parameter> find(String name) {
    Parameter known = KNOWN.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    for (Parameter rule : PER_TRANSPORT) {
      if (name.endsWith(rule.name()) && name.length() > rule.name().length()) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** Returns every parameter of the table (not the per-transport rules), by name. */
  public static Map<String, Parameter> all() {
    return KNOWN;
  }

  /**
   * Checks {@code value} for {@code name} and returns what is wrong with it, or empty when Postfix
   * would accept it (or the parameter is unknown, or the value refers to another parameter). The
   * message starts with the value in quotes, e.g. {@code 'banana' is not a Postfix time value (e.g.
   * 5s, 10m, 1h)}; the caller adds the file and key.
   */
  public static Optional<String> problem(String name, String value) {
    Optional<Parameter> p = find(name);
    if (p.isEmpty() || value.contains("$")) {
      return Optional.empty();
    }
    String v = value.strip();
    return switch (p.get().type()) {
      case TIME -> time(p.get(), value, v);
      case INTEGER -> whole(p.get(), value, v, INT_MAX, "a whole number");
      case SIZE ->
          whole(p.get(), value, v, Long.MAX_VALUE, "a size in bytes (a whole number, no unit)");
      case BOOLEAN ->
          v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("no")
              ? Optional.empty()
              : Optional.of(quote(value) + " is not a Postfix boolean (yes or no)");
      case CHOICE ->
          p.get().choices().contains(v)
              ? Optional.empty()
              : Optional.of(
                  quote(value)
                      + " is not one of: "
                      + String.join(
                          ", ",
                          p.get().choices().stream()
                              .map(c -> c.isEmpty() ? "\"\" (empty)" : c)
                              .toList()));
    };
  }

  private static Optional<String> time(Parameter p, String raw, String v) {
    Matcher m = TIME.matcher(v);
    String example = "(e.g. 5s, 10m, 1h" + bareNumber(p.defaultUnit()) + ")";
    if (!m.matches()) {
      return Optional.of(quote(raw) + " is not a Postfix time value " + example);
    }
    char unit = m.group(2).isEmpty() ? p.defaultUnit() : m.group(2).charAt(0);
    long seconds;
    try {
      seconds = Math.multiplyExact(Long.parseLong(m.group(1)), unitSeconds(unit));
    } catch (NumberFormatException | ArithmeticException e) {
      seconds = Long.MAX_VALUE;
    }
    if (seconds > INT_MAX) {
      return Optional.of(quote(raw) + " is too long for Postfix (at most " + INT_MAX + "s)");
    }
    if (p.min() > 0 && seconds < p.min()) {
      return Optional.of(
          quote(raw) + " is too short: Postfix requires at least " + showSeconds(p.min()));
    }
    if (p.max() > 0 && seconds > p.max()) {
      return Optional.of(
          quote(raw) + " is too long: Postfix allows at most " + showSeconds(p.max()));
    }
    return Optional.empty();
  }

  private static Optional<String> whole(
      Parameter p, String raw, String v, long limit, String what) {
    if (!WHOLE.matcher(v).matches()) {
      return Optional.of(quote(raw) + " is not " + what);
    }
    long n;
    try {
      n = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
    } catch (NumberFormatException e) {
      return Optional.of(quote(raw) + " is out of Postfix's range (at most " + limit + ")");
    }
    if (n > limit) {
      return Optional.of(quote(raw) + " is out of Postfix's range (at most " + limit + ")");
    }
    if (n < p.min()) {
      return Optional.of(quote(raw) + " is below the minimum " + p.min());
    }
    if (p.max() > 0 && n > p.max()) {
      return Optional.of(quote(raw) + " is above the maximum " + p.max());
    }
    return Optional.empty();
  }

  private static String bareNumber(char unit) {
    return switch (unit) {
      case 'm' -> "; a bare number counts minutes here";
      case 'h' -> "; a bare number counts hours here";
      case 'd' -> "; a bare number counts days here";
      case 'w' -> "; a bare number counts weeks here";
      default -> "";
    };
  }

  private static long unitSeconds(char unit) {
    return switch (unit) {
      case 'w' -> 7 * 86400L;
      case 'd' -> 86400L;
      case 'h' -> 3600L;
      case 'm' -> 60L;
      default -> 1L;
    };
  }

  /** Shows seconds in the largest unit that divides them exactly (8640000 as 100d). */
  static String showSeconds(long seconds) {
    for (char unit : new char[] {'w', 'd', 'h', 'm'}) {
      long per = unitSeconds(unit);
      if (seconds >= per && seconds % per == 0) {
        return seconds / per + String.valueOf(unit);
      }
    }
    return seconds + "s";
  }

  private static String quote(String value) {
    return "'" + value + "'";
  }

  private static Map<String, Parameter> index(List<Parameter> table) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    for (Parameter p : table) {
      if (out.put(p.name(), p) != null) {
        throw new IllegalStateException("parameter listed twice: " + p.name());
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static Parameter time(String name, char defaultUnit, long min, long max) {
    return new Parameter(name, Type.TIME, defaultUnit, min, max, List.of());
  }

  private static Parameter integer(String name, long min, long max) {
    return new Parameter(name, Type.INTEGER, ' ', min, max, List.of());
  }

  private static Parameter size(String name, long min) {
    return new Parameter(name, Type.SIZE, ' ', min, 0, List.of());
  }

  private static Parameter bool(String name) {
    return new Parameter(name, Type.BOOLEAN, ' ', 0, 0, List.of());
  }

  private static Parameter choice(String name, String... words) {
    return new Parameter(name, Type.CHOICE, ' ', 0, 0, List.of(words));
  }

  /**
   * The table: name, then for a time its default unit, then the bounds Postfix checks (min, max; 0
   * for none). Integer minimums below 0 are raised to 0: Postfix skips a zero lower bound, but none
   * of these counts, limits or codes means anything when negative.
   */
  private static List<Parameter> table() {
    return List.of(
        // Time values: [0-9]+[smhdw]?; a bare number uses the default unit.
        time("address_verify_cache_cleanup_interval", 'h', 0, 0),
        time("address_verify_negative_expire_time", 'd', 1, 0),
        time("address_verify_negative_refresh_time", 'h', 1, 0),
        time("address_verify_poll_delay", 's', 1, 0),
        time("address_verify_positive_expire_time", 'd', 1, 0),
        time("address_verify_positive_refresh_time", 'd', 1, 0),
        time("address_verify_sender_ttl", 's', 0, 0),
        time("anvil_rate_time_unit", 's', 1, 0),
        time("anvil_status_update_time", 's', 1, 0),
        time("application_event_drain_time", 's', 1, 0),
        time("bounce_queue_lifetime", 'd', 0, 8640000),
        time("command_time_limit", 's', 1, 0),
        time("connection_cache_protocol_timeout", 's', 1, 0),
        time("connection_cache_status_update_time", 's', 1, 0),
        time("connection_cache_ttl_limit", 's', 1, 0),
        time("daemon_timeout", 's', 1, 0),
        time("default_destination_rate_delay", 's', 0, 0),
        time("default_recipient_refill_delay", 's', 1, 0),
        time("default_transport_rate_delay", 's', 0, 0),
        time("delay_warning_time", 'h', 0, 0),
        time("deliver_lock_delay", 's', 1, 0),
        time("dnsblog_reply_delay", 's', 0, 0),
        time("fast_flush_purge_time", 'd', 1, 0),
        time("fast_flush_refresh_time", 'h', 1, 0),
        time("fork_delay", 's', 1, 0),
        time("in_flow_delay", 's', 0, 10),
        time("ipc_idle", 's', 1, 0),
        time("ipc_timeout", 's', 1, 0),
        time("ipc_ttl", 's', 1, 0),
        time("lmtp_connect_timeout", 's', 0, 0),
        time("lmtp_connection_cache_time_limit", 's', 1, 0),
        time("lmtp_connection_reuse_time_limit", 's', 1, 0),
        time("lmtp_data_done_timeout", 's', 1, 0),
        time("lmtp_data_init_timeout", 's', 1, 0),
        time("lmtp_data_xfer_timeout", 's', 1, 0),
        time("lmtp_lhlo_timeout", 's', 1, 0),
        time("lmtp_mail_timeout", 's', 1, 0),
        time("lmtp_pix_workaround_delay_time", 's', 1, 0),
        time("lmtp_pix_workaround_threshold_time", 's', 0, 0),
        time("lmtp_quit_timeout", 's', 1, 0),
        time("lmtp_rcpt_timeout", 's', 1, 0),
        time("lmtp_rset_timeout", 's', 1, 0),
        time("lmtp_sasl_auth_cache_time", 'd', 0, 0),
        time("lmtp_starttls_timeout", 's', 1, 0),
        time("lmtp_tls_session_cache_timeout", 's', 0, 8640000),
        time("lmtp_xforward_timeout", 's', 1, 0),
        time("max_idle", 's', 1, 0),
        time("maximal_backoff_time", 's', 1, 0),
        time("maximal_queue_lifetime", 'd', 0, 8640000),
        time("milter_command_timeout", 's', 1, 0),
        time("milter_connect_timeout", 's', 1, 0),
        time("milter_content_timeout", 's', 1, 0),
        time("minimal_backoff_time", 's', 1, 0),
        time("postlogd_watchdog_timeout", 's', 10, 0),
        time("postscreen_bare_newline_ttl", 'd', 1, 0),
        time("postscreen_cache_cleanup_interval", 'h', 0, 0),
        time("postscreen_cache_retention_time", 'd', 1, 0),
        time("postscreen_command_time_limit", 's', 1, 0),
        time("postscreen_dnsbl_max_ttl", 'h', 1, 0),
        time("postscreen_dnsbl_min_ttl", 's', 1, 0),
        time("postscreen_dnsbl_timeout", 's', 1, 0),
        time("postscreen_greet_ttl", 'd', 1, 0),
        time("postscreen_greet_wait", 's', 1, 0),
        time("postscreen_non_smtp_command_ttl", 'd', 1, 0),
        time("postscreen_pipelining_ttl", 'd', 1, 0),
        time("postscreen_upstream_proxy_timeout", 's', 1, 0),
        time("postscreen_watchdog_timeout", 's', 10, 0),
        time("qmgr_clog_warn_time", 's', 0, 0),
        time("qmgr_daemon_timeout", 's', 1, 0),
        time("qmgr_ipc_timeout", 's', 1, 0),
        time("qmqpd_error_delay", 's', 0, 0),
        time("qmqpd_timeout", 's', 1, 0),
        time("queue_run_delay", 's', 1, 0),
        time("service_throttle_time", 's', 1, 0),
        time("smtp_connect_timeout", 's', 0, 0),
        time("smtp_connection_cache_time_limit", 's', 1, 0),
        time("smtp_connection_reuse_time_limit", 's', 1, 0),
        time("smtp_data_done_timeout", 's', 1, 0),
        time("smtp_data_init_timeout", 's', 1, 0),
        time("smtp_data_xfer_timeout", 's', 1, 0),
        time("smtp_helo_timeout", 's', 1, 0),
        time("smtp_mail_timeout", 's', 1, 0),
        time("smtp_pix_workaround_delay_time", 's', 1, 0),
        time("smtp_pix_workaround_threshold_time", 's', 0, 0),
        time("smtp_quit_timeout", 's', 1, 0),
        time("smtp_rcpt_timeout", 's', 1, 0),
        time("smtp_rset_timeout", 's', 1, 0),
        time("smtp_sasl_auth_cache_time", 'd', 0, 0),
        time("smtp_starttls_timeout", 's', 1, 0),
        time("smtp_tls_session_cache_timeout", 's', 0, 8640000),
        time("smtp_xforward_timeout", 's', 1, 0),
        time("smtpd_error_sleep_time", 's', 0, 0),
        time("smtpd_policy_service_max_idle", 's', 1, 0),
        time("smtpd_policy_service_max_ttl", 's', 1, 0),
        time("smtpd_policy_service_retry_delay", 's', 1, 0),
        time("smtpd_policy_service_timeout", 's', 1, 0),
        time("smtpd_proxy_timeout", 's', 1, 0),
        time("smtpd_starttls_timeout", 's', 1, 0),
        time("smtpd_timeout", 's', 1, 0),
        time("smtpd_tls_session_cache_timeout", 's', 0, 8640000),
        time("smtpd_upstream_proxy_timeout", 's', 1, 0),
        time("stale_lock_time", 's', 1, 0),
        time("tls_random_prng_update_period", 's', 1, 0),
        time("tls_random_reseed_period", 's', 1, 0),
        time("tlsproxy_watchdog_timeout", 's', 10, 0),
        time("transport_retry_time", 's', 1, 0),
        time("trigger_timeout", 's', 1, 0),
        // Whole numbers (int); Postfix checks a lower bound only when it is above 0.
        integer("access_map_defer_code", 0, 0),
        integer("access_map_reject_code", 0, 0),
        integer("address_verify_pending_request_limit", 1, 0),
        integer("address_verify_poll_count", 1, 0),
        integer("berkeley_db_create_buffer_size", 1, 0),
        integer("berkeley_db_read_buffer_size", 1, 0),
        integer("body_checks_size_limit", 0, 0),
        integer("bounce_size_limit", 1, 0),
        integer("debug_peer_level", 1, 0),
        integer("default_delivery_slot_cost", 0, 0),
        integer("default_delivery_slot_discount", 0, 100),
        integer("default_delivery_slot_loan", 0, 0),
        integer("default_destination_concurrency_failed_cohort_limit", 0, 0),
        integer("default_destination_concurrency_limit", 0, 0),
        integer("default_destination_recipient_limit", 0, 0),
        integer("default_extra_recipient_limit", 0, 0),
        integer("default_minimum_delivery_slots", 0, 0),
        integer("default_process_limit", 1, 0),
        integer("default_recipient_limit", 0, 0),
        integer("default_recipient_refill_limit", 1, 0),
        integer("defer_code", 0, 0),
        integer("delay_logging_resolution_limit", 0, 6),
        integer("deliver_lock_attempts", 1, 0),
        integer("dont_remove", 0, 0),
        integer("duplicate_filter_limit", 0, 0),
        integer("fault_injection_code", 0, 0),
        integer("fork_attempts", 1, 0),
        integer("hash_queue_depth", 1, 0),
        integer("header_address_token_limit", 1, 0),
        integer("header_size_limit", 1, 0),
        integer("hopcount_limit", 1, 0),
        integer("initial_destination_concurrency", 1, 0),
        integer("invalid_hostname_reject_code", 0, 0),
        integer("line_length_limit", 512, 0),
        integer("lmtp_connection_reuse_count_limit", 0, 0),
        integer("lmtp_line_length_limit", 0, 0),
        integer("lmtp_min_data_rate", 1, 0),
        integer("lmtp_mx_address_limit", 0, 0),
        integer("lmtp_mx_session_limit", 0, 0),
        integer("lmtp_tls_scert_verifydepth", 0, 0),
        integer("maps_rbl_reject_code", 0, 0),
        integer("max_use", 1, 0),
        integer("mime_boundary_length_limit", 1, 0),
        integer("mime_nesting_limit", 1, 0),
        integer("multi_recipient_bounce_reject_code", 0, 0),
        integer("non_fqdn_reject_code", 0, 0),
        integer("plaintext_reject_code", 0, 0),
        integer("postscreen_client_connection_count_limit", 0, 0),
        integer("postscreen_command_count_limit", 1, 0),
        integer("postscreen_dnsbl_allowlist_threshold", 0, 0),
        integer("postscreen_dnsbl_threshold", 1, 0),
        integer("postscreen_post_queue_limit", 5, 0),
        integer("postscreen_pre_queue_limit", 10, 0),
        integer("qmgr_fudge_factor", 10, 100),
        integer("qmgr_message_active_limit", 1, 0),
        integer("qmgr_message_recipient_limit", 1, 0),
        integer("qmgr_message_recipient_minimum", 1, 0),
        integer("queue_file_attribute_count_limit", 1, 0),
        integer("reject_code", 0, 0),
        integer("relay_domains_reject_code", 0, 0),
        integer("smtp_connection_reuse_count_limit", 0, 0),
        integer("smtp_line_length_limit", 0, 0),
        integer("smtp_min_data_rate", 1, 0),
        integer("smtp_mx_address_limit", 0, 0),
        integer("smtp_mx_session_limit", 0, 0),
        integer("smtp_tls_scert_verifydepth", 0, 0),
        integer("smtpd_client_auth_rate_limit", 0, 0),
        integer("smtpd_client_connection_count_limit", 0, 0),
        integer("smtpd_client_connection_rate_limit", 0, 0),
        integer("smtpd_client_message_rate_limit", 0, 0),
        integer("smtpd_client_new_tls_session_rate_limit", 0, 0),
        integer("smtpd_client_recipient_rate_limit", 0, 0),
        integer("smtpd_forbid_bare_newline_reject_code", 500, 599),
        integer("smtpd_hard_error_limit", 1, 0),
        integer("smtpd_history_flush_threshold", 1, 0),
        integer("smtpd_junk_command_limit", 1, 0),
        integer("smtpd_min_data_rate", 1, 0),
        integer("smtpd_policy_service_request_limit", 0, 0),
        integer("smtpd_policy_service_try_limit", 1, 0),
        integer("smtpd_recipient_limit", 1, 0),
        integer("smtpd_recipient_overshoot_limit", 1, 0),
        integer("smtpd_sasl_response_limit", 12288, 0),
        integer("smtpd_soft_error_limit", 1, 0),
        integer("smtpd_tls_ccert_verifydepth", 0, 0),
        integer("tcp_windowsize", 0, 0),
        integer("tls_daemon_random_bytes", 1, 0),
        integer("tls_random_bytes", 1, 0),
        integer("tlsproxy_client_scert_verifydepth", 0, 0),
        integer("tlsproxy_tls_ccert_verifydepth", 0, 0),
        integer("unknown_address_reject_code", 0, 0),
        integer("unknown_client_reject_code", 0, 0),
        integer("unknown_hostname_reject_code", 0, 0),
        integer("unknown_local_recipient_reject_code", 0, 0),
        integer("unknown_relay_recipient_reject_code", 0, 0),
        integer("unknown_virtual_alias_reject_code", 0, 0),
        integer("unknown_virtual_mailbox_reject_code", 0, 0),
        integer("unverified_recipient_defer_code", 200, 499),
        integer("unverified_recipient_reject_code", 200, 599),
        integer("unverified_sender_defer_code", 200, 499),
        integer("unverified_sender_reject_code", 200, 599),
        integer("virtual_alias_address_length_limit", 1, 0),
        integer("virtual_alias_expansion_limit", 1, 0),
        integer("virtual_alias_recursion_limit", 1, 0),
        integer("virtual_minimum_uid", 1, 0),
        // Sizes in bytes (long), no unit suffix.
        size("lmdb_map_size", 1),
        size("mailbox_size_limit", 0),
        size("message_size_limit", 0),
        size("queue_minfree", 0),
        size("virtual_mailbox_limit", 0),
        // Booleans: yes or no, any case.
        bool("address_verify_negative_cache"),
        bool("allow_min_user"),
        bool("allow_percent_hack"),
        bool("allow_untrusted_routing"),
        bool("always_add_missing_headers"),
        bool("append_at_myorigin"),
        bool("append_dot_mydomain"),
        bool("backwards_bounce_logfile_compatibility"),
        bool("biff"),
        bool("broken_sasl_auth_clients"),
        bool("cleanup_replace_stray_cr_lf"),
        bool("confirm_delay_cleared"),
        bool("daemon_table_open_error_is_fatal"),
        bool("destination_concurrency_feedback_debug"),
        bool("detect_8bit_encoding_header"),
        bool("disable_dns_lookups"),
        bool("disable_mime_input_processing"),
        bool("disable_mime_output_conversion"),
        bool("disable_verp_bounces"),
        bool("disable_vrfy_command"),
        bool("dns_ncache_ttl_fix_enable"),
        bool("enable_idna2003_compatibility"),
        bool("enable_long_queue_ids"),
        bool("enable_original_recipient"),
        bool("enable_threaded_bounces"),
        bool("expand_owner_alias"),
        bool("frozen_delivered_to"),
        bool("helpful_warnings"),
        bool("ignore_mx_lookup_error"),
        bool("lmtp_assume_final"),
        bool("lmtp_balance_inet_protocols"),
        bool("lmtp_bind_address_enforce"),
        bool("lmtp_cname_overrides_servername"),
        bool("lmtp_connection_cache_on_demand"),
        bool("lmtp_defer_if_no_mx_address_found"),
        bool("lmtp_enforce_tls"),
        bool("lmtp_per_request_deadline"),
        bool("lmtp_quote_rfc821_envelope"),
        bool("lmtp_randomize_addresses"),
        bool("lmtp_sasl_auth_enable"),
        bool("lmtp_sasl_auth_soft_bounce"),
        bool("lmtp_send_dummy_mail_auth"),
        bool("lmtp_send_xforward_command"),
        bool("lmtp_sender_dependent_authentication"),
        bool("lmtp_skip_5xx_greeting"),
        bool("lmtp_skip_quit_response"),
        bool("lmtp_tls_block_early_mail_reply"),
        bool("lmtp_tls_connection_reuse"),
        bool("lmtp_tls_enforce_peername"),
        bool("lmtp_tls_force_insecure_host_tlsa_lookup"),
        bool("lmtp_tls_note_starttls_offer"),
        bool("lmtp_tls_wrappermode"),
        bool("lmtp_use_tls"),
        bool("multi_instance_enable"),
        bool("owner_request_special"),
        bool("postscreen_bare_newline_enable"),
        bool("postscreen_disable_vrfy_command"),
        bool("postscreen_enforce_tls"),
        bool("postscreen_helo_required"),
        bool("postscreen_non_smtp_command_enable"),
        bool("postscreen_pipelining_enable"),
        bool("postscreen_use_tls"),
        bool("qmqpd_client_port_logging"),
        bool("require_home_directory"),
        bool("reset_owner_alias"),
        bool("resolve_dequoted_address"),
        bool("resolve_null_domain"),
        bool("resolve_numeric_domain"),
        bool("respectful_logging"),
        bool("send_cyrus_sasl_authzid"),
        bool("show_user_unknown_table_name"),
        bool("smtp_always_send_ehlo"),
        bool("smtp_balance_inet_protocols"),
        bool("smtp_bind_address_enforce"),
        bool("smtp_cname_overrides_servername"),
        bool("smtp_connection_cache_on_demand"),
        bool("smtp_defer_if_no_mx_address_found"),
        bool("smtp_enforce_tls"),
        bool("smtp_never_send_ehlo"),
        bool("smtp_per_request_deadline"),
        bool("smtp_quote_rfc821_envelope"),
        bool("smtp_randomize_addresses"),
        bool("smtp_sasl_auth_enable"),
        bool("smtp_sasl_auth_soft_bounce"),
        bool("smtp_send_dummy_mail_auth"),
        bool("smtp_send_xforward_command"),
        bool("smtp_sender_dependent_authentication"),
        bool("smtp_skip_5xx_greeting"),
        bool("smtp_skip_quit_response"),
        bool("smtp_tls_block_early_mail_reply"),
        bool("smtp_tls_connection_reuse"),
        bool("smtp_tls_enforce_peername"),
        bool("smtp_tls_force_insecure_host_tlsa_lookup"),
        bool("smtp_tls_note_starttls_offer"),
        bool("smtp_tls_wrappermode"),
        bool("smtp_use_tls"),
        bool("smtpd_client_port_logging"),
        bool("smtpd_delay_open_until_valid_rcpt"),
        bool("smtpd_delay_reject"),
        bool("smtpd_enforce_tls"),
        bool("smtpd_forbid_unauth_pipelining"),
        bool("smtpd_helo_required"),
        bool("smtpd_peername_lookup"),
        bool("smtpd_per_request_deadline"),
        bool("smtpd_reject_unlisted_recipient"),
        bool("smtpd_reject_unlisted_sender"),
        bool("smtpd_relay_before_recipient_restrictions"),
        bool("smtpd_sasl_auth_enable"),
        bool("smtpd_sasl_authenticated_header"),
        bool("smtpd_tls_always_issue_session_ids"),
        bool("smtpd_tls_ask_ccert"),
        bool("smtpd_tls_auth_only"),
        bool("smtpd_tls_received_header"),
        bool("smtpd_tls_req_ccert"),
        bool("smtpd_tls_wrappermode"),
        bool("smtpd_use_tls"),
        bool("smtputf8_enable"),
        bool("soft_bounce"),
        bool("strict_7bit_headers"),
        bool("strict_8bitmime"),
        bool("strict_8bitmime_body"),
        bool("strict_mailbox_ownership"),
        bool("strict_mime_encoding_domain"),
        bool("strict_rfc821_envelopes"),
        bool("strict_smtputf8"),
        bool("sun_mailtool_compatibility"),
        bool("swap_bangpath"),
        bool("tls_append_default_CA"),
        bool("tls_fast_shutdown_enable"),
        bool("tls_legacy_public_key_fingerprints"),
        bool("tls_preempt_cipherlist"),
        bool("tls_wildcard_matches_multiple_labels"),
        bool("tlsproxy_client_enforce_tls"),
        bool("tlsproxy_client_use_tls"),
        bool("tlsproxy_enforce_tls"),
        bool("tlsproxy_tls_always_issue_session_ids"),
        bool("tlsproxy_tls_ask_ccert"),
        bool("tlsproxy_tls_req_ccert"),
        bool("tlsproxy_use_tls"),
        // TLS security levels the daemons accept (tls_level_lookup, case-sensitive).
        choice(
            "smtpd_tls_security_level",
            "",
            "none",
            "may",
            "encrypt",
            "fingerprint",
            "verify",
            "secure"),
        choice(
            "smtp_tls_security_level",
            "",
            "none",
            "may",
            "encrypt",
            "fingerprint",
            "dane",
            "dane-only",
            "verify",
            "secure"),
        choice(
            "lmtp_tls_security_level",
            "",
            "none",
            "may",
            "encrypt",
            "fingerprint",
            "dane",
            "dane-only",
            "verify",
            "secure"));
  }
}
