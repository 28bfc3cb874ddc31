package io.deskforge.desktop;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables of what runs in a desktop: its init script, the apps and commands of
 * the desktop user (with the session bus, which it waits for), and commands run as root.
 */
final class DesktopEnvironment {
  private final Desktop desktop;
  private String bus;

  DesktopEnvironment(Desktop desktop) {
    this.desktop = desktop;
  }

  Map<String, String> user(Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", DesktopPaths.HOME);
    env.put("USER", DesktopPaths.USER);
    env.put("LOGNAME", DesktopPaths.USER);
    env.put("SHELL", "/bin/bash");
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("LANG", "C.UTF-8");
    env.put("DISPLAY", DesktopPaths.DISPLAY);
    env.put("XDG_RUNTIME_DIR", "/run/user/" + desktop.folders.user().uid());
    env.put("DBUS_SESSION_BUS_ADDRESS", sessionBus());
    // Settings live in memory: a desktop is thrown away after one task, and starting the dconf
    // service for each app costs a few hundred milliseconds and a process.
    env.put("GSETTINGS_BACKEND", "memory");
    // GTK's overlay scrollbars fade in and out for ~350 ms after a window maps: CPU work that
    // delays "idle" readiness and makes screenshots of the same state differ. Classic
    // scrollbars are always drawn, the same way every time.
    env.put("GTK_OVERLAY_SCROLLING", "0");
    if (!desktop.config.accessibility()) env.put("NO_AT_BRIDGE", "1");
    env.putAll(desktop.config.environment());
    env.putAll(extra);
    return env;
  }

  Map<String, String> root() {
    // In a sandbox, root is not mapped in the desktop's user namespace and cannot create files on
    // its tmpfs: keep toolkit settings in memory rather than in a home it cannot write.
    return Map.of("HOME", "/tmp", "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG", "C.UTF-8",
        "GSETTINGS_BACKEND", "memory", "NO_AT_BRIDGE", "1");
  }

  /** Environment variables the init script reads. */
  Map<String, String> init() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", DesktopPaths.HOME);
    env.put("USER", DesktopPaths.USER);
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("LANG", "C.UTF-8");
    env.put("XDG_RUNTIME_DIR", "/run/user/" + desktop.folders.user().uid());
    env.put("DESKFORGE_SCREEN", desktop.config.width() + "x" + desktop.config.height() + "x24");
    if (!desktop.config.accessibility()) env.put("NO_AT_BRIDGE", "1");
    return env;
  }

  /** The session bus address the init script writes once dbus-daemon is up, waited for once. */
  private String sessionBus() {
    if (bus == null) {
      Path file = desktop.folders.run().resolve("bus");
      long deadline = System.nanoTime() + desktop.config.startTimeout().toNanos();
      String text;
      while ((text = desktop.folders.tail(file, 4096)) == null) {
        if (!desktop.environmentAlive()) throw new DesktopException(desktop.describe() + " died: " + desktop.deathReason());
        if (System.nanoTime() > deadline) throw new DesktopException(desktop.describe() + ": the session bus never came up");
        Desktop.sleep(2);
      }
      bus = text.strip();
      if (!bus.matches("unix:[A-Za-z0-9=/,._-]+")) throw new DesktopException(desktop.describe() + ": the session bus address is not one: " + bus);
    }
    return bus;
  }
}
