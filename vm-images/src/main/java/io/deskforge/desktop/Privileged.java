package io.deskforge.desktop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A desktop's privileged side ({@link Desktop#privileged()}): file access and commands from
 * outside the desktop, which setup, getters and auditors use and which nothing inside the desktop
 * can reach. Files in the home, the run folder and the privileged folder are reached from the
 * host without following any link (see {@link NoFollowTree}); a path anywhere else is read by a
 * command run as the desktop user, so it can only show what that user may read, and is never
 * written.
 */
public final class Privileged {
  private final Desktop desktop;

  Privileged(Desktop desktop) {
    this.desktop = desktop;
  }

  /**
   * The file's bytes. Throws {@link UnreadableFileException} naming the path when it is missing,
   * a link, a FIFO or device, a folder, larger than the read limit, or not read in time.
   */
  public byte[] readFile(String desktopPath) {
    desktop.ensureAlive();
    HostFolders.Located l = desktop.folders.locate(desktopPath);
    if (l != null) return desktop.folders.read(l);
    ExecResult r = userCommand(List.of("head", "-c", Long.toString(desktop.config.limits().readBytes() + 1), "--", desktopPath));
    if (!r.ok()) throw new UnreadableFileException(desktop.describe() + ": cannot read " + desktopPath + ": " + r.stderr().strip());
    if (r.stdout().length > desktop.config.limits().readBytes()) {
      throw new UnreadableFileException(desktopPath + " is over the " + desktop.config.limits().readBytes() + "-byte read limit");
    }
    return r.stdout();
  }

  /**
   * Throws {@link UnreadableFileException} naming the reason unless the path is a regular file
   * (not a link, FIFO, device or folder) within the read limit: for readers that hand the file
   * to a program inside the desktop, which would follow links and block on a FIFO.
   */
  public void requireReadableFile(String desktopPath) {
    desktop.ensureAlive();
    HostFolders.Located l = desktop.folders.locate(desktopPath);
    if (l != null) {
      l.tree().checkReadable(l.names(), l.shown());
      return;
    }
    ExecResult r = userCommand(List.of("sh", "-c", "[ -f \"$1\" ] && [ ! -L \"$1\" ] && [ \"$(stat -c %s -- \"$1\")\" -le \"$2\" ]", "sh",
        desktopPath, Long.toString(desktop.config.limits().readBytes())));
    if (!r.ok()) throw new UnreadableFileException(desktopPath + " is not a regular file within the read limit");
  }

  public String readText(String desktopPath) {
    return new String(readFile(desktopPath), StandardCharsets.UTF_8);
  }

  /** Whether the path names anything (a link counts as itself: it is never followed). */
  public boolean exists(String desktopPath) {
    desktop.ensureAlive();
    HostFolders.Located l = desktop.folders.locate(desktopPath);
    if (l != null) return desktop.folders.exists(l);
    return userCommand(List.of("test", "-e", desktopPath)).ok();
  }

  public boolean isDirectory(String desktopPath) {
    desktop.ensureAlive();
    HostFolders.Located l = desktop.folders.locate(desktopPath);
    if (l != null) return desktop.folders.isDirectory(l);
    return userCommand(List.of("test", "-d", desktopPath)).ok();
  }

  /** Names in a directory, sorted; empty when it does not exist. */
  public List<String> list(String desktopPath) {
    desktop.ensureAlive();
    HostFolders.Located l = desktop.folders.locate(desktopPath);
    if (l != null) return desktop.folders.list(l);
    ExecResult r = userCommand(List.of("ls", "-1A", "--", desktopPath));
    return r.ok() ? r.stdoutText().lines().sorted().toList() : List.of();
  }

  /**
   * Writes a file in the home or the run folder (the desktop user's) or the privileged folder
   * (root's); missing parent folders are made. Anywhere else is refused.
   */
  public void writeFile(String desktopPath, byte[] content) {
    desktop.ensureAlive();
    desktop.folders.write(writable(desktopPath), content);
  }

  public void writeText(String desktopPath, String text) {
    writeFile(desktopPath, text.getBytes(StandardCharsets.UTF_8));
  }

