package io.deskforge.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A short host command (mount, umount) run to completion with a time limit; output captured. */
final class HostCommand {
  private HostCommand() {}

  static ExecResult run(List<String> cmd, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    try {
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new ExecResult(124, new byte[0], String.join(" ", cmd) + ": timed out after " + timeout.toMillis() + " ms");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new ExecResult(p.exitValue(), new byte[0], out);
    } catch (IOException e) {
      return new ExecResult(127, new byte[0], "cannot run " + cmd.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ExecResult(130, new byte[0], "interrupted");
    }
  }
}
