package io.deskforge.desktop;

import io.deskforge.desktop.limits.ResourceControl;
import io.deskforge.desktop.x11.X11Exception;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A running desktop's health and accounting: whether it, its X server and its apps still live,
 * which resource limit it reached, why it died, its processes and their memory; and the
 * DesktopException that says so when a call into the X server fails.
 */
final class DesktopHealth {
  private final Desktop desktop;

  DesktopHealth(Desktop desktop) {
    this.desktop = desktop;
  }

  /** What {@link Desktop#ensureAlive()} checks once the desktop is started and not closed. */
  void ensureAlive() {
    Optional<String> hit = desktop.limitHit();
    if (hit.isPresent()) throw new DesktopLimitException(desktop.describe() + " reached its resource limits: " + hit.get());
    if (!desktop.environmentAlive()) throw new DesktopException(desktop.describe() + " died: " + desktop.deathReason());
    for (RunningApp app : desktop.apps()) {
      if (!app.alive() && !desktop.mayExit(app)) {
        String exit = app.exit().orElse("unknown status");
        if (!displayAnswers()) {
          // an app whose X server dies exits at once; the server's death is the news
          throw new DesktopException(desktop.describe() + ": the X server is gone (" + awaitDeathReason()
              + "); application " + app.name() + " exited with it (" + exit + ")");
        }
        throw new DesktopException(desktop.describe() + ": application " + app.name() + " exited (" + exit + ")");
      }
    }
  }

  Optional<String> limitHit() {
    List<String> hits = new ArrayList<>();
    ResourceControl resources = desktop.resources();
    if (resources != null) resources.limitHit().ifPresent(hits::add);
    desktop.providerLimitHit().ifPresent(hits::add);
    if (desktop.folders.diskFull()) {
      hits.add("disk: the " + (desktop.config.limits().diskBytes() >> 20) + " MiB cap on the desktop's files is full");
    }
    return hits.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", hits));
  }

  String limitMechanism() {
    ResourceControl resources = desktop.resources();
    return resources != null ? resources.mechanism() : desktop.providerLimitMechanism();
  }

  long memoryPssBytes() {
    long total = 0;
    for (ProcessHandle p : desktop.processes()) total += ProcessStats.pssBytes(p.pid());
    return total;
  }

  Set<ProcessHandle> processes() {
    Set<ProcessHandle> all = new HashSet<>(desktop.environmentProcesses());
    for (RunningApp app : desktop.apps()) {
      ProcessHandle.of(app.hostPid()).ifPresent(p -> {
        all.add(p);
        p.descendants().forEach(all::add);
      });
    }
    return all;
  }

  /** Why the desktop died, from its init's records. */
  String deathReason() {
    String xvfb = desktop.folders.tail(desktop.folders.run().resolve("xvfb.exit"), 64);
    String why = desktop.environmentExit();
    if (xvfb != null) why = "the X server (Xvfb) ended: " + xvfb.strip() + "; " + why;
    return why + "; init log: " + desktop.tail(desktop.folders.run().resolve("init.log"));
  }

  private boolean displayAnswers() {
    try {
      desktop.x11().sync();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Gives the init a moment to record why the X server ended, then says it. */
  private String awaitDeathReason() {
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (desktop.environmentAlive() && System.nanoTime() < deadline) Desktop.sleep(10);
    return desktop.environmentAlive() ? "connection lost" : desktop.deathReason();
  }

  /**
   * The exception for a failed call into the X server: a timeout is a resource limit when one was
   * reached, a lost connection is the X server's death, anything else a failure of that call.
   */
  DesktopException failure(String what, IOException e) {
    if (e instanceof X11Exception xe && xe.timedOut()) {
      Optional<String> hit = desktop.limitHit();
      return new DesktopLimitException(desktop.describe() + ": " + what + " failed: " + e.getMessage()
          + hit.map(h -> "; it reached its resource limits: " + h).orElse(""), e);
    }
    if (e instanceof X11Exception xe && xe.connectionLost()) {
      return new DesktopException(desktop.describe() + ": " + what + " failed: the X server is gone (" + awaitDeathReason() + ")", e);
    }
    desktop.ensureAlive();
    return new DesktopException(desktop.describe() + ": " + what + " failed: " + e.getMessage(), e);
  }
}
