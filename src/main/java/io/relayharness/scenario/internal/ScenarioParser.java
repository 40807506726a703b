package io.relayharness.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayharness.faults.TimelineStep;
import io.relayharness.relay.OperatorConfig;
import io.relayharness.relay.PostfixParameters;
import io.relayharness.scenario.BrokenRelay;
import io.relayharness.scenario.ClientSpec;
import io.relayharness.scenario.DrainSpec;
import io.relayharness.scenario.Expectations;
import io.relayharness.scenario.LoadSpec;
import io.relayharness.scenario.LoadStep;
import io.relayharness.scenario.MailSpec;
import io.relayharness.scenario.RelaySpec;
import io.relayharness.scenario.Scenario;
import io.relayharness.scenario.ScenarioException;
import io.relayharness.scenario.SweepSpec;
import io.relayharness.scenario.TopologySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a scenario's YAML tree into a {@link Scenario}, checking every key against the settings
 * table and the cross-key rules (workers exist, the timeline fits in the load, window names exist).
 * Collects every problem and throws them together. Not thread-safe: one per file.
 */
public final class ScenarioParser {

  private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern PARAMETER = Pattern.compile("[a-z][a-z0-9_]*");

  private final String name;
  private final String source;
  private final Optional<List<String>> variants;
  private final Optional<Path> projectDir;
  private final Fields f;
  private boolean loadStepsRead;

  /**
   * Creates a parser.
   *
   * @param name the scenario name
   * @param source the file, as messages should name it
   * @param variants the relay variants that exist, or empty to skip the check
   */
  public ScenarioParser(String name, String source, Optional<List<String>> variants) {
    this(name, source, variants, Optional.empty());
  }

  /**
   * Creates a parser that also checks a {@code relay.configDir} against the project folder.
   *
   * @param name the scenario name
   * @param source the file, as messages should name it
   * @param variants the relay variants that exist, or empty to skip the check
   * @param projectDir the project folder relay config directories are relative to, or empty to skip
   *     reading them
   */
  public ScenarioParser(
      String name, String source, Optional<List<String>> variants, Optional<Path> projectDir) {
    this.name = name;
    this.source = source;
    this.variants = variants;
    this.projectDir = projectDir;
    this.f = new Fields(source);
  }

  /** Returns the reader, so callers can add problems found before parsing (syntax, overrides). */
  public Fields fields() {
    return f;
  }

  /** Parses the tree, or throws every problem found. */
  public Scenario parse(JsonNode root, String effectiveYaml) throws ScenarioException {
    if (root == null || root.isMissingNode() || root.isNull()) {
      f.error("", "the file is empty");
      throw new ScenarioException(f.errors());
    }
    ObjectNode top = f.object(root, "");
    String description = f.text(top, "", "description");
    if (description != null && description.isBlank()) {
      f.error("description", "must not be empty");
    }
    List<String> tags = f.words(top, "", "tags");
    for (int i = 0; i < tags.size(); i++) {
      if (!WORD.matcher(tags.get(i)).matches()) {
        f.error("tags[" + i + "]", "'" + tags.get(i) + "' is not a tag (lower case, digits, -)");
      }
    }
    RelaySpec relay = relay(f.object(top.get("relay"), "relay"));
    TopologySpec topology = topology(f.object(top.get("topology"), "topology"));
    checkConfigDir(relay, topology);
    ClientSpec client = client(f.object(top.get("client"), "client"));
    LoadSpec load = load(f.object(top.get("load"), "load"));
    MailSpec mail = mail(f.object(top.get("mail"), "mail"));
    List<TimelineStep> timeline =
        new TimelineParser(f, topology, load, loadStepsRead).parse(top.get("timeline"));
    DrainSpec drain =
        new DrainSpec((int) f.integer(f.object(top.get("drain"), "drain"), "drain", "maxSeconds"));
    Expectations expect =
        new ExpectParser(f, topology, timeline)
            .parse(top.get("expect"), f.words(top, "", "expectFailure"));
    List<BrokenRelay> brokenBy = brokenBy(top.get("brokenBy"), expect);
    SweepSpec sweep = sweep(f.object(top.get("sweep"), "sweep"));
    if (!f.errors().isEmpty()) {
      throw new ScenarioException(f.errors());
    }
    return new Scenario(
        name,
        source,
        description,
        tags,
        relay,
        topology,
        client,
        load,
        mail,
        timeline,
        drain,
        expect,
        brokenBy,
        sweep,
        effectiveYaml);
  }

