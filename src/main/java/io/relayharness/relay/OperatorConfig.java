package io.relayharness.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator's own relay config: a directory with {@code main.cf}, optionally {@code master.cf},
 * and the lookup tables and files they name. The relay runs it as it is, except for the few
 * settings the harness must own ({@link #harnessSettings()}), and the run's DNS zone answers for
 * the names it routes to ({@link #nextHops()}).
 *
 * <p>What is read, and what is refused (each problem names the file, the line and the setting):
 *
 * <ul>
 *   <li>{@code main.cf}: Postfix syntax (logical lines, {@code #} comments, continuation lines that
 *       start with white space); values whose syntax {@link PostfixParameters} knows are checked.
 *   <li>{@code master.cf} (optional; replaces Debian's): services with their {@code -o} settings,
 *       which are read like main.cf settings. It must have the SMTP listener the load connects to
 *       ({@code smtp inet}, or {@code submission inet} for a port-587 scenario), and no inet
 *       service on the fault proxy's ports (2525, 8474) or bound to a host address.
 *   <li>Lookup tables: every {@code type:/path} a setting names, for the file types {@code hash},
 *       {@code btree}, {@code lmdb}, {@code cdb} (compiled with {@code postmap} in the container),
 *       {@code regexp}, {@code pcre}, {@code texthash}, {@code cidr} (copied). The file is found in
 *       the directory by its path below {@code /etc/postfix} or by its name; a table named but
 *       missing is refused ({@code /etc/aliases} excepted: the image has it). Tables of types the
 *       relay image lacks ({@code mysql}, {@code ldap}, {@code sqlite}, ...) are refused. Cache
 *       databases ({@code *_cache_database}, {@code address_verify_map}) are Postfix's own and not
 *       looked for.
 *   <li>Next hops: {@code transport_maps} (files, {@code inline:}, {@code randmap:}, {@code
 *       static:}), {@code relayhost}, {@code smtp_fallback_relay}, {@code default_transport},
 *       {@code relay_transport}, {@code sender_dependent_relayhost_maps} and {@code
 *       sender_dependent_default_transport_maps}, through transports whose master.cf command is
 *       {@code smtp}. A next hop without brackets is looked up as MX: the zone gives it one MX
 *       record per worker with the topology's preferences. A next hop in brackets (no MX lookup)
 *       gets an A record: {@code [worker<i>.…]} is worker i; any other name is given the next
 *       worker in order of first appearance (the first such name worker0, the second worker1, ...);
 *       more such names than workers is refused. Addresses ({@code [10.1.2.3]}), {@code localhost}
 *       and ports other than 2525 are refused: the workers answer on 2525 at addresses the harness
 *       chooses. The literal domains of {@code relay_domains} get MX records too, so a relay
 *       without a transport map delivers to the workers by MX lookup.
 *   <li>TLS files ({@code *_tls_cert_file}, {@code *_tls_key_file}, {@code *_tls_chain_files},
 *       {@code *_tls_CAfile}, {@code *_tls_CApath}, {@code *_tls_dh1024_param_file}) found in the
 *       directory are copied to the path named; when missing, the harness sets Debian's snake-oil
 *       certificate (or the system CA bundle) instead and lists it.
 * </ul>
 *
 * Immutable; thread-safe.
 */
public final class OperatorConfig {

  /** Where the relay container finds the directory's files. */
  public static final String CONTAINER_DIR = "/etc/relay-harness/operator";

  /** Table types compiled with postmap. */
  private static final Set<String> POSTMAP_TYPES = Set.of("hash", "btree", "lmdb", "cdb");

  /** Table types read from the file as it is. */
  private static final Set<String> TEXT_TYPES = Set.of("regexp", "pcre", "texthash", "cidr");

  /** Table types whose argument is a file, that the relay image cannot open. */
  private static final Set<String> UNSUPPORTED_FILE_TYPES =
      Set.of("dbm", "sdbm", "mysql", "pgsql", "ldap", "sqlite", "memcache", "mongodb");

  private static final Pattern TABLE_REF =
      Pattern.compile(
          "(?<![A-Za-z0-9_:])([a-z0-9]+):((?:\\$\\{config_directory\\}|\\$config_directory|/)[^\\s,{}]*)");
  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern TLS_FILE =
      Pattern.compile(
          "[a-z]+_tls_(cert_file|key_file|dcert_file|dkey_file|eccert_file|eckey_file|chain_files|CAfile|CApath|dh1024_param_file|dh512_param_file)");
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|(?i)ipv6:.*|.*:.*");
  private static final Pattern WORKER_LABEL = Pattern.compile("worker(\\d+)(?:\\..*)?");

  private static final String SNAKEOIL_CERT = "/etc/ssl/certs/ssl-cert-snakeoil.pem";
  private static final String SNAKEOIL_KEY = "/etc/ssl/private/ssl-cert-snakeoil.key";

  /** Parameters whose value is a list of next hops (no transport). */
  private static final Set<String> NEXTHOP_PARAMS =
      Set.of("relayhost", "smtp_fallback_relay", "fallback_relay");

  /** Parameters whose value is {@code transport[:nexthop]}. */
  private static final Set<String> TRANSPORT_PARAMS =
      Set.of("default_transport", "relay_transport");

  /** Parameters naming tables whose values are {@code transport:nexthop}. */
  private static final Set<String> TRANSPORT_TABLE_PARAMS =
      Set.of("transport_maps", "sender_dependent_default_transport_maps");

  /** Parameters naming tables whose values are next hops. */
  private static final Set<String> NEXTHOP_TABLE_PARAMS = Set.of("sender_dependent_relayhost_maps");

  /**
   * A main.cf or master.cf {@code -o} setting.
   *
   * @param name parameter name
   * @param value its value as written (continuation lines joined with a space)
   * @param where file and line, e.g. {@code main.cf line 7}
   */
  public record Setting(String name, String value, String where) {}

  /**
   * A lookup table the config names, found in the directory.
   *
   * @param type table type, e.g. {@code hash}
   * @param containerPath the path the config names, e.g. {@code /etc/postfix/transport}
   * @param file the file in the directory
   * @param namedBy the setting that names it, e.g. {@code main.cf line 9 transport_maps}
   */
  public record TableFile(String type, String containerPath, Path file, String namedBy) {
    /** Whether the relay compiles it with postmap. */
    public boolean postmap() {
      return POSTMAP_TYPES.contains(type);
    }
  }

  /**
   * A destination the relay's SMTP client connects to.
   *
   * @param host the host name
   * @param mxLookup true for a name without brackets (Postfix looks up its MX records)
   * @param port the port written, or empty for Postfix's default
   * @param where the setting or table line it comes from
   */
  public record NextHop(String host, boolean mxLookup, Optional<String> port, String where) {}

  /**
   * A setting the harness sets whatever the config says.
   *
   * @param name the main.cf parameter, or {@code master.cf} for service changes
   * @param value the value the relay runs with
   * @param why why the harness must own it
   */
  public record HarnessSetting(String name, String value, String why) {}

  private final Path dir;
  private final List<Setting> mainCf;
  private final List<Setting> masterOptions;
  private final List<String[]> services;
  private final List<TableFile> tables;
  private final Map<Path, String> extraFiles;
  private final List<NextHop> nextHops;
  private final Set<String> relayDomains;
  private final List<HarnessSetting> harnessSettings;
  private final List<String> problems;

  private OperatorConfig(Reader r) {
    this.dir = r.dir;
    this.mainCf = List.copyOf(r.mainCf);
    this.masterOptions = List.copyOf(r.masterOptions);
    this.services = List.copyOf(r.services);
    this.tables = List.copyOf(r.tables);
    this.extraFiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r.extraFiles));
    this.nextHops = List.copyOf(r.nextHops);
    this.relayDomains = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(r.relayDomains));
    this.harnessSettings = List.copyOf(r.harness);
    this.problems = List.copyOf(r.problems);
  }

  /**
   * Reads the config in {@code dir}. Never throws for a bad config: what is wrong is in {@link
   * #problems()}.
   */
  public static OperatorConfig read(Path dir) {
    return read(dir, Map.of());
  }

  /**
   * Reads the config in {@code dir} with a run's main.cf {@code overrides} on top: their next hops
   * are answered too (a scenario may route elsewhere on purpose), their files are not looked for
   * (they may name files of the image, or none on purpose).
   */
  public static OperatorConfig read(Path dir, Map<String, String> overrides) {
    Reader r = new Reader(dir.toAbsolutePath().normalize());
    r.read();
    if (r.mainCfRead) {
      overrides.forEach((name, value) -> r.routes(new Setting(name, value, "relay.overrides")));
    }
    return new OperatorConfig(r);
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** The main.cf settings, in file order. */
  public List<Setting> mainCf() {
    return mainCf;
  }

  /** The {@code -o} settings of master.cf services. */
  public List<Setting> masterOptions() {
    return masterOptions;
  }

  /** Whether the directory has its own master.cf. */
  public boolean hasMasterCf() {
    return Files.isRegularFile(dir.resolve("master.cf"));
  }

  /** The lookup tables the config names, found in the directory. */
  public List<TableFile> tables() {
    return tables;
  }

  /** The next hops the relay's SMTP client goes to, in order of appearance. */
  public List<NextHop> nextHops() {
    return nextHops;
  }

  /** The literal domains of {@code relay_domains}. */
  public Set<String> relayDomains() {
    return relayDomains;
  }

  /** The settings the harness owns, with the reason for each. */
  public List<HarnessSetting> harnessSettings() {
    return harnessSettings;
  }

  /** What is wrong with the directory itself, each naming the file and the setting. */
  public List<String> problems() {
    return problems;
  }

  /**
   * What is wrong with running this config in a topology of {@code workers} workers with the load
   * on {@code port}: the directory's own problems, then next hops the topology cannot answer and a
   * missing listener.
   */
  public List<String> problems(int workers, int port) {
    List<String> out = new ArrayList<>(problems);
    for (Map.Entry<String, String> e : aliasWorkers().entrySet()) {
      int index = WorkerAddresses.indexOf(e.getValue());
      if (index >= workers) {
        NextHop hop =
            nextHops.stream().filter(h -> h.host().equals(e.getKey())).findFirst().orElseThrow();
        out.add(
            hop.where()
                + ": next hop ["
                + e.getKey()
                + "] needs "
                + e.getValue()
                + " (bracketed names get one worker each, in order of appearance), but the"
                + " topology has worker0..worker"
                + (workers - 1));
      }
    }
    if (!hasMasterCf() && port != 25) {
      out.add(
          dir
              + ": no master.cf, and Debian's has no service on port "
              + port
              + " (the load connects there): add a master.cf with a 'submission inet' service");
    }
    if (hasMasterCf()) {
      String want = port == 587 ? "submission" : "smtp";
      boolean listens =
          services.stream()
              .anyMatch(
                  s ->
                      s[1].equals("inet")
                          && (s[0].equals(want) || s[0].equals(Integer.toString(port))));
      if (!listens) {
        out.add(
            dir.resolve("master.cf")
                + ": no '"
                + want
                + " inet' service: the load connects to port "
                + port);
      }
    }
    return out;
  }

  /**
   * The bracketed next hops that are not worker names, each with the worker it resolves to: {@code
   * [worker<i>.…]} is worker i, any other name the next worker in order of appearance.
   */
  public Map<String, String> aliasWorkers() {
    Map<String, String> out = new LinkedHashMap<>();
    int next = 0;
    for (NextHop hop : nextHops) {
      if (hop.mxLookup() || out.containsKey(hop.host())) {
        continue;
      }
      Matcher w = WORKER_LABEL.matcher(hop.host());
      if (w.matches()) {
        out.put(hop.host(), "worker" + w.group(1));
      } else {
        out.put(hop.host(), "worker" + next++);
      }
    }
    return out;
  }

  /** The names to answer with MX records to the workers: MX next hops and relay_domains. */
  public Set<String> mxNames() {
    Set<String> out = new LinkedHashSet<>();
    nextHops.stream()
        .filter(NextHop::mxLookup)
        .map(NextHop::host)
        .filter(h -> !WORKER_LABEL.matcher(h).matches())
        .forEach(out::add);
    out.addAll(relayDomains);
    return out;
  }

  /** {@code zone} with this config's names added: MX names and bracketed names' A records. */
  public DnsZone zone(DnsZone zone) {
    Map<String, String> aliases = new LinkedHashMap<>(aliasWorkers());
    // a worker's own host name already has its A record
    aliases.entrySet().removeIf(e -> e.getKey().equals(DnsZone.hostName(e.getValue())));
    return zone.withNames(mxNames(), aliases);
  }

  /** The files to copy into the relay container: container path → file in the directory. */
  public Map<String, Path> containerFiles() {
    Map<String, Path> out = new LinkedHashMap<>();
    out.put(CONTAINER_DIR + "/main.cf", dir.resolve("main.cf"));
    if (hasMasterCf()) {
      out.put(CONTAINER_DIR + "/master.cf", dir.resolve("master.cf"));
    }
    int i = 0;
    for (TableFile t : tables) {
      out.put(CONTAINER_DIR + "/files/" + i++, t.file());
    }
    for (Path f : extraFiles.keySet()) {
      out.put(CONTAINER_DIR + "/files/" + i++, f);
    }
    return out;
  }

  /**
   * The copy plan the relay's entrypoint follows, one file a line: {@code <index> <target path>
   * <postmap type or ->}, in the order of {@link #containerFiles()}.
   */
  public String filePlan() {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (TableFile t : tables) {
      out.append(i++)
          .append(' ')
          .append(t.containerPath())
          .append(' ')
          .append(t.postmap() ? t.type() : "-")
          .append('\n');
    }
    for (String target : extraFiles.values()) {
      out.append(i++).append(' ').append(target).append(" -\n");
    }
    return out.toString();
  }

  /** The harness-owned main.cf settings, as the relay image reads them (one a line). */
  public String harnessFile() {
    StringBuilder out = new StringBuilder("# set by the harness, applied last\n");
    for (HarnessSetting s : harnessSettings) {
      if (!s.name().equals("master.cf")) {
        out.append(s.name()).append(" = ").append(s.value()).append('\n');
      }
    }
    return out.toString();
  }

  /** The harness-owned settings as a readable list, one {@code name = value # why} a line. */
  public String harnessSettingsText() {
    StringBuilder out =
        new StringBuilder("# relay config ")
            .append(dir)
            .append(": settings set by the harness (the rest runs as written)\n");
    for (HarnessSetting s : harnessSettings) {
      out.append(s.name())
          .append(" = ")
          .append(s.value())
          .append("  # ")
          .append(s.why())
          .append('\n');
    }
    Map<String, String> aliases = aliasWorkers();
    for (String name : mxNames()) {
      out.append("dns: ")
          .append(name)
          .append(" MX -> the workers, with the topology's preferences\n");
    }
    aliases.forEach(
        (name, worker) ->
            out.append("dns: ")
                .append(name)
                .append(" A -> ")
                .append(worker)
                .append(" (bracketed next hop, no MX lookup)\n"));
    return out.toString();
  }

  /** Reads the directory; collects problems instead of failing. */
  private static final class Reader {
    final Path dir;
    final List<Setting> mainCf = new ArrayList<>();
    final List<Setting> masterOptions = new ArrayList<>();
    final List<String[]> services = new ArrayList<>();
    final List<TableFile> tables = new ArrayList<>();
    final Map<Path, String> extraFiles = new LinkedHashMap<>();
    final List<NextHop> nextHops = new ArrayList<>();
    final Set<String> relayDomains = new LinkedHashSet<>();
    final List<HarnessSetting> harness = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final Map<String, String> smtpTransports = new LinkedHashMap<>();
    boolean mainCfRead;

    Reader(Path dir) {
      this.dir = dir;
    }

    void read() {
      if (!Files.isDirectory(dir)) {
        problems.add(dir + ": no such directory (a relay config is a directory with main.cf)");
        return;
      }
      Path main = dir.resolve("main.cf");
      if (!Files.isRegularFile(main)) {
        problems.add(dir + ": no main.cf (a relay config is a directory with main.cf)");
        return;
      }
      readMainCf(main);
      mainCfRead = true;
      Path master = dir.resolve("master.cf");
      if (Files.isRegularFile(master)) {
        readMasterCf(master);
      } else {
        smtpTransports.put("smtp", "smtp");
        smtpTransports.put("relay", "smtp");
        smtpTransports.put("lmtp", "lmtp");
      }
      harnessOwned();
      List<Setting> all = new ArrayList<>(mainCf);
      all.addAll(masterOptions);
      for (Setting s : all) {
        tableRefs(s);
        tlsFiles(s);
      }
      for (Setting s : all) {
        routes(s);
      }
      mainCf.stream()
          .filter(s -> s.name().equals("relay_domains"))
          .reduce((a, b) -> b)
          .ifPresent(
              s -> {
                for (String d : s.value().split("[,\\s]+")) {
                  if (!d.isEmpty() && !d.contains(":") && !d.contains("$") && !d.startsWith("/")) {
                    relayDomains.add(d.toLowerCase(Locale.ROOT));
                  }
                }
              });
    }

    private void harnessOwned() {
      harness.add(
          new HarnessSetting(
              "maillog_file", "/dev/stdout", "the harness reads the relay's log from its stdout"));
      harness.add(
          new HarnessSetting(
              "inet_interfaces",
              "all",
              "the load reaches the relay through the container's published ports"));
      harness.add(
          new HarnessSetting(
              "inet_protocols", "ipv4", "the run's network and DNS zone are IPv4 only"));
      harness.add(
          new HarnessSetting(
              "smtp_tcp_port",
              Integer.toString(WorkerAddresses.WORKER_PORT),
              "the workers listen on 2525 (port 25 of a worker address would reach the relay's"
                  + " own smtpd); a next hop without a port goes there"));
      harness.add(
          new HarnessSetting(
              "enable_long_queue_ids",
              "yes",
              "the harness joins the injector's, the relay's and the workers' records by queue id"));
      harness.add(
          new HarnessSetting(
              "master.cf",
              "chroot = n for every service",
              "the relay runs without a chroot copy of resolv.conf and the maps"));
    }

    private void readMainCf(Path file) {
      for (Logical l : logicalLines(file)) {
        int eq = l.text.indexOf('=');
        String where = "main.cf line " + l.line;
        if (eq < 0) {
          problems.add(file + " line " + l.line + ": not 'name = value': " + l.text);
          continue;
        }
        String name = l.text.substring(0, eq).strip();
        String value = l.text.substring(eq + 1).strip();
        if (!PARAM_NAME.matcher(name).matches()) {
          problems.add(file + " line " + l.line + ": '" + name + "' is not a parameter name");
          continue;
        }
        PostfixParameters.problem(name, value)
            .ifPresent(p -> problems.add(file + " line " + l.line + ": " + name + ": " + p));
        mainCf.add(new Setting(name, value, where));
      }
    }

    private void readMasterCf(Path file) {
      for (Logical l : logicalLines(file)) {
        List<String> fields = masterFields(l.text);
        if (fields.size() < 8) {
          problems.add(
              file
                  + " line "
                  + l.line
                  + ": a service needs 8 fields (service type private"
                  + " unpriv chroot wakeup maxproc command), got: "
                  + l.text);
          continue;
        }
        String service = fields.get(0);
        String type = fields.get(1);
        String command = fields.get(7);
        services.add(new String[] {service, type, command});
        String where = "master.cf line " + l.line + " (" + service + "/" + type + ")";
        if (type.equals("unix") && (command.equals("smtp") || command.equals("lmtp"))) {
          smtpTransports.put(service, command);
        }
        if (type.equals("inet")) {
          String port =
              service.contains(":") ? service.substring(service.lastIndexOf(':') + 1) : service;
          String host = service.contains(":") ? service.substring(0, service.lastIndexOf(':')) : "";
          if (!host.isEmpty() && !host.equals("*")) {
            problems.add(
                file
                    + " line "
                    + l.line
                    + ": service "
                    + service
                    + " binds a host address the relay container does not have; write '"
                    + port
                    + "'");
          }
          if (port.equals(Integer.toString(WorkerAddresses.WORKER_PORT)) || port.equals("8474")) {
            problems.add(
                file
                    + " line "
                    + l.line
                    + ": service "
                    + service
                    + " takes a port the fault proxy uses in the relay's namespace (2525 workers,"
                    + " 8474 API)");
          }
        }
        for (int i = 8; i < fields.size(); i++) {
          if (fields.get(i).equals("-o") && i + 1 < fields.size()) {
            String opt = fields.get(++i);
            if (opt.startsWith("{")) {
              opt = opt.substring(1, opt.length() - (opt.endsWith("}") ? 1 : 0));
            }
            int eq = opt.indexOf('=');
            if (eq > 0) {
              String name = opt.substring(0, eq).strip();
              String value = opt.substring(eq + 1).strip();
              masterOptions.add(new Setting(name, value, where + " -o " + name));
            }
          }
        }
      }
    }

    /** master.cf fields: white space separated, a {@code { ... }} group is one field. */
    private static List<String> masterFields(String text) {
      List<String> out = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '{') {
          int end = text.indexOf('}', i);
          end = end < 0 ? text.length() : end + 1;
          out.add(text.substring(i, end).strip());
          i = end;
        } else {
          int end = i;
          while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
          }
          out.add(text.substring(i, end));
          i = end;
        }
      }
      return out;
    }

    private void tableRefs(Setting s) {
      if (s.name().endsWith("_cache_database")
          || s.name().equals("address_verify_map")
          || s.name().endsWith("_cache_map")) {
        return;
      }
      Matcher m = TABLE_REF.matcher(s.value());
      while (m.find()) {
        String type = m.group(1);
        String path =
            m.group(2)
                .replace("${config_directory}", "/etc/postfix")
                .replace("$config_directory", "/etc/postfix");
        String namedBy = s.where() + " " + s.name();
        if (UNSUPPORTED_FILE_TYPES.contains(type)) {
          problems.add(
              where(s)
                  + ": "
                  + s.name()
                  + " names "
                  + type
                  + ":"
                  + path
                  + ", a table type the relay image cannot open (it has hash, btree, lmdb, cdb,"
                  + " regexp, pcre, texthash, cidr, inline, static, randmap)");
          continue;
        }
        if (!POSTMAP_TYPES.contains(type) && !TEXT_TYPES.contains(type)) {
          continue;
        }
        Optional<Path> file = find(path);
        if (file.isEmpty()) {
          if (path.equals("/etc/aliases")) {
            continue;
          }
          problems.add(
              where(s)
                  + ": "
                  + s.name()
                  + " names "
                  + type
                  + ":"
                  + path
                  + ", but "
                  + dir
                  + " has no file '"
                  + relative(path)
                  + "'");
          continue;
        }
        if (tables.stream()
            .noneMatch(t -> t.containerPath().equals(path) && t.type().equals(type))) {
          tables.add(new TableFile(type, path, file.get(), namedBy));
        }
      }
    }

    private void tlsFiles(Setting s) {
      Matcher m = TLS_FILE.matcher(s.name());
      if (!m.matches() || s.value().isBlank() || s.value().contains("$")) {
        return;
      }
      String kind = m.group(1);
      List<String> missing = new ArrayList<>();
      for (String path : s.value().split("[,\\s]+")) {
        if (path.isEmpty()) {
          continue;
        }
        Optional<Path> file = path.startsWith("/") ? find(path) : Optional.empty();
        if (file.isPresent() && Files.isRegularFile(file.get())) {
          extraFiles.put(file.get(), path);
        } else if (!isImageFile(path)) {
          missing.add(path);
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      if (s.where().startsWith("master.cf")) {
        problems.add(
            where(s)
                + ": "
                + s.name()
                + " names "
                + String.join(", ", missing)
                + ", which "
                + dir
                + " does not have (the harness replaces missing TLS files only in main.cf)");
        return;
      }
      String value =
          switch (kind) {
            case "cert_file", "dcert_file", "eccert_file" -> SNAKEOIL_CERT;
            case "key_file", "dkey_file", "eckey_file" -> SNAKEOIL_KEY;
            case "chain_files" -> SNAKEOIL_KEY + ", " + SNAKEOIL_CERT;
            case "CAfile" -> "/etc/ssl/certs/ca-certificates.crt";
            case "CApath" -> "/etc/ssl/certs";
            default -> "";
          };
      harness.add(
          new HarnessSetting(
              s.name(),
              value,
              where(s)
                  + " names "
                  + String.join(", ", missing)
                  + ", which the directory does not have"));
    }

    private static boolean isImageFile(String path) {
      return path.equals(SNAKEOIL_CERT)
          || path.equals(SNAKEOIL_KEY)
          || path.equals("/etc/ssl/certs")
          || path.equals("/etc/ssl/certs/ca-certificates.crt");
    }

    private void routes(Setting s) {
      String name = s.name();
      if (NEXTHOP_PARAMS.contains(name)) {
        nexthopList(s.value(), where(s) + " " + name);
      } else if (TRANSPORT_PARAMS.contains(name)) {
        transportValue(s.value(), where(s) + " " + name);
      } else if (TRANSPORT_TABLE_PARAMS.contains(name) || NEXTHOP_TABLE_PARAMS.contains(name)) {
        boolean transports = TRANSPORT_TABLE_PARAMS.contains(name);
        for (String ref : tableList(s.value())) {
          tableValues(ref, where(s) + " " + name)
              .forEach(
                  (where, value) -> {
                    if (transports) {
                      transportValue(value, where);
                    } else {
                      nexthopList(value, where);
                    }
                  });
        }
      }
    }

    /** Splits a table list on commas and white space, keeping {@code {...}} groups whole. */
    private static List<String> tableList(String value) {
      List<String> out = new ArrayList<>();
      int depth = 0;
      StringBuilder cur = new StringBuilder();
      for (char c : value.toCharArray()) {
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        }
        if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
          if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
          }
        } else {
          cur.append(c);
        }
      }
      if (cur.length() > 0) {
        out.add(cur.toString());
      }
      return out;
    }

    /** The values of one table, by where they are written. */
    private Map<String, String> tableValues(String ref, String where) {
      Map<String, String> out = new LinkedHashMap<>();
      int colon = ref.indexOf(':');
      if (colon < 0) {
        return out;
      }
      String type = ref.substring(0, colon);
      String arg = ref.substring(colon + 1);
      if (type.equals("proxy")) {
        return tableValues(arg, where);
      }
      if (arg.startsWith("{") && arg.endsWith("}")) {
        String body = arg.substring(1, arg.length() - 1).strip();
        List<String> entries = tableList(body.replace(" = ", "=").replace("= ", "="));
        for (int i = 0; i < entries.size(); i++) {
          String e = entries.get(i);
          if (e.startsWith("{") && e.endsWith("}")) {
            e = e.substring(1, e.length() - 1).strip();
          }
          String v = type.equals("inline") && e.contains("=") ? e.substring(e.indexOf('=') + 1) : e;
          out.put(where + " entry " + (i + 1), v.strip());
        }
        return out;
      }
      if (type.equals("static")) {
        out.put(where, arg);
        return out;
      }
      String path =
          arg.replace("${config_directory}", "/etc/postfix")
              .replace("$config_directory", "/etc/postfix");
      Optional<TableFile> table =
          tables.stream()
              .filter(t -> t.containerPath().equals(path) && t.type().equals(type))
              .findFirst();
      if (table.isEmpty()) {
        return out;
      }
      boolean patterns = type.equals("regexp") || type.equals("pcre");
      for (Logical l : logicalLines(table.get().file())) {
        String text = l.text;
        String value;
        if (patterns) {
          if (text.matches("(?i)(if|endif)\\b.*")) {
            continue;
          }
          value = afterPattern(text);
        } else {
          String[] kv = text.split("\\s+", 2);
          value = kv.length > 1 ? kv[1] : "";
        }
        out.put(dir.resolve(table.get().file().getFileName()) + " line " + l.line, value.strip());
      }
      return out;
    }

    /** The value of a regexp/pcre table line: the text after {@code /pattern/flags}. */
    private static String afterPattern(String line) {
      int i = line.startsWith("!") ? 1 : 0;
      if (i >= line.length()) {
        return "";
      }
      char delim = line.charAt(i);
      int j = i + 1;
      while (j < line.length() && line.charAt(j) != delim) {
        j += line.charAt(j) == '\\' ? 2 : 1;
      }
      j++;
      while (j < line.length() && Character.isLetter(line.charAt(j))) {
        j++;
      }
      return j < line.length() ? line.substring(j) : "";
    }

    /** A {@code transport[:nexthop]} value. */
    private void transportValue(String value, String where) {
      String v = value.strip();
      if (v.isEmpty() || v.contains("$")) {
        return;
      }
      int colon = v.indexOf(':');
      String transport = colon < 0 ? v : v.substring(0, colon);
      String nexthop = colon < 0 ? "" : v.substring(colon + 1);
      if (transport.isEmpty()) {
        transport = "smtp"; // ":nexthop" keeps the default transport
      }
      String command = smtpTransports.get(transport);
      if (command == null) {
        return; // error:, discard:, local, a pipe: not an SMTP next hop
      }
      if (command.equals("lmtp") && !nexthop.isBlank()) {
        problems.add(
            where + ": " + v + " goes over LMTP; the workers speak SMTP (use an smtp transport)");
        return;
      }
      nexthopList(nexthop, where);
    }

    /**
     * A list of next hops: {@code host}, {@code host:port}, {@code [host]}, {@code [host]:port}.
     */
    private void nexthopList(String value, String where) {
      if (value.contains("$")) {
        return;
      }
      for (String hop : value.split("[,\\s]+")) {
        if (hop.isEmpty()) {
          continue;
        }
        boolean bracketed = hop.startsWith("[");
        String host;
        String port = null;
        if (bracketed) {
          int close = hop.indexOf(']');
          if (close < 0) {
            problems.add(where + ": next hop '" + hop + "' has no closing ']'");
            continue;
          }
          host = hop.substring(1, close);
          if (close + 1 < hop.length()) {
            port = hop.substring(close + 1).replaceFirst("^:", "");
          }
        } else {
          int colon = hop.indexOf(':');
          host = colon < 0 ? hop : hop.substring(0, colon);
          port = colon < 0 ? null : hop.substring(colon + 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (IP_LITERAL.matcher(host).matches()) {
          problems.add(
              where
                  + ": next hop '"
                  + hop
                  + "' is an address; the harness can only answer names"
                  + " (its DNS zone points them at the workers)");
          continue;
        }
        if (host.equals("localhost") || host.startsWith("localhost.")) {
          problems.add(where + ": next hop '" + hop + "' is the relay itself");
          continue;
        }
        if (port != null && !port.equals(Integer.toString(WorkerAddresses.WORKER_PORT))) {
          problems.add(
              where
                  + ": next hop '"
                  + hop
                  + "' names port "
                  + port
                  + "; the workers listen on "
                  + WorkerAddresses.WORKER_PORT
                  + " in this harness: leave the port out (the"
                  + " harness sets smtp_tcp_port = "
                  + WorkerAddresses.WORKER_PORT
                  + ") or write :"
                  + WorkerAddresses.WORKER_PORT);
          continue;
        }
        nextHops.add(new NextHop(host, !bracketed, Optional.ofNullable(port), where));
      }
    }

    private String where(Setting s) {
      if (s.where().startsWith("relay.overrides")) {
        return s.where();
      }
      return dir.resolve(s.where().startsWith("master.cf") ? "master.cf" : "main.cf")
          + s.where().replaceFirst("^(main|master)\\.cf", "");
    }

    /** Finds a file a setting names: by its path below /etc/postfix, else by its file name. */
    private Optional<Path> find(String path) {
      String rel = relative(path);
      Path byPath = dir.resolve(rel).normalize();
      if (byPath.startsWith(dir) && Files.isRegularFile(byPath)) {
        return Optional.of(byPath);
      }
      Path byName = dir.resolve(Path.of(path).getFileName().toString());
      return Files.isRegularFile(byName) ? Optional.of(byName) : Optional.empty();
    }

    private static String relative(String path) {
      return path.startsWith("/etc/postfix/")
          ? path.substring("/etc/postfix/".length())
          : Path.of(path).getFileName().toString();
    }

    private record Logical(int line, String text) {}

    /**
     * Postfix's logical lines: {@code #} comments and blank lines skipped, continuations joined.
     */
    private List<Logical> logicalLines(Path file) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      List<Logical> out = new ArrayList<>();
      StringBuilder cur = null;
      int start = 0;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        String stripped = line.strip();
        if (stripped.isEmpty() || stripped.startsWith("#")) {
          continue;
        }
        if (Character.isWhitespace(line.charAt(0)) && cur != null) {
          cur.append(' ').append(stripped);
          continue;
        }
        if (cur != null) {
          out.add(new Logical(start, cur.toString()));
        }
        cur = new StringBuilder(stripped);
        start = i + 1;
      }
      if (cur != null) {
        out.add(new Logical(start, cur.toString()));
      }
      return out;
    }
  }
}
