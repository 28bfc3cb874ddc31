package io.deskforge.desktop.host;

import io.deskforge.desktop.DesktopException;
import io.deskforge.desktop.docker.DockerEngine;
import io.deskforge.desktop.docker.DockerImages;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Checks what deskforge's providers need on this host (Debian packages, npm packages, user
 * namespaces, a Docker engine, desktop images) and, run as root, installs and starts what is missing.
 */
public final class Doctor {
  private Doctor() {}

  /** One requirement's state, and the exact command that would fix it. */
  public record Finding(Requirement requirement, boolean ok, String detail, String fix) {}

  public static List<Finding> check(Collection<Requirement> requirements) {
    Set<Requirement> all = new LinkedHashSet<>(requirements);
    List<String> packages = all.stream().filter(r -> r instanceof Requirement.DebianPackage)
        .map(r -> ((Requirement.DebianPackage) r).name()).distinct().toList();
    Set<String> missing = new java.util.HashSet<>(Packages.missing(packages));
    List<String> npm = all.stream().filter(r -> r instanceof Requirement.NpmPackage)
        .map(r -> ((Requirement.NpmPackage) r).spec()).distinct().toList();
    Set<String> missingNpm = new java.util.HashSet<>(NpmPackages.missing(npm));
    Boolean engine = null;
    List<Finding> out = new ArrayList<>();
    Set<String> seenPackages = new java.util.HashSet<>();
    for (Requirement r : all) {
      switch (r) {
        case Requirement.DebianPackage p -> {
          if (!seenPackages.add(p.name())) continue;
          boolean ok = !missing.contains(p.name());
          out.add(new Finding(r, ok, ok ? "installed" : "not installed",
              "apt-get install -y --no-install-recommends " + p.name()));
        }
        case Requirement.NpmPackage n -> {
          if (!seenPackages.add("npm:" + n.spec())) continue;
          boolean ok = !missingNpm.contains(n.spec());
          out.add(new Finding(r, ok, ok ? "installed under " + NpmPackages.PREFIX : "not installed under " + NpmPackages.PREFIX,
              NpmPackages.installCommand(List.of(n.spec()))));
        }
        case Requirement.UserNamespaces u -> {
          boolean ok = userNamespaces();
          out.add(new Finding(r, ok, ok ? "enabled" : "disabled", "sysctl -w user.max_user_namespaces=15000"));
        }
        case Requirement.DockerEngine d -> {
          if (engine == null) engine = DockerEngine.reachable();
          out.add(new Finding(r, engine, engine ? "answers at " + DockerEngine.host() : "no engine answers at " + DockerEngine.host(),
              "./deskforge doctor --install (as root: installs docker.io and starts dockerd)"));
        }
        case Requirement.DockerImage i -> {
          if (engine == null) engine = DockerEngine.reachable();
          boolean ok = engine && imageExists(i.tag());
          out.add(new Finding(r, ok, ok ? "present" : engine ? "not built" : "unknown (no Docker engine)",
              "./deskforge images build --app " + i.name()));
        }
      }
    }
    return out;
  }

  public static boolean isRoot() {
    return io.deskforge.desktop.DesktopUser.current().hostIsRoot();
  }

  /** Installs and starts what the findings say is missing. Needs root. */
  public static void install(List<Finding> findings, Consumer<String> progress) {
    if (!isRoot()) {
      throw new DesktopException("installing needs root; run: sudo deskforge doctor --install");
    }
    List<String> packages = findings.stream().filter(f -> !f.ok() && f.requirement() instanceof Requirement.DebianPackage)
        .map(f -> ((Requirement.DebianPackage) f.requirement()).name()).distinct().toList();
    if (!packages.isEmpty()) {
      progress.accept("installing " + packages.size() + " Debian packages: " + String.join(" ", packages));
      run(List.of("apt-get", "update", "-q"), progress, 600);
      List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
      cmd.addAll(packages);
      run(cmd, progress, 3600);
      List<String> still = Packages.missing(packages);
      if (!still.isEmpty()) throw new DesktopException("apt-get did not install " + still);
    }
    List<String> npm = findings.stream().filter(f -> !f.ok() && f.requirement() instanceof Requirement.NpmPackage)
        .map(f -> ((Requirement.NpmPackage) f.requirement()).spec()).distinct().toList();
    if (!npm.isEmpty()) {
      // after the Debian packages: the app's own packages bring Node.js and npm (nodejs, or Debian's npm)
      progress.accept("installing " + npm.size() + " npm packages under " + NpmPackages.PREFIX + ": " + String.join(" ", npm));
      run(NpmPackages.installArgs(npm), progress, 1800);
      List<String> still = NpmPackages.missing(npm);
      if (!still.isEmpty()) throw new DesktopException("npm did not install " + still + " under " + NpmPackages.PREFIX);
    }
    if (findings.stream().anyMatch(f -> !f.ok() && f.requirement() instanceof Requirement.UserNamespaces)) {
      run(List.of("sysctl", "-w", "user.max_user_namespaces=15000"), progress, 30);
    }
    boolean needsEngine = findings.stream().anyMatch(f -> f.requirement() instanceof Requirement.DockerEngine
        || f.requirement() instanceof Requirement.DockerImage);
    if (needsEngine && !DockerEngine.reachable()) startDockerd(progress);
    List<Requirement.DockerImage> images = findings.stream()
        .filter(f -> f.requirement() instanceof Requirement.DockerImage i && !imageExists(i.tag()))
        .map(f -> (Requirement.DockerImage) f.requirement()).toList();
    if (!images.isEmpty()) buildImages(images, progress);
  }

