package io.deskforge.apps.chromium;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launchers' wait for their server, run by {@code sh} as a launcher runs it. */
class LoopbackServerTest {
  @TempDir Path dir;

  /** A server that starts listening 300 ms after the wait began lets the launcher go on. */
  @Test
  void goesOnOnceTheServerListens() throws Exception {
    try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = reserved.getLocalPort();
      reserved.close();
      CompletableFuture<ServerSocket> later = CompletableFuture.supplyAsync(() -> {
        try {
          Thread.sleep(300);
          return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Result r = run(port, 5);
      try (ServerSocket server = later.get(5, TimeUnit.SECONDS)) {
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).isEqualTo("after\n");
      }
    }
  }

  /** Nobody listening: the launch fails within its time, naming the app and showing the server's log. */
  @Test
  void failsWithTheServersLogWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = reserved.getLocalPort();
    }
    long t0 = System.nanoTime();
    Result r = run(port, 1);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.output).isEqualTo("wiki: the server never listened\nport already in use\n");
    assertThat(ms).as("gave up after its one second").isGreaterThanOrEqualTo(900).isLessThan(20_000);
  }

  private record Result(int exit, String output) {}

  private Result run(int port, int seconds) throws Exception {
    Path log = dir.resolve("server.log");
    Files.writeString(log, "port already in use\n");
    String script = "set -e\nPORT=\"$1\"\n" + LoopbackServer.awaitPort("wiki", log.toString(), seconds) + "echo after\n";
    Process p = new ProcessBuilder("sh", "-c", script, "launcher", Integer.toString(port)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}
