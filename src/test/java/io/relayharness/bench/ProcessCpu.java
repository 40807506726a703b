package io.relayharness.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by a process so far: this JVM's from the platform bean, another process's from
 * {@code /proc/<pid>/stat} (user + system, children not included). Stateless; thread-safe.
 */
public final class ProcessCpu {

  /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcessCpu() {}

  /** Returns this JVM's CPU time in seconds (every thread, Gatling's and the JIT's included). */
  public static double selfSeconds() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  /** Returns the CPU time of process {@code pid} in seconds, read from /proc. */
  public static double ofPidSeconds(long pid) {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid + "/stat: " + e.getMessage(), e);
    }
    return ofStatSeconds(stat);
  }

  /** Returns the CPU seconds (user + system) in the text of a {@code /proc/.../stat} file. */
  public static double ofStatSeconds(String stat) {
    // fields after the command name, which is in parentheses and may hold spaces
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(f[11]);
    long stime = Long.parseLong(f[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  }
}