  /**
   * Reads the {@code sweep:} block: keys as {@code --set} names them, each with at least two
   * distinct values. Whether each value loads is checked by {@code ScenarioLoader}.
   */
  private SweepSpec sweep(ObjectNode node) {
    if (node.isEmpty()) {
      return SweepSpec.NONE;
    }
    int repeats = (int) f.integer(node, "sweep", "repeats");
    Map<String, List<String>> params = new LinkedHashMap<>();
    JsonNode p = node.get("parameters");
    if (p == null || p.isNull()) {
      f.error("sweep.parameters", "required key is missing (name one or two keys to sweep)");
      return SweepSpec.NONE;
    }
    if (!p.isObject()) {
      f.error("sweep.parameters", "expected a mapping of key to values, got " + Fields.show(p));
      return SweepSpec.NONE;
    }
    Iterator<Map.Entry<String, JsonNode>> it = p.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = "sweep.parameters." + e.getKey();
      JsonNode v = e.getValue();
      if (v == null || !v.isArray()) {
        f.error(at, "expected a list of values, got " + Fields.show(v));
        continue;
      }
      List<String> values = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = v.get(i);
        if (!item.isValueNode() || item.isNull()) {
          f.error(at + "[" + i + "]", "expected a value, got " + Fields.show(item));
        } else {
          values.add(item.isBoolean() ? (item.asBoolean() ? "yes" : "no") : item.asText());
        }
      }
      params.put(e.getKey(), values);
    }
    SweepSpec.problems(params).forEach(problem -> f.error("sweep.parameters", problem));
    return new SweepSpec(params, repeats);
  }

  private List<BrokenRelay> brokenBy(JsonNode node, Expectations expect) {
    List<BrokenRelay> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      f.error("brokenBy", "expected a list of broken relays, got " + Fields.show(node));
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      String at = "brokenBy[" + i + "]";
      ObjectNode item = f.object(node.get(i), at);
      String name = f.text(item, at, "name");
      if (name != null && !WORD.matcher(name).matches()) {
        f.error(at + ".name", "'" + name + "' is not a word (lower case, digits, -)");
      }
      String why = f.text(item, at, "why");
      List<String> sets = new ArrayList<>();
      JsonNode set = item.get("set");
      if (set != null && !set.isNull()) {
        if (!set.isObject()) {
          f.error(
              at + ".set", "expected a mapping of scenario key to value, got " + Fields.show(set));
        } else {
          set.fields()
              .forEachRemaining(
                  e ->
                      sets.add(
                          e.getKey()
                              + "="
                              + (e.getValue().isTextual()
                                  ? e.getValue().asText()
                                  : e.getValue().toString())));
        }
      }
      List<String> caughtBy = f.words(item, at, "caughtBy");
      if (caughtBy.isEmpty()) {
        f.error(at + ".caughtBy", "name at least one verdict that must fail");
      }
      for (String v : caughtBy) {
        if (!expect.checks().containsKey(v)) {
          f.error(
              at + ".caughtBy",
              "'"
                  + v
                  + "' is not judged by this scenario (judged: "
                  + String.join(", ", expect.names())
                  + ")");
        }
      }
      out.add(new BrokenRelay(name, why, sets, caughtBy));
    }
    return out;
  }

  private RelaySpec relay(ObjectNode node) {
    String variant = f.text(node, "relay", "variant");
    if (variant != null && variants.isPresent() && !variants.get().contains(variant)) {
      String hint =
          Suggest.closest(variant, variants.get())
              .map(c -> " (did you mean '" + c + "'?)")
              .orElse("");
      f.error(
          "relay.variant",
          "unknown variant '"
              + variant
              + "'"
              + hint
              + "; docker/relay/configs has: "
              + (variants.get().isEmpty() ? "(none)" : String.join(", ", variants.get())));
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    JsonNode o = node.get("overrides");
    if (o != null && !o.isNull()) {
      if (!o.isObject()) {
        f.error("relay.overrides", "expected a mapping of main.cf settings, got " + Fields.show(o));
      } else {
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          String at = "relay.overrides." + e.getKey();
          JsonNode v = e.getValue();
          if (!PARAMETER.matcher(e.getKey()).matches()) {
            f.error(at, "'" + e.getKey() + "' is not a main.cf parameter name");
          } else if (v == null || v.isNull()) {
            f.error(at, "needs a value (write \"\" to set it empty)");
          } else if (v.isBoolean()) {
            override(overrides, at, e.getKey(), v.asBoolean() ? "yes" : "no");
          } else if (v.isValueNode()) {
            override(overrides, at, e.getKey(), v.asText());
          } else {
            f.error(at, "expected a main.cf value (text, number, yes/no), got " + Fields.show(v));
          }
        }
      }
    }
    String port = f.choice(node, "relay", "port");
    String configDir = f.text(node, "relay", "configDir");
    if (configDir != null && configDir.isBlank()) {
      f.error("relay.configDir", "must name a directory");
      configDir = null;
    }
    return new RelaySpec(
        variant, overrides, Integer.parseInt(port == null ? "25" : port), configDir);
  }

  /**
   * Reads a {@code relay.configDir} (relative to the project folder) and reports what cannot run in
   * this topology, each problem naming the file and the setting.
   */
  private void checkConfigDir(RelaySpec relay, TopologySpec topology) {
    if (relay.configDir() == null || projectDir.isEmpty()) {
      return;
    }
    Path dir = projectDir.get().resolve(relay.configDir());
    OperatorConfig.read(dir, relay.overrides())
        .problems(topology.workers(), relay.port())
        .forEach(p -> f.error("relay.configDir", p));
  }

  /** Keeps a main.cf override, reporting a value Postfix would refuse (see PostfixParameters). */
  private void override(Map<String, String> overrides, String at, String name, String value) {
    PostfixParameters.problem(name, value).ifPresent(problem -> f.error(at, problem));
    overrides.put(name, value);
  }

  private TopologySpec topology(ObjectNode node) {
    int workers = (int) f.integer(node, "topology", "workers");
    List<String> names = TopologySpec.workerNames(workers);
    Map<String, Integer> preferences = workerMap(node, "preferences", names);
    Map<String, Integer> weights = workerMap(node, "weights", names);
    int relays = (int) f.integer(node, "topology", "relays");
    List<String> relayNames =
        relays > 1
            ? java.util.stream.IntStream.range(0, relays).mapToObj(i -> "relay" + i).toList()
            : List.of();
    Map<String, String> regions = new LinkedHashMap<>();
    Map<String, Integer> relayPreferences = new LinkedHashMap<>();
    ObjectNode regionMap = mapOf(node.get("regions"), "topology.regions");
    ObjectNode prefMap = mapOf(node.get("relayPreferences"), "topology.relayPreferences");
    for (String key : List.of("regions", "relayPreferences")) {
      Iterator<String> it = (key.equals("regions") ? regionMap : prefMap).fieldNames();
      while (it.hasNext()) {
        String relay = it.next();
        if (!relayNames.contains(relay)) {
          f.error("topology." + key + "." + relay, unknownRelay(relay, relayNames));
        }
      }
    }
    for (String relay : relayNames) {
      String region = f.text(regionMap, "topology.regions", relay);
      if (region == null) {
        region = "region-" + relay;
      } else if (!WORD.matcher(region).matches()) {
        f.error(
            "topology.regions." + relay,
            "'" + region + "' is not a region name (lower case, digits, -)");
      }
      regions.put(relay, region);
      relayPreferences.put(relay, (int) f.integer(prefMap, "topology.relayPreferences", relay));
    }
    boolean sender = f.bool(node, "topology", "sender");
    Map<String, String> senderOverrides = new LinkedHashMap<>();
    ObjectNode senderMap = mapOf(node.get("senderOverrides"), "topology.senderOverrides");
    Iterator<Map.Entry<String, JsonNode>> so = senderMap.fields();
    while (so.hasNext()) {
      Map.Entry<String, JsonNode> e = so.next();
      String at = "topology.senderOverrides." + e.getKey();
      if (!PARAMETER.matcher(e.getKey()).matches()) {
        f.error(at, "'" + e.getKey() + "' is not a Postfix parameter name");
      } else if (!e.getValue().isValueNode()) {
        f.error(at, "expected a value, got " + Fields.show(e.getValue()));
      } else if (e.getValue().isBoolean()) {
        // as relay.overrides: YAML (and --set) reads yes/no as booleans, Postfix wants yes/no
        override(senderOverrides, at, e.getKey(), e.getValue().asBoolean() ? "yes" : "no");
      } else {
        override(senderOverrides, at, e.getKey(), e.getValue().asText());
      }
    }
    ObjectNode poolMap = mapOf(node.get("workerPools"), "topology.workerPools");
    if (relays <= 1 && (!senderOverrides.isEmpty() || !regionMap.isEmpty() || !poolMap.isEmpty())) {
      f.error(
          "topology.relays",
          "regions, workerPools and senderOverrides need a relay tier (relays: 2.."
              + io.relayharness.relay.RelayAddresses.MAX_RELAYS
              + ")");
    }
    Map<String, List<String>> pools = relays > 1 ? workerPools(poolMap, names, regions) : Map.of();
    return new TopologySpec(
        workers,
        preferences,
        weights,
        relays,
        regions,
        relayPreferences,
        sender,
        senderOverrides,
        pools);
  }

  /**
   * Resolves {@code topology.workerPools} to one pool per relay: a key names a relay (its own pool)
   * or a region (the pool of each of its relays). Every relay gets exactly one pool, every pool
   * names known workers, and every worker is in some pool; empty when the scenario gives none.
   */
  private Map<String, List<String>> workerPools(
      ObjectNode poolMap, List<String> workers, Map<String, String> regions) {
    if (poolMap.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> byRelay = new LinkedHashMap<>();
    Map<String, String> givenBy = new LinkedHashMap<>();
    java.util.Set<String> covered = new java.util.TreeSet<>();
    Iterator<String> it = poolMap.fieldNames();
    while (it.hasNext()) {
      String key = it.next();
      String at = "topology.workerPools." + key;
      List<String> members;
      if (regions.containsKey(key)) {
        members = List.of(key);
      } else if (regions.containsValue(key)) {
        members = regions.keySet().stream().filter(r -> key.equals(regions.get(r))).toList();
      } else {
        f.error(
            at,
            "unknown relay or region '"
                + key
                + "' (the topology has "
                + String.join(", ", regions.keySet())
                + "; regions "
                + String.join(", ", new java.util.LinkedHashSet<>(regions.values()))
                + ")");
        continue;
      }
      List<String> pool = f.words(poolMap, "topology.workerPools", key);
      if (pool.isEmpty() && poolMap.get(key).isArray()) {
        f.error(at, "a pool needs at least one worker");
      }
      List<String> known = new ArrayList<>();
      for (String w : pool) {
        if (!workers.contains(w)) {
          f.error(at, unknownWorker(w, workers));
        } else if (known.contains(w)) {
          f.error(at, "names " + w + " twice");
        } else {
          known.add(w);
        }
      }
      covered.addAll(known);
      for (String relay : members) {
        String before = givenBy.putIfAbsent(relay, key);
        if (before != null) {
          f.error(
              at,
              relay
                  + " already has a pool (from topology.workerPools."
                  + before
                  + "): give each relay one pool, by its name or by its region");
        } else {
          byRelay.put(relay, known);
        }
      }
    }
    List<String> without = regions.keySet().stream().filter(r -> !givenBy.containsKey(r)).toList();
    if (!without.isEmpty()) {
      f.error(
          "topology.workerPools",
          String.join(", ", without)
              + (without.size() == 1 ? " has" : " have")
              + " no pool (name every relay, or its region, once the tier has pools)");
    }
    List<String> idle = workers.stream().filter(w -> !covered.contains(w)).toList();
    if (!idle.isEmpty()) {
      f.error(
          "topology.workerPools",
          String.join(", ", idle)
              + (idle.size() == 1 ? " is" : " are")
              + " in no pool (every worker must be in one, or no relay would deliver to it)");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    regions.keySet().forEach(r -> out.put(r, byRelay.getOrDefault(r, List.of())));
    return out;
  }

  /** Returns the message for a relay name the topology does not have. */
  static String unknownRelay(String relay, List<String> relays) {
    return "unknown relay '"
        + relay
        + "' ("
        + (relays.isEmpty()
            ? "the topology has one relay, named relay; set topology.relays for a tier"
            : "the topology has " + relays.get(0) + ".." + relays.get(relays.size() - 1))
        + ")";
  }

  /** Reads a map keyed by worker name, filling in the default for the workers it omits. */
  private Map<String, Integer> workerMap(ObjectNode node, String key, List<String> workers) {
    String path = "topology." + key;
    ObjectNode map = mapOf(node.get(key), path);
    Iterator<String> it = map.fieldNames();
    while (it.hasNext()) {
      String worker = it.next();
      if (!workers.contains(worker)) {
        f.error(path + "." + worker, unknownWorker(worker, workers));
      }
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String worker : workers) {
      out.put(worker, (int) f.integer(map, path, worker));
    }
    return out;
  }

  /** Returns the mapping at {@code path} with user-chosen keys (no key check). */
  ObjectNode mapOf(JsonNode node, String path) {
    if (node != null && !node.isNull() && !node.isObject()) {
      f.error(path, "expected a mapping, got " + Fields.show(node));
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    return node == null || node.isNull()
        ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        : (ObjectNode) node;
  }

  /** Returns the message for a worker name the topology does not have. */
  static String unknownWorker(String worker, List<String> workers) {
    return "unknown worker '"
        + worker
        + "' (the topology has "
        + (workers.size() == 1
            ? workers.get(0)
            : workers.get(0) + ".." + workers.get(workers.size() - 1))
        + ")";
  }

  private ClientSpec client(ObjectNode node) {
    String starttls = f.choice(node, "client", "starttls");
    ObjectNode auth = f.object(node.get("auth"), "client.auth");
    String user = f.text(auth, "client.auth", "user");
    String password = f.text(auth, "client.auth", "password");
    if ((user == null) != (password == null)) {
      f.error("client.auth", "give both user and password, or neither");
    }
    return new ClientSpec(
        ClientSpec.StartTls.of(starttls == null ? "off" : starttls),
        user,
        password,
        f.bool(node, "client", "pipelining"),
        (int) f.integer(node, "client", "maxConnections"),
        f.text(node, "client", "helo"));
  }

  private LoadSpec load(ObjectNode node) {
    ObjectNode warmUp = f.object(node.get("warmUp"), "load.warmUp");
    double warmUpRate = f.number(warmUp, "load.warmUp", "rate");
    int warmUpSeconds = (int) f.integer(warmUp, "load.warmUp", "seconds");
    List<LoadStep> steps = new ArrayList<>();
    int errorsBefore = f.errors().size();
    JsonNode list = node.get("steps");
    if (list == null || list.isNull()) {
      f.error("load.steps", "required key is missing (a list of constant/ramp/spike steps)");
    } else if (!list.isArray()) {
      f.error("load.steps", "expected a list of steps, got " + Fields.show(list));
    } else if (list.isEmpty()) {
      f.error("load.steps", "needs at least one step");
    } else {
      for (int i = 0; i < list.size(); i++) {
        LoadStep step = loadStep(list.get(i), "load.steps[" + i + "]");
        if (step != null) {
          steps.add(step);
        }
      }
    }
    LoadSpec spec =
        new LoadSpec(
            warmUpRate,
            warmUpSeconds,
            steps,
            (int) f.integer(node, "load", "recipients"),
            f.text(node, "load", "from"),
            f.text(node, "load", "to"),
            (int) f.integer(node, "load", "senderPool"),
            (int) f.integer(node, "load", "recipientPool"),
            f.number(node, "load", "unknownRecipientShare"));
    boolean stepsRead = f.errors().size() == errorsBefore && !steps.isEmpty();
    loadStepsRead = stepsRead;
    if (stepsRead && !steps.isEmpty() && spec.peakRatePerSec() <= 0) {
      f.error("load.steps", "every step has rate 0: the scenario would send nothing");
    }
    return spec;
  }

  private LoadStep loadStep(JsonNode item, String path) {
    ObjectNode step = f.object(item, path);
    List<String> kinds = new ArrayList<>();
    step.fieldNames().forEachRemaining(kinds::add);
    kinds.retainAll(List.of("constant", "ramp", "spike"));
    if (kinds.size() != 1) {
      if (item != null && item.isObject()) {
        f.error(
            path,
            "a step has exactly one of constant, ramp, spike; got "
                + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
      }
      return null;
    }
    String kind = kinds.get(0);
    String at = path + "." + kind;
    ObjectNode body = f.object(step.get(kind), at);
    return switch (kind) {
      case "constant" ->
          new LoadStep.Constant(f.number(body, at, "rate"), (int) f.integer(body, at, "seconds"));
      case "ramp" ->
          new LoadStep.Ramp(
              f.number(body, at, "from"),
              f.number(body, at, "to"),
              (int) f.integer(body, at, "seconds"));
      default ->
          new LoadStep.Spike(f.number(body, at, "rate"), (int) f.integer(body, at, "seconds"));
    };
  }

  private MailSpec mail(ObjectNode node) {
    ObjectNode kinds = f.object(node.get("kinds"), "mail.kinds");
    double journal = f.number(kinds, "mail.kinds", "journal");
    double bcc = f.number(kinds, "mail.kinds", "bcc");
    if (journal + bcc <= 0) {
      f.error("mail.kinds", "the shares add up to 0: no kind of mail to make");
    }
    int median = (int) f.integer(node, "mail", "sizeMedianBytes");
    int cap = (int) f.integer(node, "mail", "sizeCapBytes");
    if (cap < median) {
      f.error(
          "mail.sizeCapBytes",
          cap
              + " is below mail.sizeMedianBytes ("
              + median
              + "): the cap must be at least the median");
    }
    return new MailSpec(
        f.integer(node, "mail", "seed"),
        journal,
        bcc,
        median,
        cap,
        f.number(node, "mail", "attachmentShare"));
  }
}
