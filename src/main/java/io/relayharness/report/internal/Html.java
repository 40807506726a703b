package io.relayharness.report.internal;

import java.util.List;
import java.util.Locale;

/** HTML escaping, number formatting and small table writers for the report pages. Stateless. */
public final class Html {

  private Html() {}

  /** {@code text} escaped for HTML element content and attribute values. */
  public static String esc(Object text) {
    if (text == null) {
      return "";
    }
    String s = text.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A number for people: integers without decimals, others to at most 3 decimals; NaN "—". */
  public static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "—";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    String s = String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /** A fraction as a percentage with one decimal, e.g. "33.3 %". */
  public static String pct(double fraction) {
    return Double.isNaN(fraction) ? "—" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }

  /** A PASS/FAIL badge. */
  public static String badge(boolean passed) {
    return passed
        ? "<span class=\"badge pass\">PASS</span>"
        : "<span class=\"badge fail\">FAIL</span>";
  }

  /** A badge for a verdict that may be absent ("—" when {@code passed} is null). */
  public static String badge(Boolean passed) {
    return passed == null ? "<span class=\"badge none\">—</span>" : badge(passed.booleanValue());
  }

  /** A table with escaped header cells and rows of ready-made HTML cells. */
  public static String table(String cssClass, List<String> header, List<List<String>> rowsHtml) {
    StringBuilder b = new StringBuilder();
    b.append("<table class=\"").append(esc(cssClass)).append("\"><thead><tr>");
    for (String h : header) {
      b.append("<th>").append(esc(h)).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (List<String> row : rowsHtml) {
      b.append("<tr>");
      for (String cell : row) {
        b.append("<td>").append(cell).append("</td>");
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  /** A note paragraph (escaped). */
  public static String note(String text) {
    return "<p class=\"note\">" + esc(text) + "</p>";
  }
}
