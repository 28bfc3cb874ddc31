package io.deskforge.desktop.sandbox;

import io.deskforge.desktop.DesktopException;
import io.deskforge.desktop.ExecResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a host command to completion with a timeout, both output streams drained. */
final class Commands {
  private Commands() {}

  static ExecResult run(List<String> cmd, Map<String, String> env, Duration timeout, String who) {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new DesktopException(who + ": cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
    }
    CompletableFuture<byte[]> out = drain(p.getInputStream());
    CompletableFuture<byte[]> err = drain(p.getErrorStream());
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        return new ExecResult(124, out.getNow(new byte[0]), "timed out after " + timeout.toMillis() + " ms: " + String.join(" ", cmd));
      }
      // a process the command left running in the background may hold its output open for good
      long left = Math.max(200, (deadline - System.nanoTime()) / 1_000_000);
      try {
        return new ExecResult(p.exitValue(), out.get(left, TimeUnit.MILLISECONDS),
            new String(err.get(Math.max(50, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8));
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        return new ExecResult(124, out.getNow(new byte[0]), "the command ended but processes it left behind kept its output open past "
            + timeout.toMillis() + " ms: " + String.join(" ", cmd));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new DesktopException(who + ": interrupted while running " + cmd.get(0), e);
    }
  }

  private static CompletableFuture<byte[]> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return in.readAllBytes();
      } catch (IOException e) {
        return new byte[0];
      }
    }, r -> Thread.ofVirtual().start(r));
  }
}
