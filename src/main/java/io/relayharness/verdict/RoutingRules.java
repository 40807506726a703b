package io.relayharness.verdict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phases a {@link RoutingVerdict} judges and, per phase, who must receive the mail. A phase is
 * {@code before} (load start to the first timeline step), {@code after} (the last step's end to the
 * run's end) or the name of a timeline step (its window). Per worker, a rule on its share of the
 * phase's deliveries (or of its deferrals):
 *
 * <pre>
 *   none | all | "&gt;= 0.99" | "&lt;= 0.01" | "0.5 ± 0.1" (also "0.5 +- 0.1")
 * </pre>
 *
 * In YAML, {@code before: {worker0: ">= 0.99"}} judges deliveries; {@code worker2-dead: {delivered:
 * {...}, deferred: {worker2: all}}} judges both. Immutable; thread-safe.
 *
 * @param phases the phases in file order
 */
public record RoutingRules(List<Phase> phases) {

  /** The phase from the start of the load to the first timeline step. */
  public static final String BEFORE = "before";

  /** The phase from the end of the last timeline step to the end of the run. */
  public static final String AFTER = "after";

  /** The worker key of a rule on every worker together ({@code deferred: none}). */
  public static final String ANY = "*";

  private static final Pattern AT_LEAST = Pattern.compile(">=\\s*([0-9.]+)");
  private static final Pattern AT_MOST = Pattern.compile("<=\\s*([0-9.]+)");
  private static final Pattern AROUND =
      Pattern.compile("([0-9.]+)\\s*(?:±|\\+-|\\+/-)\\s*([0-9.]+)");

  public RoutingRules {
    phases = List.copyOf(phases);
  }

  /** Rules of one phase. */
  public record Phase(String name, Map<String, Rule> delivered, Map<String, Rule> deferred) {
    public Phase {
      delivered = Collections.unmodifiableMap(new LinkedHashMap<>(delivered));
      deferred = Collections.unmodifiableMap(new LinkedHashMap<>(deferred));
    }
  }

  /** What share of a phase's events one worker must get. */
  public record Rule(Kind kind, double share, double tolerance) {

    /** The kinds of rule. */
    public enum Kind {
      NONE,
      ALL,
      AT_LEAST,
      AT_MOST,
      AROUND
    }

    /** Returns whether {@code count} of {@code total} meets the rule. */
    public boolean holds(long count, long total) {
      double s = total == 0 ? 0 : (double) count / total;
      return switch (kind) {
        case NONE -> count == 0;
        case ALL -> total > 0 && count == total;
        case AT_LEAST -> total > 0 && s >= share;
        case AT_MOST -> s <= share;
        case AROUND -> total > 0 && Math.abs(s - share) <= tolerance;
      };
    }

    /** The rule as the scenario writes it. */
    public String text() {
      return switch (kind) {
        case NONE -> "none";
        case ALL -> "all";
        case AT_LEAST -> ">= " + fmt(share);
        case AT_MOST -> "<= " + fmt(share);
        case AROUND -> fmt(share) + " ± " + fmt(tolerance);
      };
    }

    private static String fmt(double d) {
      return String.format(Locale.ROOT, "%.3f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
  }

  /** Parses and checks {@code value} (the YAML mapping), naming {@code where} in every error. */
  static RoutingRules parse(String where, Object value, VerdictContext context) {
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      throw new IllegalArgumentException(
          where + ": expected a mapping of phase (before, after, a step name) to rules");
    }
    List<Phase> phases = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String phase = String.valueOf(e.getKey());
      String at = where + "." + phase;
      boolean known =
          phase.equals(BEFORE) || phase.equals(AFTER) || context.steps().contains(phase);
      if (!known && context != VerdictContext.NONE) {
        throw new IllegalArgumentException(
            at
                + ": unknown phase (known: before, after"
                + (context.steps().isEmpty() ? "" : ", " + String.join(", ", context.steps()))
                + ")");
      }
      if (!(e.getValue() instanceof Map<?, ?> rules) || rules.isEmpty()) {
        throw new IllegalArgumentException(at + ": expected a mapping of worker to rule");
      }
      Map<String, Rule> delivered = new LinkedHashMap<>();
      Map<String, Rule> deferred = new LinkedHashMap<>();
      if (rules.containsKey("delivered") || rules.containsKey("deferred")) {
        for (Map.Entry<?, ?> r : rules.entrySet()) {
          String kind = String.valueOf(r.getKey());
          switch (kind) {
            case "delivered" -> delivered.putAll(workers(at + ".delivered", r.getValue(), context));
            case "deferred" ->
                deferred.putAll(
                    "none".equals(r.getValue())
                        ? Map.of(ANY, new Rule(Rule.Kind.NONE, 0, 0))
                        : workers(at + ".deferred", r.getValue(), context));
            default ->
                throw new IllegalArgumentException(
                    at + "." + kind + ": unknown key (known: delivered, deferred)");
          }
        }
      } else {
        delivered.putAll(workers(at, rules, context));
      }
      phases.add(new Phase(phase, delivered, deferred));
    }
    return new RoutingRules(phases);
  }

  private static Map<String, Rule> workers(String where, Object value, VerdictContext context) {
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      throw new IllegalArgumentException(where + ": expected a mapping of worker to rule");
    }
    Map<String, Rule> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String worker = String.valueOf(e.getKey());
      if (context.knowsWorkers() && !context.workers().contains(worker)) {
        throw new IllegalArgumentException(
            where + "." + worker + ": " + unknownWorker(worker, context));
      }
      out.put(worker, rule(where + "." + worker, e.getValue()));
    }
    return out;
  }

  static Rule rule(String where, Object value) {
    String text = value == null ? "" : String.valueOf(value).trim();
    if (text.equals("none")) {
      return new Rule(Rule.Kind.NONE, 0, 0);
    }
    if (text.equals("all")) {
      return new Rule(Rule.Kind.ALL, 1, 0);
    }
    Matcher m;
    if ((m = AT_LEAST.matcher(text)).matches()) {
      return new Rule(Rule.Kind.AT_LEAST, share(where, m.group(1)), 0);
    }
    if ((m = AT_MOST.matcher(text)).matches()) {
      return new Rule(Rule.Kind.AT_MOST, share(where, m.group(1)), 0);
    }
    if ((m = AROUND.matcher(text)).matches()) {
      return new Rule(Rule.Kind.AROUND, share(where, m.group(1)), share(where, m.group(2)));
    }
    throw new IllegalArgumentException(
        where
            + ": '"
            + text
            + "' is not a rule (none, all, \">= 0.99\", \"<= 0.01\", \"0.5 ± 0.1\"; shares 0..1)");
  }

  private static double share(String where, String number) {
    double d;
    try {
      d = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": '" + number + "' is not a number");
    }
    if (d < 0 || d > 1) {
      throw new IllegalArgumentException(where + ": share " + number + " is not within 0..1");
    }
    return d;
  }

  static String unknownWorker(String worker, VerdictContext context) {
    return "unknown worker '"
        + worker
        + "' (the topology has "
        + context.workers().get(0)
        + ".."
        + context.workers().get(context.workers().size() - 1)
        + ")";
  }
}
