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
      Set<Integer> focusChain = focusChain(x);
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

  /**
   * The focused window and its ancestors. The focus may sit on a window that is destroyed while
   * the chain is walked (a dialog closing: BadWindow on its QueryTree, seen with Chromium's folder
   * chooser under load); the walk is then done again from the new focus, and after three such
   * changes no window counts as focused.
   */
  private static Set<Integer> focusChain(X11Connection x) throws IOException {
    return focusChain(x::inputFocus, x::queryTreeParent, x.rootWindow());
  }

  /** What {@link #focusChain(X11Connection)} asks of the X server: the focus, a window's parent. */
  interface XQuery {
    int apply(int window) throws IOException;
  }

  interface XFocus {
    int get() throws IOException;
  }

  static Set<Integer> focusChain(XFocus focus, XQuery parent, int root) throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      Set<Integer> chain = new HashSet<>();
      try {
        for (int f = focus.get(); f > 1 && f != root && chain.add(f); ) f = parent.apply(f);
        return chain;
      } catch (X11Exception e) {
        if (e.connectionLost() || e.timedOut()) throw e;
      }
    }
    return Set.of();
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
