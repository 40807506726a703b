package io.relayharness.scenario;

import io.relayharness.faults.FaultActions;
import io.relayharness.scenario.Setting.Type;
import io.relayharness.verdict.ParamSpec;
import io.relayharness.verdict.VerdictSpec;
import io.relayharness.verdict.Verdicts;
import io.relayharness.vocab.SmtpStage;
import io.relayharness.vocab.ToxicKind;
import io.relayharness.vocab.ToxicStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of a scenario file with its default and bounds, in one table. The loader takes
 * defaults and bounds from here; {@link #markdown()} prints the table for the README. Immutable;
 * thread-safe.
 */
public final class ScenarioSchema {

  /** The largest rate a load step may ask for, in messages per second. */
  public static final double MAX_RATE_PER_SEC = 5000;

  private static final List<Setting> SETTINGS = build();
  private static final Map<String, Setting> BY_PATH = index(SETTINGS);

  private ScenarioSchema() {}

  /** Returns every setting, in file order. */
  public static List<Setting> settings() {
    return SETTINGS;
  }

  /** Returns the setting at a path pattern ({@code load.steps[].constant.rate}). */
  public static Optional<Setting> find(String pattern) {
    return Optional.ofNullable(BY_PATH.get(pattern));
  }

  /** Returns the setting at a path pattern, failing when the table does not define it. */
  public static Setting get(String pattern) {
    Setting setting = BY_PATH.get(pattern);
    if (setting == null) {
      throw new IllegalArgumentException("no setting " + pattern + " in the scenario schema");
    }
    return setting;
  }

  /** Returns the keys allowed directly under the object at {@code pattern} ("" = top level). */
  public static Set<String> childKeys(String pattern) {
    String prefix = pattern.isEmpty() ? "" : pattern + ".";
    Set<String> keys = new LinkedHashSet<>();
    for (Setting s : SETTINGS) {
      if (s.path().startsWith(prefix) && s.path().length() > prefix.length()) {
        String rest = s.path().substring(prefix.length());
        String key = rest.split("[.\\[]", 2)[0];
        if (!key.startsWith("<")) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  /** Returns the table as Markdown: key, type, default, bounds, meaning. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| key | type | default | bounds / choices | meaning |\n");
    out.append("|---|---|---|---|---|\n");
    for (Setting s : SETTINGS) {
      out.append("| `")
          .append(s.path())
          .append("` | ")
          .append(s.type().name().toLowerCase())
          .append(" | ")
          .append(defaultText(s))
          .append(" | ")
          .append(s.boundsText())
          .append(" | ")
          .append(s.doc().replace("|", "\\|"))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String defaultText(Setting s) {
    if (s.required()) {
      return "*required*";
    }
    Object d = s.defaultValue();
    if (d == null) {
      return s.nullable() ? "null" : "";
    }
    if (d instanceof Double v) {
      return "`" + Setting.number(v) + "`";
    }
    return "`" + d + "`";
  }

  /** A verdict parameter as a schema row: the verdict's own spec is the single definition. */
  private static Setting fromParam(String path, ParamSpec p) {
    Type type =
        switch (p.type()) {
          case INTEGER -> Type.INT;
          case NUMBER -> Type.NUMBER;
          case STRING, STEP -> Type.STRING;
          case BOOLEAN -> Type.BOOLEAN;
          case WEIGHTS, PHASES -> Type.MAP;
          case CODES -> Type.LIST;
        };
    // Weights default to what the scenario's topology implies, not to the spec's fallback.
    Object def = p.type() == ParamSpec.Type.WEIGHTS ? null : p.defaultValue();
    if (def instanceof Integer i && type == Type.NUMBER) {
      def = i.doubleValue();
    }
    boolean required =
        p.defaultValue() == null && !p.nullable() && p.type() != ParamSpec.Type.WEIGHTS;
    return new Setting(
        path, type, def, p.min(), p.max(), List.of(), required, p.nullable(), p.description());
  }

  private static Map<String, Setting> index(List<Setting> settings) {
    Map<String, Setting> map = new LinkedHashMap<>();
    for (Setting s : settings) {
      if (map.put(s.path(), s) != null) {
        throw new IllegalStateException("duplicate setting " + s.path());
      }
    }
    return Map.copyOf(map);
  }

  private static List<Setting> build() {
    Table t = new Table();
    t.req("description", Type.STRING, "what the scenario shows, one or two sentences");
    t.add(
        "tags",
        Type.STRINGS,
        List.of(),
        "labels, e.g. `outage`; `./harness list --tag outage` filters by them");

    t.obj("relay", "the relay under test");
    t.add(
        "relay.variant", Type.STRING, "mx-roundrobin", "config folder under docker/relay/configs/");
    t.map("relay.overrides", "main.cf settings applied on top of the variant");
    t.add(
        "relay.overrides.<parameter>",
        Type.STRING,
        null,
        "a main.cf value; yes/no for booleans; an empty string clears; times, numbers and yes/no"
            + " checked against Postfix 3.7");
    t.choice(
        "relay.port", "25", List.of("25", "587"), "port the load connects to; 587 = submission");
    t.add(
        "relay.configDir",
        Type.STRING,
        null,
        "an operator's own config directory (main.cf, master.cf, maps), relative to the project"
            + " folder; run instead of the variant (see README, Your own relay config)");

    t.obj("topology", "the workers behind the relay; the DNS zone is generated from it");
    t.num("topology.workers", Type.INT, 3, 1, 10, "number of sink workers worker0..N-1");
    t.map("topology.preferences", "MX preference per worker (lower wins)");
    t.num("topology.preferences.<worker>", Type.INT, 10, 0, 65535, "MX preference of a worker");
    t.map("topology.weights", "randmap weight per worker (times it is listed)");
    t.num("topology.weights.<worker>", Type.INT, 1, 0, 100, "randmap weight of a worker");
    t.num(
        "topology.relays",
        Type.INT,
        1,
        1,
        4,
        "relays: 1 = the relay under test alone; 2..4 = a relay tier relay0..N-1, each running"
            + " the relay config, sharing the workers unless topology.workerPools splits them");
    t.map("topology.regions", "tier: region name per relay (default: one region per relay)");
    t.add("topology.regions.<relay>", Type.STRING, null, "tier: the relay's region, e.g. eu");
    t.map("topology.relayPreferences", "tier: MX preference per relay for the archive domain");
    t.num(
        "topology.relayPreferences.<relay>",
        Type.INT,
        10,
        0,
        65535,
        "tier: MX preference of a relay (lower wins; 10/20 = primary/backup)");
    t.map(
        "topology.workerPools",
        "tier: a worker pool per relay or per region (default: every relay shares every worker);"
            + " each relay resolves the workers in its own view of the zone, listing its pool");
    t.add(
        "topology.workerPools.<relay-or-region>",
        Type.STRINGS,
        null,
        "tier: the workers of a relay's pool (or of every relay of a region); each relay needs"
            + " exactly one pool, each worker must be in some pool");
    t.add(
        "topology.sender",
        Type.BOOLEAN,
        true,
        "tier: a sending MTA (variant sender) takes the load and finds the relays by MX lookup;"
            + " false = the load goes to relay0");
    t.map("topology.senderOverrides", "tier: main.cf settings of the sending MTA");
    t.add(
        "topology.senderOverrides.<parameter>",
        Type.STRING,
        null,
        "tier: a main.cf value of the sending MTA, checked as relay.overrides are");

    t.obj("client", "how the load injector speaks SMTP");
    t.choice(
        "client.starttls",
        "off",
        List.of("off", "opportunistic", "required"),
        "STARTTLS use by the injector");
    t.obj("client.auth", "SMTP AUTH credentials (both or neither)");
    t.add("client.auth.user", Type.STRING, null, "AUTH user name");
    t.add("client.auth.password", Type.STRING, null, "AUTH password");
    t.add("client.pipelining", Type.BOOLEAN, true, "use PIPELINING when the relay offers it");
    t.num("client.maxConnections", Type.INT, 20, 1, 1000, "cap on open connections to the relay");
    t.add("client.helo", Type.STRING, "injector.example.com", "EHLO name");

    t.obj("load", "offered load, open model; `timeline[].at` counts from the end of warm-up");
    t.obj("load.warmUp", "constant load before the measured steps, not timed by the timeline");
    t.num("load.warmUp.rate", Type.NUMBER, 20.0, 0, MAX_RATE_PER_SEC, "messages per second");
    t.num("load.warmUp.seconds", Type.INT, 5, 0, 600, "warm-up length");
    t.reqList("load.steps", "load steps, run one after another; each has one key");
    t.obj("load.steps[].constant", "a constant rate");
    t.reqNum("load.steps[].constant.rate", Type.NUMBER, 0, MAX_RATE_PER_SEC, "messages per second");
    t.reqNum("load.steps[].constant.seconds", Type.INT, 1, 3600, "step length");
    t.obj("load.steps[].ramp", "a linear ramp between two rates");
    t.reqNum("load.steps[].ramp.from", Type.NUMBER, 0, MAX_RATE_PER_SEC, "start rate, msg/s");
    t.reqNum("load.steps[].ramp.to", Type.NUMBER, 0, MAX_RATE_PER_SEC, "end rate, msg/s");
    t.reqNum("load.steps[].ramp.seconds", Type.INT, 1, 3600, "step length");
    t.obj("load.steps[].spike", "a burst at a high rate");
    t.reqNum("load.steps[].spike.rate", Type.NUMBER, 0, MAX_RATE_PER_SEC, "messages per second");
    t.reqNum("load.steps[].spike.seconds", Type.INT, 1, 3600, "step length");
    t.num("load.recipients", Type.INT, 1, 1, 100, "envelope recipients per message");
    t.add("load.from", Type.STRING, "corp.example.com", "sender domain (local parts vary)");
    t.add("load.to", Type.STRING, "archive.example.com", "recipient domain");
    t.num(
        "load.senderPool",
        Type.INT,
        200,
        1,
        1_000_000,
        "distinct senders (local parts s0..); vary envelopes for randmap");
    t.num(
        "load.recipientPool",
        Type.INT,
        1000,
        1,
        1_000_000,
        "distinct known recipients (local parts r0..)");
    t.num(
        "load.unknownRecipientShare",
        Type.NUMBER,
        0.0,
        0,
        1,
        "share of messages to a recipient the relay does not know (unknown-N)");

    t.obj("mail", "the journaled-mail generator");
    t.num("mail.seed", Type.INT, 1, 0, Long.MAX_VALUE, "random seed: same seed, same mails");
    t.obj("mail.kinds", "mix of message kinds (relative shares)");
    t.num("mail.kinds.journal", Type.NUMBER, 0.7, 0, 1000, "envelope journal reports");
    t.num("mail.kinds.bcc", Type.NUMBER, 0.3, 0, 1000, "BCC copies");
    t.num("mail.sizeMedianBytes", Type.INT, 8192, 200, 10_000_000, "median message size");
    t.num("mail.sizeCapBytes", Type.INT, 262_144, 200, 50_000_000, "largest message size");
    t.num("mail.attachmentShare", Type.NUMBER, 0.1, 0, 1, "share of messages with an attachment");

    t.list("timeline", "faults at times measured from the end of warm-up");
    t.reqDuration("timeline[].at", "when the step fires, from the end of warm-up (e.g. 10s)");
    t.add(
        "timeline[].for",
        Type.DURATION,
        null,
        "how long the fault lasts; the engine undoes it at at+for (else: until an undo step)");
    t.add("timeline[].name", Type.STRING, null, "window name, for `expect.queueing.during`");
    t.choiceReq("timeline[].action", FaultActions.names(), "what to do");
    t.add(
        "timeline[].target",
        Type.TARGET,
        null,
        "worker0..N-1, a list of workers, all-workers, or relay (relay-restart); relay tier:"
            + " relay0..N-1 or a list (relay actions, toxic on their inbound links), a region for"
            + " region-partition");
    t.add(
        "timeline[].region",
        Type.STRING,
        null,
        "toxic, relay tier: a region; the toxic goes on the inbound link of every relay in it"
            + " (instead of target)");
    t.choice(
        "timeline[].type",
        null,
        ToxicKind.scenarioNames(),
        "toxic (required): Toxiproxy toxic type");
    t.choice(
        "timeline[].stream",
        ToxicStream.DEFAULT.apiName(),
        ToxicStream.apiNames(),
        "toxic: upstream = relay to worker (on a relay link: sender to relay), downstream = the"
            + " way back");
    t.num("timeline[].toxicity", Type.NUMBER, 1.0, 0, 1, "toxic: share of connections affected");
    t.map("timeline[].attributes", "toxic: attributes, see Toxics in scenarios/README.md");
    t.num(
        "timeline[].attributes.<name>",
        Type.INT,
        null,
        0,
        Long.MAX_VALUE,
        "toxic attribute (latency, jitter, rate, timeout, delay, bytes, average_size, ...)");
    t.obj("timeline[].fault", "sink-fault: the SMTP fault the worker answers with");
    t.choiceReq("timeline[].fault.stage", SmtpStage.wireNames(), "sink-fault: SMTP stage");
    t.num("timeline[].fault.code", Type.INT, 451, 200, 599, "sink-fault: reply code");
    t.add("timeline[].fault.text", Type.STRING, "4.3.0 harness fault", "sink-fault: reply text");
    t.num(
        "timeline[].fault.count",
        Type.INT,
        null,
        1,
        1_000_000,
        "sink-fault: for the next N messages (else every message, or probability)");
    t.num(
        "timeline[].fault.probability", Type.NUMBER, null, 0, 1, "sink-fault: chance per message");
    t.choice(
        "timeline[].fault.action",
        "reply",
        List.of("reply", "drop-before-250"),
        "sink-fault: answer with the code, or take the data and drop the connection (stage eod)");
    t.num("timeline[].fault.delayMs", Type.INT, 0, 0, 600_000, "sink-fault: wait before answering");
    t.add("timeline[].drop", Type.BOOLEAN, false, "dns: remove the target workers from the MX set");
    t.num("timeline[].preference", Type.INT, null, 0, 65535, "dns: new MX preference of targets");

    t.obj(
        "sweep",
        "the grid `./harness sweep` runs when no `--param` is given; each value is checked by"
            + " loading the scenario with it");
    t.num("sweep.repeats", Type.INT, 3, 1, 50, "runs per grid point (`--repeats` overrides)");
    t.map(
        "sweep.parameters",
        "scenario key (as `--set` names it) → its values; one or two keys, each at least two"
            + " values");
    t.add("sweep.parameters.<key>", Type.STRINGS, null, "the values the key takes, in order");

    t.obj("drain", "after the load: wait for the relay queue to empty");
    t.num("drain.maxSeconds", Type.INT, 120, 0, 3600, "longest wait for an empty queue");

    t.obj(
        "expect",
        "what must hold; each key is a verdict (`relayHealth` and `accounting` are judged in"
            + " every run)");
    for (VerdictSpec spec : Verdicts.specs().values()) {
      t.obj("expect." + spec.key(), spec.description());
      for (ParamSpec p : spec.params()) {
        t.rows.add(fromParam("expect." + spec.key() + "." + p.name(), p));
      }
    }
    t.add(
        "expectFailure",
        Type.STRINGS,
        List.of(),
        "negative scenario: the run passes only when exactly these verdicts fail");
    t.list(
        "brokenBy",
        "relays broken on purpose that this scenario must catch; `mvn verify` runs each one");
    t.req("brokenBy[].name", Type.STRING, "what is broken, as a word (lower case, digits, -)");
    t.req("brokenBy[].why", Type.STRING, "what the broken relay does wrong, one sentence");
    t.map("brokenBy[].set", "scenario keys to change, as `--set key=value` does");
    t.add("brokenBy[].set.<key>", Type.STRING, null, "the new value");
    t.req("brokenBy[].caughtBy", Type.STRINGS, "the verdicts that must fail on it");
    return List.copyOf(t.rows);
  }

  /** Collects rows with short helpers; used only while building the table. */
  private static final class Table {
    final List<Setting> rows = new ArrayList<>();

    void add(String path, Type type, Object def, String doc) {
      rows.add(new Setting(path, type, def, null, null, List.of(), false, false, doc));
    }

    void req(String path, Type type, String doc) {
      rows.add(new Setting(path, type, null, null, null, List.of(), true, false, doc));
    }

    void obj(String path, String doc) {
      add(path, Type.OBJECT, null, doc);
    }

    void map(String path, String doc) {
      add(path, Type.MAP, null, doc);
    }

    void list(String path, String doc) {
      add(path, Type.LIST, null, doc);
    }

    void reqList(String path, String doc) {
      req(path, Type.LIST, doc);
    }

    void reqDuration(String path, String doc) {
      req(path, Type.DURATION, doc);
    }

    void num(String path, Type type, Object def, double min, double max, String doc) {
      Object value = def;
      if (def instanceof Integer i && type == Type.NUMBER) {
        value = i.doubleValue();
      }
      rows.add(new Setting(path, type, value, min, max, List.of(), false, false, doc));
    }

    void reqNum(String path, Type type, double min, double max, String doc) {
      rows.add(new Setting(path, type, null, min, max, List.of(), true, false, doc));
    }

    void nullNum(String path, Type type, double min, double max, String doc) {
      rows.add(new Setting(path, type, null, min, max, List.of(), false, true, doc));
    }

    void choice(String path, String def, List<String> choices, String doc) {
      rows.add(new Setting(path, Type.CHOICE, def, null, null, choices, false, false, doc));
    }

    void choiceReq(String path, List<String> choices, String doc) {
      rows.add(new Setting(path, Type.CHOICE, null, null, null, choices, true, false, doc));
    }
  }
}
