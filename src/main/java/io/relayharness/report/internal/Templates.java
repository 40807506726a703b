package io.relayharness.report.internal;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.relayharness.observe.NumberText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The report pages' Pebble templates ({@code src/main/resources/io/relayharness/report/templates},
 * {@code .peb}): HTML autoescaping on, unknown variables an error, and two filters for numbers, the
 * project's one number format ({@link NumberText}): {@code num} (3, 0.125, "—") and {@code pct}
 * (33.3 %). Thread-safe (the engine caches compiled templates).
 */
public final class Templates {

  private static final PebbleEngine ENGINE = engine();

  private Templates() {}

  /** Renders the template {@code name} (without {@code .peb}) with {@code context}. */
  public static String render(String name, Map<String, Object> context) {
    PebbleTemplate template = ENGINE.getTemplate(name);
    StringWriter out = new StringWriter(64 * 1024);
    try {
      template.evaluate(out, context);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render template " + name, e);
    }
    return out.toString();
  }

  private static PebbleEngine engine() {
    ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
    loader.setPrefix("io/relayharness/report/templates");
    loader.setSuffix(".peb");
    return new PebbleEngine.Builder()
        .loader(loader)
        .strictVariables(true)
        .autoEscaping(true)
        .extension(new NumberFilters())
        .build();
  }

  /** {@code num} and {@code pct}. */
  private static final class NumberFilters extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
      return Map.of(
          "num", new NumberFilter(false),
          "pct", new NumberFilter(true));
    }
  }

  private record NumberFilter(boolean percent) implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return List.of();
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int lineNumber) {
      double v = input instanceof Number n ? n.doubleValue() : Double.NaN;
      return percent ? NumberText.percent(v) : NumberText.of(v);
    }
  }
}
