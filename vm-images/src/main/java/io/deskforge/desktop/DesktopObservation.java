package io.deskforge.desktop;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskforge.desktop.x11.X11Connection;
import io.deskforge.desktop.x11.X11Exception;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What can be seen of a desktop: its screen, its managed windows and its accessibility tree. */
final class DesktopObservation {
  private final Desktop desktop;
  private final DesktopHealth health;

  DesktopObservation(Desktop desktop, DesktopHealth health) {
    this.desktop = desktop;
    this.health = health;
  }

  Screenshot screenshot() {
    desktop.ensureAlive();
    X11Connection x = desktop.x11();
    try {
      return new Screenshot(x.width(), x.height(), x.captureRoot());
    } catch (IOException e) {
      throw health.failure("screenshot", e);
    }
  }

  List<WindowInfo> windows() {
    desktop.ensureAlive();
    X11Connection x = desktop.x11();
    try {
      // The keyboard goes where the X input focus is, whatever the window manager's _NET_ACTIVE_WINDOW
      // says: a window counts as focused when the focus is on it or inside it.
      Set<Integer> focusChain = new HashSet<>();
      for (int f = x.inputFocus(); f > 1 && f != x.rootWindow() && focusChain.add(f); ) f = x.queryTreeParent(f);
      List<WindowInfo> out = new ArrayList<>();
      for (int w : x.getWindowsProperty(x.rootWindow(), "_NET_CLIENT_LIST")) {
        try {
          if (x.mapState(w) != 2) continue;
          String title = x.getStringProperty(w, "_NET_WM_NAME");
          if (title == null) title = x.getStringProperty(w, "WM_NAME");
          X11Connection.Property cls = x.getProperty(w, x.internAtom("WM_CLASS"));
          List<String> names = cls == null ? List.of() : cls.strings();
          int[] g = x.geometryOnRoot(w);
          boolean focused = focusChain.contains(w);
          out.add(new WindowInfo(Integer.toUnsignedLong(w), title, names.isEmpty() ? null : names.get(0),
              names.size() > 1 ? names.get(1) : null, g[0], g[1], g[2], g[3], focused));
        } catch (X11Exception e) {
          if (e.connectionLost()) throw e; // a window that vanished while we looked is simply not listed
        }
      }
      return out;
    } catch (IOException e) {
      throw health.failure("window list", e);
    }
  }

  AccessibilityNode accessibilityTree(int maxNodes) {
    desktop.ensureAlive();
    if (!desktop.config.accessibility()) {
      throw new DesktopException(desktop.describe() + ": accessibility is off in this desktop's configuration");
    }
    String script = Desktop.resourceText("atspi-tree.py");
    ExecResult r = desktop.exec(List.of("python3", "-c", script, Integer.toString(maxNodes)), false,
        desktop.userEnvironment(Map.of()), Duration.ofSeconds(20));
    if (!r.ok()) {
      throw new DesktopException(desktop.describe() + ": reading the accessibility tree failed: " + r.stderr().strip());
    }
    try {
      return new ObjectMapper().readValue(r.stdout(), AccessibilityNode.class);
    } catch (IOException e) {
      throw new DesktopException(desktop.describe() + ": the accessibility dump was not valid JSON: " + e.getMessage(), e);
    }
  }
}
