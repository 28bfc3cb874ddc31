package io.deskforge.desktop;

import io.deskforge.desktop.limits.ResourceControl;
import io.deskforge.desktop.ready.ReadyTarget;
import io.deskforge.desktop.x11.X11Connection;
import io.deskforge.desktop.x11.X11Input;
import io.deskforge.task.action.Action;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An isolated X display with a window manager and apps, run as a non-root user with no network but
 * loopback and a private home. Configure it through its provider, {@link #start()} it, use it, and
 * {@link #close()} it, normally with try-with-resources: close leaves no process, container or
 * folder behind, whatever happened before.
 *
 * <p>Three sides: <b>act</b> (the computer-use action space, in screen pixels), <b>observe</b>
 * (screenshot, window list, accessibility tree), and the <b>privileged side</b> ({@link
 * #privileged()}), which setup, getters and auditors use and which nothing inside the desktop can
 * reach.
 *
 * <p>Providers implement booting, running commands inside and tearing down; the X protocol, the
 * actions, readiness and health checks are common to all.
 *
 * <p>This class holds the lifecycle (start, the boot probes, close), the launched apps and the
 * provider hooks; each side is a class of its own that it hands its calls to: {@link
 * DesktopActions}, {@link DesktopObservation}, {@link Privileged}, {@link DesktopHealth} and
 * {@link DesktopEnvironment}. Those reach back for the desktop's overridable methods through it.
 */
public abstract class Desktop implements AutoCloseable {

  private enum State { NEW, RUNNING, CLOSED }

  protected final String id;
  protected final DesktopConfig config;
  protected final HostFolders folders;
  private final List<RunningApp> apps = new CopyOnWriteArrayList<>();
  /** Names of apps asked to quit at the end of a trajectory, whose exit is no death of the desktop. */
  private final Set<String> quitting = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Privileged privileged;
  private final DesktopEnvironment environment;
  private final DesktopHealth health;
  private final DesktopObservation observation;
  private final DesktopActions actionSpace;
  private volatile State state = State.NEW;
  private X11Connection x;
  private X11Input input;
  private ResourceControl resources;

  protected Desktop(String providerName, DesktopConfig config) {
    this.config = config;
    this.id = providerName + "-" + HostFolders.randomSuffix();
    this.folders = new HostFolders(config.workRoot().resolve(id), DesktopUser.current(), config.limits());
    this.environment = new DesktopEnvironment(this);
    this.health = new DesktopHealth(this);
    this.observation = new DesktopObservation(this, health);
    this.actionSpace = new DesktopActions(this, health);
    this.privileged = new Privileged(this);
  }

  // ------------------------------------------------------------------ lifecycle

  /** Boots the X server, session bus and window manager; returns once the display accepts input. */
  public final synchronized Desktop start() {
    if (state != State.NEW) throw new IllegalStateException(describe() + " was already started");
    state = State.RUNNING;
    try {
      folders.create();
      writeResource("desktop-init.sh", folders.run().resolve("init.sh"));
      writeResource("openbox-rc.xml", folders.run().resolve("openbox-rc.xml"));
      boot();
      connectDisplay();
      waitForWindowManager();
      return this;
    } catch (RuntimeException | Error e) {
      closeQuietly();
      if (e instanceof DesktopException de) throw de;
      throw new DesktopException(describe() + ": failed to start: " + e, e);
    }
  }

  /** Stops every process of the desktop and removes its container and folders. Never throws. */
  @Override
  public final synchronized void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    if (state == State.CLOSED) return;
    state = State.CLOSED;
    if (x != null) x.close();
    try {
      teardown();
    } catch (RuntimeException e) {
      System.err.println("deskforge: " + describe() + ": teardown: " + e.getMessage());
    }
    if (resources != null) resources.close();
    folders.delete();
  }

  private void connectDisplay() {
    Path socket = folders.x11().resolve("X0");
    long deadline = System.nanoTime() + config.startTimeout().toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      if (!environmentAlive()) throw new DesktopException(describe() + " died while starting: " + deathReason());
      if (Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(socket)) {
        try {
          x = X11Connection.open(socket);
          x.timeout(config.limits().callTimeout());
          if (!x.queryExtension("XTEST")) throw new DesktopException(describe() + ": the X server lacks XTEST");
          input = new X11Input(x, () -> settle(Duration.ofMillis(50), Duration.ofSeconds(5)));
          return;
        } catch (IOException e) {
          last = e;
        }
      }
      sleep(2);
    }
    throw new DesktopException(describe() + ": the X server did not accept connections within "
        + config.startTimeout().toMillis() + " ms" + (last == null ? "" : " (" + last.getMessage() + ")")
        + "; init log: " + tail(folders.run().resolve("init.log")));
  }

  /**
   * Waits until the window manager runs its event loop. Seeing _NET_SUPPORTING_WM_CHECK is not
   * enough: openbox sets it early in its start-up, and requests redirected to it before its loop
   * runs are lost (a window mapped then stays unmapped for good). So this waits for the last root
   * property openbox sets (_NET_CLIENT_LIST), then asks, for an unmapped window of ours, a new
   * width: the request goes to openbox, which grants it from its loop. It is repeated with
   * another width every 30 ms until one is granted.
   */
  private void waitForWindowManager() {
    long deadline = System.nanoTime() + config.startTimeout().toNanos();
    try {
      while (x.getWindowsProperty(x.rootWindow(), "_NET_SUPPORTING_WM_CHECK").length == 0
          || x.getProperty(x.rootWindow(), x.internAtom("_NET_CLIENT_LIST")) == null) {
        checkStarting(deadline);
        sleep(2);
      }
      int probe = x.createUnmappedWindow();
      int width = 20;
      long asked = System.nanoTime();
      x.configureWidth(probe, width);
      while (x.geometryOnRoot(probe)[2] != width) {
        checkStarting(deadline);
        if (System.nanoTime() - asked > 30_000_000L) {
          x.configureWidth(probe, ++width);
          asked = System.nanoTime();
        }
        sleep(2);
      }
      x.destroyWindow(probe);
    } catch (IOException e) {
      throw health.failure("waiting for the window manager", e);
    }
  }

  private void checkStarting(long deadline) {
    if (!environmentAlive()) throw new DesktopException(describe() + " died while starting: " + deathReason());
    if (System.nanoTime() > deadline) {
      throw new DesktopException(describe() + ": the window manager (openbox) did not start within "
          + config.startTimeout().toMillis() + " ms; init log: " + tail(folders.run().resolve("init.log")));
    }
  }

  public String id() {
    return id;
  }

  public DesktopConfig config() {
    return config;
  }

  public boolean isRunning() {
    return state == State.RUNNING;
  }

  /** "sandbox-1a2b3c4d [mousepad]": how errors name this desktop. */
  public String describe() {
    List<String> names = apps.stream().map(RunningApp::name).toList();
    return "desktop " + id + (names.isEmpty() ? "" : " " + names);
  }

  // ------------------------------------------------------------------ apps

  /** Starts an application as the desktop user and waits until its readiness strategy says so. */
  public RunningApp launch(AppLaunch launch) {
    ensureAlive();
    RunningApp app = spawn(launch.name(), launch.command(), userEnvironment(launch.env()));
    apps.add(app);
    try {
      launch.ready().waitUntilReady(readyTarget(app), launch.timeout());
    } catch (DesktopException e) {
      throw new DesktopException(e.getMessage() + "; " + launch.name() + " said: " + tail(appLog(launch.name())), e);
    }
    return app;
  }

  public List<RunningApp> apps() {
    return List.copyOf(apps);
  }

  /**
   * Says that the apps of this name are being asked to quit, at the end of a trajectory, so that
   * they write what they hold in memory (Chromium writes its profile on quitting): from now on their
   * exit, whatever its status, is expected rather than a death of the desktop. Any other app's exit
   * still is one.
   */
  public void quitting(String appName) {
    quitting.add(appName);
  }

  /** Whether this app's exit is expected ({@link #quitting}). */
  public boolean mayExit(RunningApp app) {
    return quitting.contains(app.name());
  }

  private ReadyTarget readyTarget(RunningApp app) {
    return new ReadyTarget() {
      @Override
      public String describe() {
        return Desktop.this.describe();
      }

      @Override
      public List<WindowInfo> windows() {
        return Desktop.this.windows();
      }

      @Override
      public boolean appAlive() {
        return app.alive();
      }

      @Override
      public void activate(WindowInfo window) {
        Desktop.this.activate(window);
      }

      @Override
      public String appExit() {
        return app.exit().orElse("running");
      }

      @Override
      public long appCpuNanos() {
        long total = 0;
        for (ProcessHandle p : ProcessHandle.of(app.hostPid()).stream()
            .flatMap(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(h), h.descendants())).toList()) {
          total += ProcessStats.cpuNanos(p.pid());
        }
        return total;
      }

      @Override
      public boolean fileExists(String desktopPath) {
        return privileged.exists(desktopPath);
      }

      @Override
      public boolean commandSucceeds(List<String> command, Duration timeout) {
        return exec(command, false, userEnvironment(Map.of()), timeout).ok();
      }
    };
  }

  // ------------------------------------------------------------------ act

  /** Performs one action; a dead app or X server gives a DesktopException naming this desktop. */
  public void act(Action action) {
    actionSpace.act(action);
  }

  /** Where the pointer is: the point of the last pointer action, or the centre before any. */
  public int[] pointer() {
    return actionSpace.pointer();
  }

  public void act(List<Action> actions) {
    actions.forEach(this::act);
  }

  /**
   * Waits until every process of the desktop has used under 2 ms of CPU for {@code quiet}
   * (the app finished handling the last input, a shell command finished), or {@code max} passed.
   * Returns whether it settled.
   */
  public boolean settle(Duration quiet, Duration max) {
    return actionSpace.settle(quiet, max);
  }

  /**
   * Waits until a window whose title matches the regular expression is mapped, then until the
   * desktop is idle for 50 ms: a dialog that has just appeared drops keys typed before its toolkit
   * has realized and focused it, as a person waits to see the cursor in the field.
   */
  public WindowInfo waitForWindow(String titleRegex, Duration timeout) {
    return actionSpace.waitForWindow(titleRegex, timeout);
  }

  /** Asks the window manager to raise and focus a window, as a click on a taskbar would. */
  public void activate(WindowInfo window) {
    actionSpace.activate(window);
  }

  // ------------------------------------------------------------------ observe

  public Screenshot screenshot() {
    return observation.screenshot();
  }

  /** The top-level windows the window manager manages, in stacking order from its client list. */
  public List<WindowInfo> windows() {
    return observation.windows();
  }

  /**
   * The accessibility tree of the desktop's apps through AT-SPI (needs {@code accessibility} on,
   * the default). Limited to {@code maxNodes} nodes, breadth first, so a huge document cannot stall
   * an observation.
   */
  public AccessibilityNode accessibilityTree(int maxNodes) {
    return observation.accessibilityTree(maxNodes);
  }

  public AccessibilityNode accessibilityTree() {
    return accessibilityTree(2000);
  }

  // ------------------------------------------------------------------ privileged side

  /** File access and commands from outside the desktop; never reachable from inside. */
  public Privileged privileged() {
    return privileged;
  }

  // ------------------------------------------------------------------ health and accounting

  /** Throws a DesktopException naming the desktop if it, its X server or one of its apps died. */
  public void ensureAlive() {
    if (state == State.NEW) throw new IllegalStateException(describe() + " is not started; call start()");
    if (state == State.CLOSED) throw new DesktopException(describe() + " is closed");
    health.ensureAlive();
  }

  /**
   * Which of its limits the desktop reached, if any: processes, memory, its disk cap (see {@link
   * DesktopLimits}). A desktop that reached one is done: every later call says so.
   */
  public Optional<String> limitHit() {
    return health.limitHit();
  }

  /** What enforces this desktop's limits ("cgroup v1", "rlimits", "docker"). */
  public String limitMechanism() {
    return health.limitMechanism();
  }

  /** Proportional set size of every process of the desktop, in bytes (shared pages split fairly). */
  public long memoryPssBytes() {
    return health.memoryPssBytes();
  }

  /** All host processes that belong to this desktop. */
  public Set<ProcessHandle> processes() {
    return health.processes();
  }

  /**
   * Nanoseconds of CPU the desktop's processes used so far. From the desktop's cgroup where it has
   * one: every process it ran, ended ones included, in one file read. Otherwise summed over the
   * threads of its live processes, which costs a walk of the host's process table and a file per
   * thread (a Chromium desktop has a few hundred), so {@link #settle} polls it as cheaply as it can.
   */
  public long cpuNanos() {
    ResourceControl r = resources;
    if (r != null) {
      java.util.OptionalLong counted = r.cpuNanos();
      if (counted.isPresent()) return counted.getAsLong();
    }
    long total = 0;
    for (ProcessHandle p : processes()) total += ProcessStats.cpuNanos(p.pid());
    return total;
  }

  // ------------------------------------------------------------------ provider hooks

  /** Starts the desktop's environment running {@code /run/deskforge/init.sh} as the desktop user. */
  protected abstract void boot();

  protected abstract boolean environmentAlive();

  /** How the environment ended (exit status, container state), for error messages. */
  protected abstract String environmentExit();

  /** Host processes of the environment (not counting launched apps, which the base tracks). */
  protected abstract Set<ProcessHandle> environmentProcesses();

  /** Runs a command inside to completion, capturing its output. */
  protected abstract ExecResult exec(List<String> command, boolean asRoot, Map<String, String> env, Duration timeout);

  /** Starts a long-running process inside as the desktop user, without waiting. */
  protected abstract RunningApp spawn(String name, List<String> command, Map<String, String> env);

  /**
   * Starts a command inside as the desktop user, with the environment {@code env}, its standard input and output piped to the host and its errors discarded; returns at once. The
   * caller owns the process and may end it; the desktop's close ends it too.
   */
  protected abstract Process startPiped(List<String> command, Map<String, String> env);

  /** Kills everything and removes containers; idempotent, must not throw. */
  protected abstract void teardown();

  /** A limit the provider itself enforces and reports (a container killed for memory). */
  protected Optional<String> providerLimitHit() {
    return Optional.empty();
  }

  protected String providerLimitMechanism() {
    return "none";
  }

  /**
   * Makes the host-side limits of this desktop (cgroups or rlimits) for a provider that runs the
   * desktop's processes itself; {@link ResourceControl#prefix()} goes in front of each of them.
   */
  protected final ResourceControl resourceControl() {
    if (resources == null) resources = ResourceControl.forDesktop(id, config.limits(), folders.user().hostIsRoot());
    return resources;
  }

  // ------------------------------------------------------------------ shared machinery

  /**
   * Where a launched app's output goes; providers write it there. By default in the host-only
   * folder, which nothing inside the desktop can reach, so the desktop user cannot point the host's
   * appending at another file.
   */
  protected Path appLog(String appName) {
    return folders.host().resolve(appName + ".log");
  }

  /** The desktop user's environment, with the session bus, then the configuration's, then {@code extra}. */
  protected Map<String, String> userEnvironment(Map<String, String> extra) {
    return environment.user(extra);
  }

  /** The environment of commands run as root. */
  protected Map<String, String> rootEnvironment() {
    return environment.root();
  }

  /** Environment variables the init script reads. */
  protected Map<String, String> initEnvironment() {
    return environment.init();
  }

  /** Why the desktop died, from its init's records. */
  protected String deathReason() {
    return health.deathReason();
  }

  private void writeResource(String name, Path target) {
    try (InputStream in = Desktop.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("resource " + name + " is missing from the vm-images jar");
      folders.writeOwned(target, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected static String resourceText(String name) {
    try (InputStream in = Desktop.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("resource " + name + " is missing from the vm-images jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines of a log, read without following links and capped in size, for messages. */
  protected String tail(Path log) {
    String text = folders.tail(log, 16 * 1024);
    if (text == null || text.isBlank()) return "(empty)";
    List<String> lines = text.strip().lines().toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
  }

  protected static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DesktopException("interrupted", e);
    }
  }

  // ------------------------------------------------------------------ for the parts in this package

  /** The host-side limits if {@link #resourceControl()} made them, else null. */
  ResourceControl resources() {
    return resources;
  }

  /** The connection to the desktop's X server, once {@link #start()} made it. */
  X11Connection x11() {
    return x;
  }

  /** The XTEST input on that connection. */
  X11Input input() {
    return input;
  }
}
