package io.deskforge.desktop;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory and CPU of host processes, read from /proc. A process that has gone counts as zero. */
public final class ProcessStats {
  private ProcessStats() {}

  /** Proportional set size: private pages plus an even share of shared ones. */
  public static long pssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
        if (line.startsWith("Pss:")) return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between listing and reading
    }
    return 0;
  }

  /**
   * True while the process runs: it exists and is not a zombie. A killed process whose parent
   * died stays a zombie until the host's init reaps it, which can take a second; it holds
   * nothing by then, so waiting for that would only slow teardown.
   */
  public static boolean isRunning(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Sends SIGKILL to every process and waits briefly for them to stop. Some kernels (gVisor's
   * among them) take a second to finish a killed namespace; rather than make every close wait for
   * that, a watcher keeps killing stragglers for up to 10 s and names any that survive.
   */
  public static void killAndWatch(java.util.Collection<ProcessHandle> processes, String owner) {
    processes.forEach(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + 50_000_000L;
    while (processes.stream().anyMatch(p -> isRunning(p.pid())) && System.nanoTime() < deadline) pause(2);
    java.util.List<ProcessHandle> left = processes.stream().filter(p -> isRunning(p.pid())).toList();
    if (left.isEmpty()) return;
    Thread.ofVirtual().name("deskforge-reaper").start(() -> {
      long end = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < end) {
        java.util.List<ProcessHandle> running = left.stream().filter(p -> isRunning(p.pid())).toList();
        if (running.isEmpty()) return;
        running.forEach(ProcessHandle::destroyForcibly);
        pause(20);
      }
      System.err.println("deskforge: " + owner + ": processes survived SIGKILL for 10 s: "
          + left.stream().filter(p -> isRunning(p.pid())).map(p -> p.pid() + " " + p.info().command().orElse("?")).toList());
    });
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Resident set size, in bytes. */
  public static long rssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return 0;
  }

  /** The kernel's clock tick for /proc/PID/stat times (USER_HZ: 100 on every Linux ABI we run on). */
  private static final long USER_HZ = 100;

  /**
   * Nanoseconds of user and system CPU of the process and of its children that ended and were
   * waited for ({@code utime + stime + cutime + cstime} of /proc/PID/stat). Summed over a process
   * tree's live processes it counts the whole tree's work so far, the short-lived helpers' too,
   * each once: a child's time reaches its parent's {@code cutime} only when it has ended.
   */
  public static long cpuNanosWithReaped(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
      return ticks * (1_000_000_000L / USER_HZ);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Nanoseconds on CPU over all threads, from each thread's schedstat. */
  public static long cpuNanos(long pid) {
    long total = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path t : tasks) {
        try {
          String s = Files.readString(t.resolve("schedstat"));
          total += Long.parseLong(s.substring(0, s.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
          // the thread ended
        }
      }
    } catch (IOException e) {
      return total;
    }
    return total;
  }
}
