package io.relayharness.bench;

import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a benchmark's figures as a lab-notebook entry: the command that ran it, the machine, the
 * date, then one line per figure, with ratios against a reference measured in the same run. Not
 * thread-safe: one notebook per benchmark method.
 */
public final class LabNotebook {

  private final String title;
  private final String command;
  private final List<String> lines = new ArrayList<>();

  public LabNotebook(String title, String command) {
    this.title = title;
    this.command = command;
  }

  /** Records one measured figure with its unit. */
  public LabNotebook figure(String name, double value, String unit) {
    lines.add(String.format(Locale.ROOT, "  %-48s %12.2f %s", name, value, unit));
    return this;
  }

  /** Records a ratio of a measured figure to a reference measured in the same run. */
  public LabNotebook ratio(String name, double measured, double reference, String goal) {
    double ratio = reference == 0 ? Double.NaN : measured / reference;
    lines.add(String.format(Locale.ROOT, "  %-48s %12.3f   (goal: %s)", name, ratio, goal));
    return this;
  }

  /** Records lines printed as they are (a breakdown under a note). */
  public LabNotebook lines(java.util.List<String> text) {
    lines.addAll(text);
    return this;
  }

  /** Records a free-text remark (conditions, caveats). */
  public LabNotebook note(String text) {
    lines.add("  note: " + text);
    return this;
  }

  /** Prints the entry to standard output and returns it as text. */
  public String print() {
    StringBuilder out = new StringBuilder();
    out.append("\n==== benchmark: ").append(title).append(" ====\n");
    out.append("  command: ").append(command).append('\n');
    out.append("  date:    ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .append('\n');
    out.append("  machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append(", Java ")
        .append(System.getProperty("java.version"))
        .append(", max heap ")
        .append(Runtime.getRuntime().maxMemory() >> 20)
        .append(" MiB, JVM ")
        .append(ManagementFactory.getRuntimeMXBean().getVmName())
        .append(", JIT ")
        .append(jitMode(ManagementFactory.getRuntimeMXBean().getInputArguments()))
        .append('\n');
    lines.forEach(l -> out.append(l).append('\n'));
    out.append("====\n");
    System.out.print(out);
    System.out.flush();
    return out.toString();
  }

  /** Which compilers this JVM runs, from its flags: the last TieredStopAtLevel given wins. */
  static String jitMode(java.util.List<String> jvmArguments) {
    String level = "4";
    for (String a : jvmArguments) {
      if (a.startsWith("-XX:TieredStopAtLevel=")) {
        level = a.substring("-XX:TieredStopAtLevel=".length());
      }
    }
    return level.equals("4") ? "C1 and C2" : "C1 only (TieredStopAtLevel=" + level + ")";
  }
}
