package io.deskforge.desktop.sandbox;

import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopException;
import io.deskforge.desktop.DesktopPaths;
import io.deskforge.desktop.DesktopUser;
import io.deskforge.desktop.ExecResult;
import io.deskforge.desktop.HostFolders;
import io.deskforge.desktop.MissingRequirementException;
import io.deskforge.desktop.ProcessStats;
import io.deskforge.desktop.RunningApp;
import io.deskforge.desktop.host.Packages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One bubblewrap sandbox; commands enter its namespaces with nsenter. */
final class SandboxDesktop extends Desktop {
  /** Where the desktop sees its read-only system files (the seccomp program and launcher). */
  static final String SYS = "/run/deskforge-sys";
  private static final java.util.concurrent.atomic.AtomicBoolean WARNED = new java.util.concurrent.atomic.AtomicBoolean();

  private Process sandbox;
  private Path seccomp;
  private final List<Process> spawned = new ArrayList<>();

  SandboxDesktop(DesktopConfig config) {
    super(SandboxProvider.NAME, config);
  }

  @Override
  protected void boot() {
    List<String> missing = Packages.missing(requiredPackages());
    if (!missing.isEmpty()) {
      throw new MissingRequirementException(describe() + ": missing Debian packages " + missing
          + "; install them with: deskforge doctor --install (as root), or apt-get install -y " + String.join(" ", missing));
    }
    List<String> missingNpm = io.deskforge.desktop.host.NpmPackages.missing(config.npmPackages());
    if (!missingNpm.isEmpty()) {
      throw new MissingRequirementException(describe() + ": missing npm packages " + missingNpm
          + "; install them with: deskforge doctor --install (as root), or " + io.deskforge.desktop.host.NpmPackages.installCommand(missingNpm));
    }
    DesktopUser user = folders.user();
    try {
      HostFolders.EtcFiles etc = folders.writeEtcFiles();
      writeSystemFiles();
      List<String> cmd = new ArrayList<>(resourceControl().prefix());
      Map<String, Path> caches = shownCaches();
      if (seccomp != null) cmd.addAll(List.of("sh", "-c", "exec \"$@\" 3<\"$0\"", seccomp.toString()));
      if (user.hostIsRoot()) {
        cmd.addAll(List.of("setpriv", "--reuid=" + user.uid(), "--regid=" + user.gid(), "--clear-groups", "--no-new-privs", "--"));
      }
      String tmpfsSize = Long.toString(config.limits().tmpfsBytes());
      cmd.addAll(List.of("bwrap", "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session"));
      if (seccomp != null) cmd.addAll(List.of("--seccomp", "3"));
      cmd.addAll(List.of("--ro-bind", "/usr", "/usr"));
      for (String top : List.of("bin", "lib", "lib64", "sbin")) {
        Path p = Path.of("/", top);
        if (Files.isSymbolicLink(p)) cmd.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), "/" + top));
        else if (Files.isDirectory(p)) cmd.addAll(List.of("--ro-bind", "/" + top, "/" + top));
      }
      cmd.addAll(List.of(
          "--ro-bind", "/etc", "/etc",
          "--ro-bind", etc.passwd().toString(), "/etc/passwd",
          "--ro-bind", etc.group().toString(), "/etc/group",
          "--ro-bind", etc.hosts().toString(), "/etc/hosts",
          "--ro-bind-try", "/var/cache/fontconfig", "/var/cache/fontconfig",
          "--ro-bind-try", "/var/lib/dbus", "/var/lib/dbus",
          "--proc", "/proc", "--dev", "/dev",
          "--size", tmpfsSize, "--tmpfs", "/tmp", "--size", tmpfsSize, "--tmpfs", "/var/tmp",
          "--size", tmpfsSize, "--tmpfs", "/run", "--size", tmpfsSize, "--tmpfs", "/dev/shm",
          "--perms", "0700", "--dir", "/run/user/" + user.uid(),
          "--ro-bind", folders.root().resolve("sys").toString(), SYS,
          "--bind", folders.home().toString(), DesktopPaths.HOME,
          "--bind", folders.run().toString(), DesktopPaths.RUN,
          "--bind", folders.x11().toString(), DesktopPaths.X11));
      for (String f : config.systemFolders()) cmd.addAll(List.of("--ro-bind-try", f, f));
      caches.forEach((name, folder) -> cmd.addAll(List.of("--ro-bind-try", folder.toString(), DesktopPaths.HOST_CACHES + "/" + name)));
      if (user.hostIsRoot()) {
        // root-owned and 0700: visible to root commands inside, unreadable by the desktop user
        cmd.addAll(List.of("--ro-bind", folders.privileged().toString(), DesktopPaths.PRIVILEGED));
      }
      cmd.addAll(List.of("--remount-ro", "/", "--hostname", "deskforge", "--chdir", DesktopPaths.HOME, "--clearenv"));
      for (Map.Entry<String, String> e : initEnvironment().entrySet()) {
        cmd.addAll(List.of("--setenv", e.getKey(), e.getValue()));
      }
      cmd.addAll(List.of("--", "/bin/sh", DesktopPaths.RUN + "/init.sh"));
      ProcessBuilder pb = new ProcessBuilder(cmd)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectErrorStream(true)
          .redirectOutput(folders.root().resolve("sandbox.log").toFile());
      pb.environment().clear();
      pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
      sandbox = LongLivedSpawner.start(pb);
    } catch (IOException e) {
      throw new DesktopException(describe() + ": cannot start bubblewrap: " + e.getMessage(), e);
    }
  }

  /**
   * The host caches present now ({@link DesktopConfig#presentHostCaches}). On a root host bubblewrap
   * binds as the desktop's user, who must be able to look the folder up: one under a folder closed
   * to others (root's home) is left out too, said once on stderr.
   */
  private Map<String, Path> shownCaches() {
    Map<String, Path> caches = new java.util.TreeMap<>();
    config.presentHostCaches().forEach((name, folder) -> {
      if (folders.user().hostIsRoot() && !openToOthers(folder)) {
        if (WARNED_CACHES.add(folder)) {
          System.err.println("deskforge: host cache " + folder + " is left out of desktops: the desktop's user cannot reach it (a folder on its way is closed to others)");
        }
        return;
      }
      caches.put(name, folder);
    });
    return caches;
  }

  private static final Set<Path> WARNED_CACHES = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Every folder from the root to {@code folder} lets others look names up in it, and the folder lets them list it. */
  static boolean openToOthers(Path folder) {
    try {
      Path p = folder.toRealPath();
      if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) return false;
      for (; p != null; p = p.getParent()) {
        if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) return false;
      }
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * The seccomp program and its launcher, in a folder the desktop sees read-only at {@link #SYS}:
   * commands entered with nsenter do not inherit bubblewrap's filter, so they load it themselves.
   */
  private void writeSystemFiles() throws IOException {
    Path sys = Files.createDirectory(folders.root().resolve("sys"));
    Files.setPosixFilePermissions(sys, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Optional<byte[]> program = SeccompFilter.forThisMachine();
    if (program.isEmpty()) {
      if (WARNED.compareAndSet(false, true)) {
        System.err.println("deskforge: no seccomp table for " + System.getProperty("os.arch") + "; sandboxes run without a seccomp filter");
      }
      return;
    }
    seccomp = sys.resolve("seccomp.bpf");
    Files.write(seccomp, program.get());
    Files.writeString(sys.resolve("seccomp-exec.py"), resourceText("seccomp-exec.py"));
    for (Path f : List.of(seccomp, sys.resolve("seccomp-exec.py"))) {
      Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private List<String> requiredPackages() {
    List<String> all = new ArrayList<>(List.of("bubblewrap", "util-linux"));
    all.addAll(Packages.base());
    all.addAll(config.packages());
    return all;
  }

  @Override
  protected boolean environmentAlive() {
    return sandbox != null && sandbox.isAlive();
  }

  @Override
  protected String environmentExit() {
    if (sandbox == null) return "never started";
    if (sandbox.isAlive()) return "sandbox running";
    return "sandbox ended with " + RunningApp.describeStatus(sandbox.exitValue())
        + "; bubblewrap said: " + tail(folders.root().resolve("sandbox.log"));
  }

  @Override
  protected Set<ProcessHandle> environmentProcesses() {
    Set<ProcessHandle> out = new HashSet<>();
    if (sandbox != null) {
      out.add(sandbox.toHandle());
      sandbox.toHandle().descendants().forEach(out::add);
    }
    return out;
  }

  /** The sandbox's own init (pid 1 of its namespace): the bubblewrap parent's child. */
  private long namespacePid() {
    return sandbox.toHandle().children().findFirst()
        .orElseThrow(() -> new DesktopException(describe() + ": the sandbox has no init process; " + environmentExit()))
        .pid();
  }

  /**
   * The host command that runs what follows inside the sandbox: under the desktop's limits, in its
   * namespaces, and for the desktop user with the sandbox's seccomp filter and no new privileges.
   */
  private List<String> enter(boolean asRoot) {
    DesktopUser user = folders.user();
    String target = Long.toString(namespacePid());
    List<String> cmd = new ArrayList<>(resourceControl().prefix());
    if (asRoot && user.hostIsRoot()) {
      // real root, in the sandbox's mounts, network, pid and IPC namespaces: sees the privileged folder
      cmd.addAll(List.of("nsenter", "-t", target, "-m", "-n", "-i", "-u", "-p", "-r", "-w", "--"));
      return cmd;
    }
    cmd.addAll(List.of("nsenter", "-t", target, "-U", "-m", "-n", "-i", "-u", "-p", "-r", "-w"));
    if (user.hostIsRoot()) cmd.addAll(List.of("-S", Integer.toString(user.uid()), "-G", Integer.toString(user.gid())));
    else cmd.add("--preserve-credentials");
    cmd.add("--");
    if (seccomp != null) cmd.addAll(List.of("python3", "-I", "-S", SYS + "/seccomp-exec.py", SYS + "/seccomp.bpf"));
    return cmd;
  }

  @Override
  protected ExecResult exec(List<String> command, boolean asRoot, Map<String, String> env, Duration timeout) {
    List<String> cmd = enter(asRoot);
    cmd.addAll(command);
    return Commands.run(cmd, env, timeout, describe());
  }

  @Override
  protected RunningApp spawn(String name, List<String> command, Map<String, String> env) {
    List<String> cmd = enter(false);
    cmd.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(appLog(name).toFile()));
    pb.environment().clear();
    pb.environment().putAll(env);
    try {
      Process p = LongLivedSpawner.start(pb);
      synchronized (spawned) {
        spawned.add(p);
      }
      return new SpawnedApp(name, p);
    } catch (IOException e) {
      throw new DesktopException(describe() + ": cannot launch " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected Process startPiped(List<String> command, Map<String, String> env) {
    List<String> cmd = enter(false);
    cmd.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().clear();
    pb.environment().putAll(env);
    try {
      Process p = LongLivedSpawner.start(pb);
      synchronized (spawned) {
        spawned.removeIf(s -> !s.isAlive());
        spawned.add(p);
      }
      return p;
    } catch (IOException e) {
      throw new DesktopException(describe() + ": cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected void teardown() {
    if (sandbox == null) return;
    Set<ProcessHandle> all = processes();
    // Killing the namespace's init kills every process inside; bubblewrap's die-with-parent alone
    // would be delivered a second or more later.
    sandbox.toHandle().children().forEach(ProcessHandle::destroyForcibly);
    sandbox.destroyForcibly();
    synchronized (spawned) {
      spawned.forEach(Process::destroyForcibly);
    }
    ProcessStats.killAndWatch(all, describe());
  }


  private record SpawnedApp(String name, Process process) implements RunningApp {
    @Override
    public long hostPid() {
      return process.pid();
    }

    @Override
    public boolean alive() {
      return process.isAlive();
    }

    @Override
    public Optional<String> exit() {
      return process.isAlive() ? Optional.empty() : Optional.of(RunningApp.describeStatus(process.exitValue()));
    }
  }
}
