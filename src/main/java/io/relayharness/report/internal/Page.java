package io.relayharness.report.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.relayharness.ledger.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Assembles one self-contained HTML page ({@code page.peb}): the stylesheet, Apache ECharts (from
 * the org.webjars:echarts jar on the classpath) and the page's scripts inlined, the data embedded
 * as JSON in {@code <script type="application/json" id="report-data">}. Nothing is fetched when the
 * page opens. Stateless; thread-safe (resources are read on each call).
 */
public final class Page {

  /** The ECharts build inlined: line, bar, scatter, markers, data zoom, canvas renderer. */
  static final String ECHARTS_FILE = "echarts.common.min.js";

  private static final String RESOURCES = "/io/relayharness/report/";

  private Page() {}

  /**
   * What every page's frame ({@code page.peb}) holds, all but the title ready-made for a raw
   * insert.
   *
   * @param title the page's title
   * @param css the stylesheet
   * @param statusScript the status object and error capture, first of the scripts
   * @param echartsVersion the version of ECharts inlined
   * @param echartsScript ECharts
   * @param dataJson the page's data, safe inside a script element
   * @param chartsScript the shared chart code
   * @param pageScript the page's own script
   */
  public record Frame(
      String title,
      String css,
      String statusScript,
      String echartsVersion,
      String echartsScript,
      String dataJson,
      String chartsScript,
      String pageScript) {}

  /**
   * Renders the template {@code template} (which extends {@code page.peb}) with {@code context}
   * plus the frame under {@code page}; {@code pageScript} names the page's own script resource
   * (e.g. {@code run-report.js}).
   */
  public static String render(
      String template,
      String title,
      Map<String, Object> context,
      JsonNode data,
      String pageScript) {
    Map<String, Object> all = new HashMap<>(context);
    all.put(
        "page",
        new Frame(
            title,
            resource(RESOURCES + "report.css"),
            script(resource(RESOURCES + "report-status.js")),
            echartsVersion(),
            script(echarts()),
            dataJson(data),
            script(resource(RESOURCES + "report-charts.js")),
            script(resource(RESOURCES + pageScript))));
    return Templates.render(template, all);
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
    return "<script>\n" + js.replaceAll("(?i)</script", "<\\\\/script") + "\n</script>";
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
