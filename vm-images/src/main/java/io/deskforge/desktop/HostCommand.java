package io.deskforge.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A short host command (mount, umount) run to completion with a time limit; output captured. */
final class HostCommand {
  private HostCommand() {}

  /**
   * Runs {@code cmd} to its end or {@code timeout}. An interrupt does not cut it short: these are
   * a desktop's mount and unmount, and a cancelled task's close must still unmount its folder (an
   * interrupted umount left tmpfs mounts behind); the interrupt is kept for the caller.
   */
  static ExecResult run(List<String> cmd, Duration timeout) {
    boolean interrupted = Thread.interrupted();
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    try {
      Process p = pb.start();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        try {
          if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            p.destroyForcibly();
            return new ExecResult(124, new byte[0], String.join(" ", cmd) + ": timed out after " + timeout.toMillis() + " ms");
          }
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new ExecResult(p.exitValue(), new byte[0], out);
    } catch (IOException e) {
      return new ExecResult(127, new byte[0], "cannot run " + cmd.get(0) + ": " + e.getMessage());
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }
}
