package io.deskforge.apps.osworld;

import io.deskforge.apps.check.SavedState;
import io.deskforge.desktop.DesktopLimits;
import io.deskforge.desktop.ExecResult;
import io.deskforge.desktop.HostReading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A folder standing in for the home of OSWorld's VM. Commands run in a mount namespace
 * (bubblewrap) where it is {@code /home/user}, as an unprivileged user when the test runs as root,
 * like OSWorld's server in its VM; deskforge's getters read it through {@link SavedState} with the
 * sandbox's own host-side reading ({@link HostReading}: no link followed, type and size checked).
 */
public final class ScratchHome implements SavedState, AutoCloseable {
  static final String HOME = "/home/user";
  /** The stand-in VM's user when the test runs as root; not the desktops' 61000. */
  static final int UID = 61100;
  static final String PATH = "/usr/sbin:/usr/bin:/sbin:/bin";
  /** Where the stand-in's scripts and log are, inside. */
  static final String KIT = "/tmp/kit";

  /** The limits deskforge's desktops read with here. */
  static final DesktopLimits LIMITS = DesktopLimits.fromEnvironment();

  private final Path root;
  private final HostReading reading;

  public ScratchHome() {
    try {
      this.root = Files.createTempDirectory("osworld-home-").toRealPath();
      this.reading = new HostReading(root, LIMITS);
      if (isRoot()) Files.setAttribute(root, "unix:uid", UID);
      if (isRoot()) Files.setAttribute(root, "unix:gid", UID);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path root() {
    return root;
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /**
   * The command run with this folder as /home/user and a /tmp of its own (with {@code kit}, if
   * given, at /tmp/kit), as the VM's user, in the home, with a plain PATH.
   */
  List<String> inHome(Path kit, List<String> command) {
    // processes of their own, as on a VM: a postconfig's pkill must not reach the host's
    List<String> out = new ArrayList<>(List.of("bwrap", "--dev-bind", "/", "/", "--unshare-pid", "--proc", "/proc", "--tmpfs", "/home",
        "--bind", root.toString(), HOME, "--perms", "1777", "--tmpfs", "/tmp"));
    if (kit != null) out.addAll(List.of("--bind", kit.toString(), KIT));
    out.addAll(List.of("--chdir", HOME, "--setenv", "HOME", HOME, "--setenv", "PATH", PATH,
        "--setenv", "USER", "user", "--unsetenv", "DISPLAY", "--die-with-parent", "--"));
    if (isRoot()) out.addAll(List.of("setpriv", "--reuid=" + UID, "--regid=" + UID, "--clear-groups"));
    out.addAll(command);
    return out;
  }

  /** The host file for a path in the home; refuses paths outside it. */
  public Path host(String path) {
    if (path.equals(HOME)) return root;
    if (!path.startsWith(HOME + "/")) throw new IllegalArgumentException(path + " is outside " + HOME + ", which the scratch home stands for");
    return root.resolve(path.substring(HOME.length() + 1));
  }

  /** Makes everything in the home the VM user's again after the test changed it as root. */
  public void chown() {
    if (!isRoot()) return;
    run(List.of("chown", "-R", "-h", UID + ":" + UID, root.toString()));
  }

  /** Empties the home. */
  void clear() {
    try (Stream<Path> entries = Files.list(root)) {
      for (Path p : entries.toList()) delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path p) {
    try {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> s = Files.walk(p)) {
          for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
      } else {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ SavedState: read as a sandbox desktop's home is

  private List<String> names(String path) {
    if (path.equals(HOME)) return List.of();
    host(path);
    return List.of(path.substring(HOME.length() + 1).split("/"));
  }

  @Override
  public boolean exists(String path) {
    return reading.exists(names(path));
  }

  @Override
  public boolean isDirectory(String path) {
    return reading.isDirectory(names(path));
  }

  @Override
  public byte[] readFile(String path) {
    return reading.read(names(path), path);
  }

  @Override
  public void requireReadableFile(String path) {
    reading.requireReadableFile(names(path), path);
  }

  @Override
  public List<String> list(String path) {
    return reading.list(names(path));
  }

  @Override
  public Duration callTimeout() {
    return LIMITS.callTimeout();
  }

  @Override
  public ExecResult execAsUser(List<String> command, Duration timeout) {
    return run(inHome(null, command), timeout);
  }

  static ExecResult run(List<String> command) {
    return run(command, Duration.ofSeconds(60));
  }

  static ExecResult run(List<String> command, Duration timeout) {
    try {
      Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      byte[][] stderr = new byte[1][];
      Thread drain = Thread.ofVirtual().start(() -> {
        try {
          stderr[0] = p.getErrorStream().readAllBytes();
        } catch (IOException e) {
          stderr[0] = e.toString().getBytes();
        }
      });
      byte[] stdout = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      drain.join();
      return new ExecResult(p.exitValue(), stdout, new String(stderr[0]));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    delete(root);
  }
}
