package io.relayharness.verdict;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Shows verdict results in the Allure report: one step per verdict, passed or failed, with its
 * figures as step parameters and its summary, figures and tables as attachments (tables as CSV and
 * HTML). Does not throw: assert separately. Thread-safe as far as Allure's lifecycle is (steps go
 * to the calling thread's current test).
 */
public final class AllureVerdicts {

  private AllureVerdicts() {}

  /** Reports each of {@code results}. */
  public static void report(List<VerdictResult> results) {
    results.forEach(AllureVerdicts::report);
  }

  /** Reports one verdict as an Allure step with attachments. */
  public static void report(VerdictResult result) {
    AllureLifecycle lifecycle = Allure.getLifecycle();
    String uuid = UUID.randomUUID().toString();
    List<Parameter> parameters = new ArrayList<>();
    result
        .figures()
        .forEach((k, v) -> parameters.add(new Parameter().setName(k).setValue(String.valueOf(v))));
    lifecycle.startStep(
        uuid,
        new StepResult()
            .setName("verdict " + result.name() + ": " + (result.passed() ? "passed" : "FAILED"))
            .setParameters(parameters)
            .setStatus(result.passed() ? Status.PASSED : Status.FAILED)
            .setStatusDetails(new StatusDetails().setMessage(result.summary())));
    try {
      Allure.addAttachment(result.name() + " summary", "text/plain", result.describe(), ".txt");
      for (Table t : result.tables()) {
        Allure.addAttachment(
            result.name() + " - " + t.title() + " (CSV)",
            "text/csv",
            new java.io.ByteArrayInputStream(csv(t).getBytes(StandardCharsets.UTF_8)),
            ".csv");
        Allure.addAttachment(
            result.name() + " - " + t.title(),
            "text/html",
            new java.io.ByteArrayInputStream(html(t).getBytes(StandardCharsets.UTF_8)),
            ".html");
      }
    } finally {
      lifecycle.stopStep(uuid);
    }
  }

  /** Returns a table as RFC 4180 CSV. */
  public static String csv(Table t) {
    StringBuilder s = new StringBuilder();
    s.append(csvLine(t.columns()));
    t.rows().forEach(r -> s.append(csvLine(r)));
    return s.toString();
  }

  /** Returns a table as a small self-contained HTML page. */
  public static String html(Table t) {
    StringBuilder s =
        new StringBuilder("<!doctype html><meta charset=\"utf-8\"><style>")
            .append("table{border-collapse:collapse;font:13px sans-serif}")
            .append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}")
            .append("</style><h3>")
            .append(escape(t.title()))
            .append("</h3><table><tr>");
    t.columns().forEach(c -> s.append("<th>").append(escape(c)).append("</th>"));
    s.append("</tr>");
    for (List<String> row : t.rows()) {
      s.append("<tr>");
      row.forEach(c -> s.append("<td>").append(escape(c)).append("</td>"));
      s.append("</tr>");
    }
    return s.append("</table>").toString();
  }

  private static String csvLine(List<String> cells) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      s.append(i == 0 ? "" : ",");
      if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
        s.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        s.append(c);
      }
    }
    return s.append("\r\n").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
