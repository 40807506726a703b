package io.relayharness.report.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.relayharness.ledger.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Assembles one self-contained HTML page: the stylesheet, Apache ECharts (from the
 * org.webjars:echarts jar on the classpath) and the page's scripts inlined, the data embedded as
 * JSON in {@code <script type="application/json" id="report-data">}. Nothing is fetched when the
 * page opens. Stateless; thread-safe (resources are read on each call).
 */
public final class Page {

  /** The ECharts build inlined: line, bar, scatter, markers, data zoom, canvas renderer. */
  static final String ECHARTS_FILE = "echarts.common.min.js";

  private static final String RESOURCES = "/io/relayharness/report/";

  private Page() {}

  /**
   * The page: {@code bodyHtml} followed by the data and the scripts; {@code pageScript} names the
   * page's own script resource (e.g. {@code run-report.js}).
   */
  public static String render(String title, String bodyHtml, JsonNode data, String pageScript) {
    StringBuilder b = new StringBuilder(2_000_000);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.esc(title))
        .append("</title>\n<style>\n")
        .append(resource(RESOURCES + "report.css"))
        .append("</style>\n");
    // The status object and error capture come first, so they see errors in every later script.
    b.append(script(resource(RESOURCES + "report-status.js")));
    b.append("<!-- Apache ECharts ").append(echartsVersion()).append(", Apache-2.0 -->\n");
    b.append(script(echarts()));
    b.append("</head>\n<body>\n<main>\n").append(bodyHtml).append("\n</main>\n");
    b.append("<script type=\"application/json\" id=\"report-data\">")
        .append(dataJson(data))
        .append("</script>\n");
    b.append(script(resource(RESOURCES + "report-charts.js")));
    b.append(script(resource(RESOURCES + pageScript)));
    return b.append("</body>\n</html>\n").toString();
  }

  /** {@code data} as JSON safe inside a script element ({@code <} written as \u003c). */
  static String dataJson(JsonNode data) {
    try {
      return JsonLines.MAPPER.writeValueAsString(data).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report data", e);
    }
  }

  /** The version of the org.webjars:echarts jar on the classpath. */
  public static String echartsVersion() {
    try (InputStream in =
        Page.class.getResourceAsStream("/META-INF/maven/org.webjars/echarts/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "org.webjars:echarts is not on the classpath (see pom.xml); the reports need it");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String echarts() {
    return resource("/META-INF/resources/webjars/echarts/" + echartsVersion() + "/" + ECHARTS_FILE);
  }

  private static String script(String js) {
    // "</script" inside a script would end the element early; "<\/" means the same in JS strings.
    return "<script>\n" + js.replaceAll("(?i)</script", "<\\\\/script") + "\n</script>\n";
  }

  private static String resource(String name) {
    try (InputStream in = Page.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
