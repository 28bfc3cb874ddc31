package io.deskforge.desktop;

import io.deskforge.desktop.x11.X11Connection;
import io.deskforge.desktop.x11.X11Exception;
import io.deskforge.desktop.x11.X11Input;
import io.deskforge.task.action.Action;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The computer-use action space of a desktop, in screen pixels: performing actions through XTEST,
 * where the pointer is, waiting for the desktop to settle or a window to appear, and raising a
 * window.
 */
final class DesktopActions {
  /** The longest a click waits for the desktop to go quiet before the next action. */
  static final Duration CLICK_SETTLE_MAX = Duration.ofMillis(1500);

  private final Desktop desktop;
  private final DesktopHealth health;
  private volatile int[] pointer;

  DesktopActions(Desktop desktop, DesktopHealth health) {
    this.desktop = desktop;
    this.health = health;
  }

  void act(Action action) {
    desktop.ensureAlive();
    X11Input input = desktop.input();
    try {
      switch (action) {
        case Action.Click a -> input.leftClick(onScreenX(a.x(), action), onScreenY(a.y(), action), 1);
        case Action.DoubleClick a -> input.leftClick(onScreenX(a.x(), action), onScreenY(a.y(), action), 2);
        case Action.RightClick a -> input.rightClick(onScreenX(a.x(), action), onScreenY(a.y(), action));
        case Action.MiddleClick a -> input.click(onScreenX(a.x(), action), onScreenY(a.y(), action), 2, 1);
        case Action.TripleClick a -> input.leftClick(onScreenX(a.x(), action), onScreenY(a.y(), action), 3);
        case Action.MouseDown a -> input.button(onScreenX(a.x(), action), onScreenY(a.y(), action), button(a.button()), true);
        case Action.MouseUp a -> input.button(onScreenX(a.x(), action), onScreenY(a.y(), action), button(a.button()), false);
        case Action.HoldKey a -> input.holdKeys(a.keys(), a.ms());
        case Action.Move a -> input.move(onScreenX(a.x(), action), onScreenY(a.y(), action));
        case Action.Drag a -> input.drag(onScreenX(a.fromX(), action), onScreenY(a.fromY(), action),
            onScreenX(a.toX(), action), onScreenY(a.toY(), action));
        case Action.Scroll a -> input.scroll(onScreenX(a.x(), action), onScreenY(a.y(), action), a.dx(), a.dy());
        case Action.Type a -> input.type(a.text());
        case Action.Key a -> input.key(a.keys());
        case Action.Wait a -> Desktop.sleep(a.ms());
        case Action.WaitForWindow a -> desktop.waitForWindow(a.title(), Duration.ofMillis(a.timeoutMs()));
        case Action.WaitForMenu a -> waitForMenus(a.depth(), Duration.ofMillis(a.timeoutMs()));
        case Action.WaitForIdle a -> settle(Duration.ofMillis(a.quietMs()), Duration.ofMillis(a.timeoutMs()));
        case Action.ClickUntilWindow a -> clickUntilWindow(a, input);
      }
    } catch (IOException e) {
      throw health.failure("action " + action.name(), e);
    }
    pointerAfter(action);
    if (action instanceof Action.Click || action instanceof Action.DoubleClick || action instanceof Action.RightClick
        || action instanceof Action.MiddleClick || action instanceof Action.TripleClick || action instanceof Action.MouseUp
        || action instanceof Action.Drag || action instanceof Action.ClickUntilWindow) {
      // A click may move the keyboard focus, which toolkits apply a moment later; keys typed at
      // once would still reach the old field. A person sees the cursor move before typing. On a
      // loaded host the app may work on the click for a second or more (a settings page enabling
      // the field a radio button unlocks); the wait ends as soon as the desktop goes quiet.
      desktop.settle(Duration.ofMillis(30), CLICK_SETTLE_MAX);
    } else if (action instanceof Action.Type || action instanceof Action.Key) {
      // Typed text reaches the app faster than it handles it: each character may start work
      // (a settings field validating the address with the browser process, a completion list), and
      // a key sent next, Tab or Return, may act on what the app made of a shorter text. A key's work
      // may also end after the app took the key: Impress syncs its slide pane's selection with the
      // slide Page Down showed a moment later, and a move of the slide sent before that moved
      // nothing on a loaded host. A person sees the text appear, or the slide change, before
      // pressing on.
      desktop.settle(Duration.ofMillis(30), CLICK_SETTLE_MAX);
    }
  }

  private static int button(String name) {
    return switch (name) {
      case "middle" -> 2;
      case "right" -> 3;
      default -> 1;
    };
  }

  int[] pointer() {
    int[] p = pointer;
    return p != null ? p.clone() : new int[] {desktop.config.width() / 2, desktop.config.height() / 2};
  }

  private void pointerAfter(Action action) {
    int[] p = switch (action) {
      case Action.Click a -> new int[] {a.x(), a.y()};
      case Action.DoubleClick a -> new int[] {a.x(), a.y()};
      case Action.RightClick a -> new int[] {a.x(), a.y()};
      case Action.MiddleClick a -> new int[] {a.x(), a.y()};
      case Action.TripleClick a -> new int[] {a.x(), a.y()};
      case Action.MouseDown a -> new int[] {a.x(), a.y()};
      case Action.MouseUp a -> new int[] {a.x(), a.y()};
      case Action.Move a -> new int[] {a.x(), a.y()};
      case Action.Scroll a -> new int[] {a.x(), a.y()};
      case Action.Drag a -> new int[] {a.toX(), a.toY()};
      case Action.ClickUntilWindow a -> new int[] {a.x(), a.y()};
      default -> null;
    };
    if (p != null) pointer = p;
  }

