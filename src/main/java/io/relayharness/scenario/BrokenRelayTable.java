package io.relayharness.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The table of relays broken on purpose, as Markdown for the README: for every scenario, each
 * {@code brokenBy} entry (what is broken, how, which verdicts catch it) and, for a negative
 * scenario, the verdicts it must fail. {@code mvn verify} runs every row. Stateless; thread-safe.
 */
public final class BrokenRelayTable {

  private BrokenRelayTable() {}

  /** Returns the table for {@code scenarios}, in their order. */
  public static String markdown(List<Scenario> scenarios) {
    StringBuilder out = new StringBuilder();
    out.append("| scenario (claim) | broken relay | what it does wrong | caught by |\n");
    out.append("|---|---|---|---|\n");
    for (Scenario s : scenarios) {
      for (BrokenRelay b : s.brokenBy()) {
        out.append("| `")
            .append(s.name())
            .append("` | `")
            .append(b.name())
            .append("`: ")
            .append(b.sets().stream().map(x -> "`" + x + "`").collect(Collectors.joining(", ")))
            .append(" | ")
            .append(b.why().replace("|", "\\|"))
            .append(" | ")
            .append(String.join(", ", b.caughtBy()))
            .append(" |\n");
      }
      if (s.expect().negative()) {
        out.append("| `")
            .append(s.name())
            .append("` | the scenario itself (negative) | ")
            .append(firstSentence(s.description()).replace("|", "\\|"))
            .append(" | exactly ")
            .append(String.join(", ", s.expect().expectFailure()))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  private static String firstSentence(String text) {
    String t = text.replace("NEGATIVE: ", "").strip();
    int dot = t.indexOf(". ");
    return dot < 0 ? t : t.substring(0, dot + 1);
  }
}
