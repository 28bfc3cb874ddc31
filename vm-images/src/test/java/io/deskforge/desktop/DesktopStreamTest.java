package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream to a port on a desktop's own loopback ({@link Privileged#connect}), which the host
 * cannot reach directly: bytes both ways, the end of a connection, a port nobody listens on, and
 * nothing left running once the desktop is closed.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DesktopStreamTest {
  @TempDir static Path work;
  static DesktopProvider sandbox;

  /** Answers each connection with its input upper-cased, once the input ends. */
  static final String UPPER_SERVER = String.join("\n",
      "import socket",
      "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
      "s.bind(('127.0.0.1', 7311)); s.listen(8)",
      "while True:",
      "    c, _ = s.accept(); data = b''",
      "    while True:",
      "        b = c.recv(65536)",
      "        if not b: break",
      "        data += b",
      "    c.sendall(data.upper()); c.close()",
      "");

  @BeforeAll
  static void provider() {
    sandbox = DesktopProviders.create("sandbox");
  }

  @AfterAll
  static void close() {
    sandbox.close();
  }

  @Test
  void bytesGoBothWaysToAPortOnlyTheDesktopsLoopbackHas() throws Exception {
    try (Desktop d = sandbox.create(Desktops.mousepad(work)).start()) {
      Process server = d.privileged().startService(List.of("python3", "-c", UPPER_SERVER));
      waitForPort(d, 7311);
      byte[] big = "deskforge ".repeat(20_000).getBytes(StandardCharsets.UTF_8);
      try (DesktopStream s = d.privileged().connect(7311)) {
        try (OutputStream out = s.out()) {
          out.write(big);
        }
        assertThat(new String(s.in().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("DESKFORGE ".repeat(20_000));
      }
      // the same port is not the host's: nothing listens there outside the desktop
      boolean hostReached;
      try (Socket ignored = new Socket("127.0.0.1", 7311)) {
        hostReached = true;
      } catch (ConnectException e) {
        hostReached = false;
      }
      assertThat(hostReached).isFalse();
      assertThat(server.isAlive()).isTrue();
    }
  }

  @Test
  void aPortNobodyListensOnEndsTheStreamAtOnceAndCloseLeavesNoRelay() throws Exception {
    DesktopStream open;
    try (Desktop d = sandbox.create(Desktops.mousepad(work)).start()) {
      assertThat(d.privileged().waitForPort(7312, Duration.ofMillis(200))).isFalse();
      try (DesktopStream s = d.privileged().connect(7312)) {
        assertThat(s.in().readAllBytes()).isEmpty();
      }
      d.privileged().startService(List.of("python3", "-c", UPPER_SERVER));
      waitForPort(d, 7311);
      open = d.privileged().connect(7311);
      assertThat(open.isOpen()).isTrue();
    }
    // the desktop's close ended the relay it carried
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (open.isOpen() && System.nanoTime() < deadline) Thread.sleep(20);
    assertThat(open.isOpen()).isFalse();
  }

  static void waitForPort(Desktop d, int port) {
    assertThat(d.privileged().waitForPort(port, Duration.ofSeconds(20))).as("port " + port + " accepts").isTrue();
  }
}