  boolean settle(Duration quiet, Duration max) {
    desktop.ensureAlive();
    long deadline = System.nanoTime() + max.toNanos();
    long since = System.nanoTime();
    long cpuAtSince = desktop.cpuNanos();
    while (System.nanoTime() < deadline) {
      Desktop.sleep(10);
      long cpu = desktop.cpuNanos();
      if (cpu - cpuAtSince > 2_000_000L) {
        since = System.nanoTime();
        cpuAtSince = cpu;
      } else if (System.nanoTime() - since >= quiet.toNanos()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Clicks, then looks for the window every 10 ms; a click is sent again only when none has come
   * for retryMs, and the windows are looked at right before it, so no click lands on the window
   * once it is mapped.
   */
  private void clickUntilWindow(Action.ClickUntilWindow a, X11Input input) throws IOException {
    Pattern p = Pattern.compile(a.title());
    long deadline = System.nanoTime() + Duration.ofMillis(a.timeoutMs()).toNanos();
    int clicks = 0;
    long nextClick = System.nanoTime();
    while (true) {
      if (shown(p) != null) return;
      long now = System.nanoTime();
      if (now > deadline) {
        throw new DesktopException(desktop.describe() + ": no window titled /" + a.title() + "/ after " + clicks + " clicks at ("
            + a.x() + ", " + a.y() + ") in " + a.timeoutMs() + " ms; windows: " + desktop.windows().stream().map(WindowInfo::title).toList());
      }
      if (now >= nextClick) {
        input.leftClick(onScreenX(a.x(), a), onScreenY(a.y(), a), 1);
        clicks++;
        nextClick = System.nanoTime() + Duration.ofMillis(a.retryMs()).toNanos();
      }
      Desktop.sleep(10);
    }
  }

  /** A window whose title matches, once the desktop is quiet after it came (its toolkit took the focus), or null. */
  private WindowInfo shown(Pattern title) {
    for (WindowInfo w : desktop.windows()) {
      if (w.title() != null && title.matcher(w.title()).find()) {
        desktop.settle(Duration.ofMillis(50), Duration.ofMillis(1000));
        return w;
      }
    }
    return null;
  }

  WindowInfo waitForWindow(String titleRegex, Duration timeout) {
    Pattern p = Pattern.compile(titleRegex);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      WindowInfo w = shown(p);
      if (w != null) return w;
      if (System.nanoTime() > deadline) {
        throw new DesktopException(desktop.describe() + ": no window titled /" + titleRegex + "/ after "
            + timeout.toMillis() + " ms; windows: " + desktop.windows().stream().map(WindowInfo::title).toList());
      }
      Desktop.sleep(10);
    }
  }

  /**
   * Until {@code depth} pop-up windows (viewable, override-redirect, on the screen and larger than
   * the 1x1 one toolkits keep off it) are children of the root, or none with depth 0; then until
   * the desktop is quiet, as for a window, so the menu has its keyboard grab before the next key.
   */
  void waitForMenus(int depth, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      int open = popups();
      if (depth == 0 ? open == 0 : open >= depth) {
        desktop.settle(Duration.ofMillis(50), Duration.ofMillis(1000));
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new DesktopException(desktop.describe() + ": " + (depth == 0 ? "a menu still open" : open + " menus open, not " + depth)
            + " after " + timeout.toMillis() + " ms");
      }
      Desktop.sleep(10);
    }
  }

  private int popups() throws IOException {
    desktop.ensureAlive();
    X11Connection x = desktop.x11();
    int n = 0;
    for (int w : x.queryTreeChildren(x.rootWindow())) {
      int[] a;
      try {
        a = x.attributes(w);
      } catch (X11Exception e) {
        if (e.connectionLost() || e.timedOut()) throw e;
        continue; // a window destroyed between the two requests
      }
      if (a[0] != 2 || a[1] != 1) continue;
      int[] g;
      try {
        g = x.geometryOnRoot(w);
      } catch (X11Exception e) {
        if (e.connectionLost() || e.timedOut()) throw e;
        continue;
      }
      boolean onScreen = g[0] + g[2] > 0 && g[1] + g[3] > 0 && g[0] < desktop.config.width() && g[1] < desktop.config.height();
      if (onScreen && g[2] > 1 && g[3] > 1) n++;
    }
    return n;
  }

  void activate(WindowInfo window) {
    desktop.ensureAlive();
    X11Connection x = desktop.x11();
    try {
      x.sendRootClientMessage((int) window.id(), "_NET_ACTIVE_WINDOW", new int[] {2, 0, 0});
      x.sync();
    } catch (IOException e) {
      throw health.failure("activating window " + window.title(), e);
    }
  }

  private int onScreenX(int v, Action a) {
    int width = desktop.config.width();
    if (v < 0 || v >= width) throw new IllegalArgumentException(a + ": x=" + v + " is off the " + width + "-pixel-wide screen");
    return v;
  }

  private int onScreenY(int v, Action a) {
    int height = desktop.config.height();
    if (v < 0 || v >= height) throw new IllegalArgumentException(a + ": y=" + v + " is off the " + height + "-pixel-high screen");
    return v;
  }
}