  /** The base first (every image needs it), then the app images side by side: apt spends most of its time waiting. */
  private static void buildImages(List<Requirement.DockerImage> images, Consumer<String> progress) {
    try (var docker = DockerEngine.connect()) {
      if (!DockerImages.exists(docker, DockerImages.baseTag())) DockerImages.buildBase(docker, progress);
      Map<String, Runnable> builds = new LinkedHashMap<>();
      for (Requirement.DockerImage i : images) {
        builds.put(i.name() + "'s image", () -> DockerImages.ensure(docker, i.name(), i.packages(), i.npmPackages(),
            line -> progress.accept("[" + i.name() + "] " + line)));
      }
      allOrFail(builds);
    } catch (IOException e) {
      throw new DesktopException("building images failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DesktopException("interrupted while building images", e);
    }
  }

  /**
   * Runs each job on a thread of its own and waits for all; then fails if any failed, naming each
   * one. An Error counts too: a NoSuchMethodError in an image build once ended only that thread,
   * and doctor reported the host ready without the images.
   */
  static void allOrFail(Map<String, Runnable> jobs) throws InterruptedException {
    Map<String, Throwable> failures = new java.util.concurrent.ConcurrentSkipListMap<>();
    List<Thread> threads = new ArrayList<>();
    jobs.forEach((name, job) -> threads.add(Thread.ofPlatform().start(() -> {
      try {
        job.run();
      } catch (Throwable e) {
        failures.put(name, e);
      }
    })));
    for (Thread t : threads) t.join();
    if (failures.isEmpty()) return;
    StringBuilder why = new StringBuilder();
    failures.forEach((name, e) -> why.append(why.isEmpty() ? "" : "; ").append(name).append(": ").append(e));
    DesktopException failed = new DesktopException(failures.size() + " of " + jobs.size() + " failed: " + why);
    failures.values().forEach(failed::addSuppressed);
    throw failed;
  }

  /** Starts dockerd in its own session (it outlives this process) and waits until it answers. */
  public static void startDockerd(Consumer<String> progress) {
    Path log = Path.of("/var/log/deskforge-dockerd.log");
    progress.accept("starting dockerd (log: " + log + ")");
    try {
      new ProcessBuilder("setsid", "-f", "dockerd")
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new DesktopException("cannot start dockerd: " + e.getMessage() + "; is docker.io installed?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DesktopException("interrupted while starting dockerd", e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!DockerEngine.reachable()) {
      if (System.nanoTime() > deadline) throw new DesktopException("dockerd did not answer within 60 s; see " + log);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DesktopException("interrupted while waiting for dockerd", e);
      }
    }
    progress.accept("dockerd answers at " + DockerEngine.host());
  }

  private static boolean imageExists(String tag) {
    try (var docker = DockerEngine.connect()) {
      return DockerImages.exists(docker, tag);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean userNamespaces() {
    try {
      return Long.parseLong(Files.readString(Path.of("/proc/sys/user/max_user_namespaces")).strip()) > 0;
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  private static void run(List<String> cmd, Consumer<String> progress, int timeoutSeconds) {
    progress.accept("$ " + String.join(" ", cmd));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      try (var lines = p.inputReader().lines()) {
        lines.forEach(l -> progress.accept("  " + l));
      }
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new DesktopException(cmd.get(0) + " did not finish within " + timeoutSeconds + " s");
      }
      if (p.exitValue() != 0) throw new DesktopException(String.join(" ", cmd) + " failed with exit status " + p.exitValue());
    } catch (IOException e) {
      throw new DesktopException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DesktopException("interrupted while running " + cmd.get(0), e);
    }
  }
}
