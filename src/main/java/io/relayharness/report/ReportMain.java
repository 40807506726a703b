package io.relayharness.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stand-alone command line for the reports (the project CLI's {@code compare} calls the same static
 * methods):
 *
 * <pre>
 *   report  &lt;runFolder&gt;                   writes &lt;runFolder&gt;/report.html
 *   compare &lt;runA&gt; &lt;runB&gt; [-o out.html]   writes out.html (default: compare-&lt;A&gt;-vs-&lt;B&gt;.html here)
 * </pre>
 *
 * Exit status 0 on success, 2 on a usage error, 1 when writing fails. Stateless.
 */
public final class ReportMain {

  private ReportMain() {}

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Runs the command given by {@code args}; returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    try {
      if (args.size() == 2 && args.get(0).equals("report")) {
        Path folder = existingFolder(args.get(1));
        out.println(RunReport.write(folder));
        return 0;
      }
      if ((args.size() == 3 || args.size() == 5) && args.get(0).equals("compare")) {
        Path a = existingFolder(args.get(1));
        Path b = existingFolder(args.get(2));
        Path target;
        if (args.size() == 5) {
          if (!args.get(3).equals("-o")) {
            return usage(err, "unknown option " + args.get(3));
          }
          target = Path.of(args.get(4));
        } else {
          target = Path.of("compare-" + name(a) + "-vs-" + name(b) + ".html");
        }
        out.println(RunComparison.write(a, b, target));
        return 0;
      }
      return usage(err, args.isEmpty() ? "no command" : "bad arguments: " + String.join(" ", args));
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    } catch (RuntimeException e) {
      err.println("report: " + e);
      return 1;
    }
  }

  private static Path existingFolder(String arg) {
    Path p = Path.of(arg);
    if (!Files.isDirectory(p)) {
      throw new IllegalArgumentException("not a run folder: " + arg);
    }
    return p;
  }

  /** The run folder's own name, through a {@code latest} link, e.g. 20261122-101203. */
  private static String name(Path folder) {
    try {
      return folder.toRealPath().getFileName().toString();
    } catch (IOException e) {
      return folder.toAbsolutePath().normalize().getFileName().toString();
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("report: " + problem);
    err.println("usage: report <runFolder>");
    err.println("       compare <runA> <runB> [-o out.html]");
    return 2;
  }
}
