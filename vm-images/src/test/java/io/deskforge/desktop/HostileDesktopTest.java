package io.deskforge.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A hostile desktop user (an agent with a shell, or a task's setup commands) against the host side
 * of both providers: links planted or swapped in where the host reads and writes, a client that
 * grabs the X server, FIFOs and huge sparse files, namespaces and system calls it must not have.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a regression fails the test, not the machine
class HostileDesktopTest {
  @TempDir static Path work;
  @TempDir static Path outside;
  static DesktopProvider sandbox;
  static DesktopProvider docker;
  static final List<String> PROVIDERS = Desktops.PROVIDERS;
  static final String PRIVILEGED = DesktopPaths.PRIVILEGED;

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

  static Desktop desktop(String provider, DesktopLimits limits) {
    DesktopConfig config = DesktopConfig.builder().image("mousepad", List.of("mousepad")).workRoot(work).limits(limits).build();
    return (provider.equals("docker") ? docker : sandbox).create(config);
  }

  static ExecResult sh(Desktop d, String script) {
    return d.privileged().execAsUser(List.of("sh", "-c", script), Duration.ofSeconds(60));
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void linksPlantedWhereTheHostReadsAndWritesNeverLeadOutOfTheDesktop(String provider) throws Exception {
    Path victim = Files.writeString(outside.resolve(provider + "-passwd"), "root:x:0:0\n");
    Path victimDir = Files.createDirectories(outside.resolve(provider + "-dir"));
    try (Desktop d = desktop(provider, DesktopLimits.DEFAULT)) {
      d.start();
      d.privileged().writeText(PRIVILEGED + "/secret.txt", "TOPSECRET");
      Path hostPrivileged = work.resolve(d.id()).resolve("privileged");
      ExecResult planted = sh(d, String.join("; ",
          "ln -sf " + victim + " /run/deskforge/mousepad.log",
          "ln -sf " + victim + " /run/deskforge/init.log",
          "ln -sf " + victim + " /run/deskforge/xvfb.exit",
          "ln -s " + victim + " /home/user/notes.txt",
          "ln -s " + victimDir + " /home/user/docs",
          "ln -s " + hostPrivileged + "/secret.txt /home/user/secret.txt",
          "ln -s " + PRIVILEGED + " /home/user/priv",
          "mkdir /home/user/real && ln -s " + victimDir + " /home/user/real/inner"));
      assertThat(planted.ok()).as(planted.stderr()).isTrue();

      // writes: a link at the file is replaced, a link on the way is refused; nothing lands outside
      d.privileged().writeText("/home/user/notes.txt", "replaced");
      assertThatThrownBy(() -> d.privileged().writeText("/home/user/docs/x.txt", "pwned"))
          .isInstanceOf(UnreadableFileException.class).hasMessageContaining("symbolic link");
      assertThatThrownBy(() -> d.privileged().makeDirectories("/home/user/real/inner/made"))
          .isInstanceOf(UnreadableFileException.class).hasMessageContaining("symbolic link");
      d.privileged().delete("/home/user/docs"); // deletes the link, not what it points at

      // reads: a link is never followed, wherever it points
      for (String path : List.of("/home/user/secret.txt", "/home/user/priv/secret.txt", "/home/user/real/inner")) {
        assertThatThrownBy(() -> d.privileged().readText(path)).as(path)
            .isInstanceOf(UnreadableFileException.class).hasMessageContaining("symbolic link");
      }
      assertThat(d.privileged().list("/home/user/priv")).isEmpty();

      // an app launched with its log planted as a link, then a failure whose message reads the logs
      d.launch(Desktops.mousepadLaunch("/home/user/notes.txt"));
      assertThat(d.privileged().readText("/home/user/notes.txt")).isEqualTo("replaced");
      assertThat(d.describe()).doesNotContain("root:x");
    }
    assertThat(Files.readString(victim)).isEqualTo("root:x:0:0\n");
    try (var left = Files.list(victimDir)) {
      assertThat(left.toList()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void aFolderSwappedForALinkInALoopWhileTheHostReads10000TimesNeverLeaks(String provider) throws Exception {
    try (Desktop d = desktop(provider, DesktopLimits.DEFAULT)) {
      d.start();
      d.privileged().writeText(PRIVILEGED + "/secret.txt", "TOPSECRET");
      d.privileged().writeText("/home/user/d/secret.txt", "public");
      Path hostPrivileged = work.resolve(d.id()).resolve("privileged");
      AtomicReference<ExecResult> swapper = new AtomicReference<>();
      Thread t = Thread.ofPlatform().start(() -> swapper.set(d.privileged().execAsUser(List.of("sh", "-c",
          "cd /home/user; end=$(($(date +%s)+90)); while [ ! -e stop ] && [ $(date +%s) -lt $end ]; do "
              + "mv d d.real; ln -s " + hostPrivileged + " d; rm d; ln -s " + PRIVILEGED + " d; rm d; mv d.real d; done"),
          Duration.ofSeconds(120))));
      int read = 0;
      int refused = 0;
      for (int i = 0; i < 10_000; i++) {
        try {
          assertThat(d.privileged().readText("/home/user/d/secret.txt")).isEqualTo("public");
          read++;
        } catch (UnreadableFileException e) {
          refused++;
        }
      }
      d.privileged().writeText("/home/user/stop", "");
      t.join(30_000);
      assertThat(swapper.get()).isNotNull();
      assertThat(swapper.get().ok()).as(swapper.get().stderr()).isTrue();
      // both happened: the race was run, and the file was read when it was really there
      assertThat(read).isPositive();
      assertThat(refused).isPositive();
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void fifosAndHugeSparseFilesAreRefusedInBoundedTimeWithAReason(String provider) {
    try (Desktop d = desktop(provider, DesktopLimits.DEFAULT)) {
      d.start();
      ExecResult made = sh(d, "mkfifo /home/user/pipe.txt && truncate -s 2G /home/user/big.txt");
      assertThat(made.ok()).as(made.stderr()).isTrue();
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> d.privileged().readText("/home/user/pipe.txt"))
          .isInstanceOf(UnreadableFileException.class).hasMessageContaining("not a regular file");
      assertThatThrownBy(() -> d.privileged().readText("/home/user/big.txt"))
          .isInstanceOf(UnreadableFileException.class).hasMessageContaining("over the").hasMessageContaining("read limit");
      assertThatThrownBy(() -> d.privileged().requireReadableFile("/home/user/pipe.txt"))
          .isInstanceOf(UnreadableFileException.class).hasMessageContaining("not a regular file");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
      d.ensureAlive(); // the desktop itself is fine
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void anXClientThatGrabsTheServerMakesScreenshotsFailInBoundedTimeNamingIt(String provider) throws Exception {
    DesktopLimits limits = DesktopLimits.parse("timeout=2s");
    try (Desktop d = desktop(provider, limits)) {
      d.start();
      d.screenshot();
      Thread grabber = Thread.ofPlatform().start(() -> sh(d, "python3 -c \"import ctypes, time\n"
          + "x = ctypes.CDLL('libX11.so.6'); x.XOpenDisplay.restype = ctypes.c_void_p\n"
          + "dpy = ctypes.c_void_p(x.XOpenDisplay(None)); x.XGrabServer(dpy); x.XSync(dpy, 0)\n"
          + "open('/home/user/grabbed', 'w').close(); time.sleep(20)\""));
      long until = System.nanoTime() + 10_000_000_000L;
      while (!d.privileged().exists("/home/user/grabbed") && System.nanoTime() < until) Thread.sleep(20);
      assertThat(d.privileged().exists("/home/user/grabbed")).as("the grabbing client ran").isTrue();
      long t0 = System.nanoTime();
      assertThatThrownBy(d::screenshot).isInstanceOf(DesktopLimitException.class)
          .hasMessageContaining(d.id()).hasMessageContaining("did not answer within 2000 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(6));
      d.close();
      grabber.join(30_000);
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void desktopProcessesHaveASeccompFilterNoNewPrivilegesAndNoNestedUserNamespaces(String provider) {
    try (Desktop d = desktop(provider, DesktopLimits.DEFAULT)) {
      d.start();
      d.privileged().writeText("/home/user/a.txt", "");
      d.launch(Desktops.mousepadLaunch("/home/user/a.txt"));
      ExecResult status = sh(d, "grep -E '^(Seccomp|NoNewPrivs):' /proc/self/status /proc/$(pgrep -x mousepad)/status"
          + " /proc/$(pgrep -x Xvfb)/status");
      assertThat(status.ok()).as(status.stderr()).isTrue();
      List<String> lines = status.stdoutText().lines().toList();
      assertThat(lines).hasSize(6).allMatch(l -> l.matches(".*Seccomp:\\s+2") || l.matches(".*NoNewPrivs:\\s+1"));
      ExecResult userns = sh(d, "unshare -U true");
      assertThat(userns.ok()).as("a nested user namespace was created").isFalse();
      ExecResult mount = sh(d, "unshare -Urm sh -c 'mount -t tmpfs x /tmp'");
      assertThat(mount.ok()).isFalse();
    }
  }
}
