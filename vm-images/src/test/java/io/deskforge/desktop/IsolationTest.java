package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What a desktop's namespaces hide, each checked against something that is really there: a host
 * port that accepts connections from the host, host processes, the host's name and IPC objects, and
 * a second desktop's processes, port and files.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IsolationTest {
  @TempDir static Path work;
  static DesktopProvider sandbox;
  static DesktopProvider docker;
  static final List<String> PROVIDERS = Desktops.PROVIDERS;

  @BeforeAll
  static void providers() {
    sandbox = DesktopProviders.create("sandbox");
    docker = DesktopProviders.create("docker");
  }

  @AfterAll
  static void close() {
    sandbox.close();
    docker.close();
  }

  static Desktop desktop(String provider) {
    return (provider.equals("docker") ? docker : sandbox).create(Desktops.mousepad(work));
  }

  static ExecResult sh(Desktop d, String script) {
    return d.privileged().execAsUser(List.of("bash", "-c", script), Duration.ofSeconds(30));
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void aHostPortListeningOnEveryAddressIsReachableFromTheHostButNotFromInside(String provider) throws Exception {
    List<String> addresses = new ArrayList<>(List.of("127.0.0.1"));
    for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(i.getInetAddresses())) {
        if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress()) addresses.add(a.getHostAddress());
      }
    }
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress("0.0.0.0", 0));
      int port = server.getLocalPort();
      AtomicInteger accepted = new AtomicInteger();
      Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            accepted.incrementAndGet();
          } catch (Exception e) {
            return;
          }
        }
      });
      for (String a : addresses) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(a, port), 2000); // the port is really there for the host
        }
      }
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (accepted.get() < addresses.size() && System.nanoTime() < deadline) Thread.sleep(10);
      assertThat(accepted.get()).as("the host reached its own port").isEqualTo(addresses.size());

      try (Desktop d = desktop(provider)) {
        d.start();
        for (String a : addresses) {
          ExecResult r = sh(d, "timeout 3 bash -c 'exec 3<>/dev/tcp/" + a + "/" + port + "'");
          assertThat(r.exitCode()).as("host port at %s from inside", a).isNotZero();
        }
      }
      Thread.sleep(200);
      assertThat(accepted.get()).as("connections the host port saw from the desktop").isEqualTo(addresses.size());
      server.close();
      acceptor.join(2000);
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void hostProcessesTheHostNameAndHostIpcObjectsAreInvisibleInside(String provider) throws Exception {
    String hostName = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    ExecResult shm = HostCommand.run(List.of("ipcmk", "-M", "4096"), Duration.ofSeconds(5));
    assertThat(shm.ok()).as(shm.stderr()).isTrue();
    String shmId = shm.stderr().replaceAll("[^0-9]", "");
    try (Desktop d = desktop(provider)) {
      d.start();
      // pid namespace: this JVM, which is plainly running, is not there
      long me = ProcessHandle.current().pid();
      ExecResult procs = sh(d, "ps -eo pid=,comm=");
      assertThat(procs.ok()).as(procs.stderr()).isTrue();
      assertThat(procs.stdoutText()).doesNotContain("java").doesNotContain("surefire");
      assertThat(procs.stdoutText().lines().count()).isLessThan(40);
      assertThat(sh(d, "cat /proc/" + me + "/cmdline").stdoutText()).doesNotContain("java");
      // UTS: its own name, which it cannot change for the host
      assertThat(sh(d, "hostname").stdoutText().strip()).isEqualTo("deskforge").isNotEqualTo(hostName);
      sh(d, "hostname pwned");
      assertThat(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip()).isEqualTo(hostName);
      // IPC: the host's shared memory segment is not listed inside
      ExecResult ipcs = HostCommand.run(List.of("ipcs", "-m"), Duration.ofSeconds(5));
      assertThat(ipcs.stderr()).as("the host lists its segment").contains(shmId);
      ExecResult inside = sh(d, "ipcs -m");
      assertThat(inside.ok()).as(inside.stderr()).isTrue();
      assertThat(inside.stdoutText()).doesNotContain(" " + shmId + " ");
    } finally {
      HostCommand.run(List.of("ipcrm", "-m", shmId), Duration.ofSeconds(5));
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void oneDesktopCannotSeeAnotherOnesProcessesPortOrFiles(String provider) throws Exception {
    try (Desktop a = desktop(provider); Desktop b = desktop(provider)) {
      a.start();
      b.start();
      b.privileged().writeText("/home/user/b-only.txt", "b's file");
      Thread server = Thread.ofPlatform().daemon().start(() -> sh(b,
          "exec -a deskforge-marker python3 -c \"import socket, time\ns = socket.socket(); s.bind(('127.0.0.1', 8765)); s.listen(); time.sleep(60)\""));
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!sh(b, "exec 3<>/dev/tcp/127.0.0.1/8765").ok() && System.nanoTime() < deadline) Thread.sleep(50);
      assertThat(sh(b, "exec 3<>/dev/tcp/127.0.0.1/8765").ok()).as("b reaches its own port").isTrue();
      assertThat(sh(b, "pgrep -f deskforge-marker").ok()).as("b sees its own process").isTrue();

      assertThat(sh(a, "exec 3<>/dev/tcp/127.0.0.1/8765").ok()).as("a reaches b's port").isFalse();
      assertThat(sh(a, "pgrep -f deskforge-marker").ok()).as("a sees b's process").isFalse();
      assertThat(sh(a, "cat /home/user/b-only.txt").ok()).as("a reads b's file").isFalse();
      assertThat(sh(a, "grep -rl \"b's file\" /home /tmp /run /var 2>/dev/null | head -1").stdoutText()).as("b's file anywhere in a").isBlank();
      b.close();
      server.join(5000);
    }
  }
}