  public void makeDirectories(String desktopPath) {
    desktop.ensureAlive();
    desktop.folders.makeDirectories(writable(desktopPath));
  }

  /** Deletes a file, link or folder in the home, run or privileged folder; nothing when absent. */
  public void delete(String desktopPath) {
    desktop.ensureAlive();
    desktop.folders.delete(writable(desktopPath));
  }

  private HostFolders.Located writable(String desktopPath) {
    HostFolders.Located l = desktop.folders.locate(desktopPath);
    if (l == null || !desktop.folders.hostWritable(l)) {
      throw new UnreadableFileException(desktopPath + " is outside the home (" + DesktopPaths.HOME + "), the run folder ("
          + DesktopPaths.RUN + ") and the privileged folder (" + DesktopPaths.PRIVILEGED + "), the only places the host writes in a desktop");
    }
    return l;
  }

  /** A short command as the desktop user, with the user's plain environment, for reading paths. */
  private ExecResult userCommand(List<String> command) {
    return userCommand(command, desktop.config.limits().callTimeout());
  }

  private ExecResult userCommand(List<String> command, Duration timeout) {
    return desktop.exec(command, false, desktop.userEnvironment(Map.of()), timeout);
  }

  /** Runs a command inside the desktop as the desktop user, with the session's environment. */
  public ExecResult execAsUser(List<String> command, Duration timeout) {
    desktop.ensureAlive();
    return desktop.exec(command, false, desktop.userEnvironment(desktop.config.commandEnvironment()), timeout);
  }

  public ExecResult execAsUser(String... command) {
    return execAsUser(List.of(command), Duration.ofSeconds(30));
  }

  /**
   * A byte stream to a TCP port on the desktop's own loopback, which nothing outside the desktop
   * reaches otherwise (a desktop has a network namespace of its own): a relay runs inside as the
   * desktop user, so it connects as any program of the user could. Each call is one connection;
   * closing the stream closes it. When nothing listens on the port, the stream ends at once.
   */
  public DesktopStream connect(int port) {
    desktop.ensureAlive();
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port + " is out of range");
    return new DesktopStream(desktop.startPiped(List.of("python3", "-I", "-S", "-c", DesktopStream.RELAY, Integer.toString(port)),
        desktop.userEnvironment(Map.of())));
  }

  /**
   * Waits until something accepts connections on the port of the desktop's loopback; returns
   * whether it did within the timeout (a program just started by {@link #startService}).
   */
  public boolean waitForPort(int port, Duration timeout) {
    desktop.ensureAlive();
    long ms = Math.max(1, timeout.toMillis());
    ExecResult r = userCommand(List.of("python3", "-I", "-S", "-c", String.join("\n",
        "import socket, sys, time",
        "end = time.monotonic() + int(sys.argv[2]) / 1000",
        "while True:",
        "    try:",
        "        socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=1).close(); break",
        "    except OSError:",
        "        if time.monotonic() > end: sys.exit(1)",
        "        time.sleep(0.02)",
        ""), Integer.toString(port), Long.toString(ms)), timeout.plusSeconds(5));
    return r.ok();
  }

  /**
   * Starts a long-running program inside as the desktop user, not as one of the desktop's apps
   * (no readiness, not in {@link Desktop#apps()}); its output is drained and dropped. The caller
   * ends it with {@link Process#destroy()}; the desktop's close ends it too.
   */
  public Process startService(List<String> command) {
    desktop.ensureAlive();
    Process p = desktop.startPiped(command, desktop.userEnvironment(desktop.config.commandEnvironment()));
    Thread.ofVirtual().start(() -> {
      try (var in = p.getInputStream()) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (java.io.IOException e) {
        // the program ended
      }
    });
    return p;
  }

  /** Runs a command inside the desktop's file system view as root. */
  public ExecResult execAsRoot(List<String> command, Duration timeout) {
    desktop.ensureAlive();
    return desktop.exec(command, true, desktop.rootEnvironment(), timeout);
  }

  public ExecResult execAsRoot(String... command) {
    return execAsRoot(List.of(command), Duration.ofSeconds(30));
  }
}
