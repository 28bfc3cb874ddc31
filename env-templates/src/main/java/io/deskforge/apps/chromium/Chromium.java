package io.deskforge.apps.chromium;

import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.desktop.AppLaunch;
import io.deskforge.desktop.ready.Ready;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Chromium, Debian's build of the open-source browser. Tasks change the browser itself (bookmarks,
 * settings, history); getters read its profile from outside the desktop. Chromium writes the
 * profile lazily (Preferences and History up to 10 s after a change, Bookmarks 2.5 s), so before
 * the final reading its tabs are closed and it quits, writing everything ({@link #commitCommand}).
 */
public final class Chromium implements AppTemplate {
  public static final String NAME = "chromium";
  /** The user data folder each desktop gets fresh; setup writes the seeded profile into it. */
  public static final String USER_DATA = "/home/user/.config/chromium";
  /** The one profile used. */
  public static final String PROFILE = USER_DATA + "/Default";
  public static final String PREFERENCES = PROFILE + "/Preferences";
  public static final String BOOKMARKS = PROFILE + "/Bookmarks";
  public static final String HISTORY = PROFILE + "/History";
  /** The remote debugging (CDP) port on the desktop's loopback, which only the desktop itself reaches. */
  public static final int DEBUGGING_PORT = 9222;
  /** Where chromedriver listens on the desktop's loopback once an agent asks for WebDriver. */
  public static final int WEBDRIVER_PORT = 9515;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "web browser (Chromium): bookmarks, settings and history, read from the browser's profile";
  }

  @Override
  public List<String> packages() {
    return List.of("chromium", "chromium-driver");
  }

  /**
   * Features switched off. {@code WebUIOmniboxPopup} and its two variants: Chromium 156 preloads the
   * address bar's suggestion popup as a WebUI page, a renderer of its own that took 1.2-1.4 of the
   * 4.0 CPU-s Chromium spent to show a local page, and 50 MB PSS (measured here, Xvfb and Chromium
   * alone, 7 s from launch). Without them the popup is the older native one: typing an address and
   * Return behave the same, and Chromium starts with 2.0 CPU-s and 330 MB.
   */
  static final List<String> DISABLED_FEATURES = List.of("Translate", "MediaRouter", "OptimizationHints",
      "WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup");

  /**
   * Extra arguments are URLs to open. What the flags are for:
   *
   * <ul>
   *   <li>a fresh profile in {@link #USER_DATA} with no first-run page, default-browser bar, sync,
   *       sign-in, translation bar, component updates or background requests (there is no network
   *       beyond loopback in a desktop, and a prompt would cover the page);
   *   <li>{@link #DISABLED_FEATURES}: no translation bar, cast menu or hints service, and the address
   *       bar's suggestions drawn by Chromium's own views rather than the WebUI popup;
   *   <li>{@code --password-store=basic}: no keyring daemon to ask;
   *   <li>{@code --no-sandbox}: Chromium's own sandbox needs to create user namespaces, or the
   *       setuid helper of Debian's chromium-sandbox package. A sandbox desktop runs it inside
   *       bubblewrap's namespaces, where it may not create nested ones, and with no_new_privs set,
   *       under which a setuid helper gains nothing; without the flag the zygote exits at once with
   *       "No usable sandbox!" (measured here). The desktop (its own user, PID, mount and network
   *       namespaces, seccomp filter and resource limits) is the sandbox around the whole browser;
   *   <li>{@code --force-renderer-accessibility}: the page's accessibility tree is exposed to AT-SPI
   *       (Chromium builds it only when asked);
   *   <li>{@code --test-type}: no warning bar about the unsupported --no-sandbox flag over the page;
   *   <li>{@code --disable-gpu}: Xvfb has no GPU, so Chromium draws in software from the start;
   *   <li>{@code --disable-dev-shm-usage}: a desktop's /dev/shm may be small;
   *   <li>{@code --remote-debugging-port}: the Chrome DevTools Protocol on the desktop's loopback
   *       (Chromium binds 127.0.0.1), which nothing outside the desktop reaches but the gym's
   *       token-guarded relay ({@link #browser()}); a program inside is the desktop user's and
   *       could drive the screen as well.
   * </ul>
   */
  @Override
  public AppLaunch launch(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("chromium",
        "--user-data-dir=" + USER_DATA,
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-features=" + String.join(",", DISABLED_FEATURES),
        "--disable-default-apps", "--disable-extensions", "--no-service-autorun", "--password-store=basic",
        "--no-sandbox", "--test-type", "--disable-gpu", "--disable-dev-shm-usage",
        "--force-renderer-accessibility", "--start-maximized", "--window-position=0,0",
        "--remote-debugging-port=" + DEBUGGING_PORT));
    cmd.addAll(args);
    return new AppLaunch(NAME, cmd, java.util.Map.of(), Ready.windowReady(readyTitle(args)), Duration.ofSeconds(30));
  }

  /** The window of the first page once loaded: its title then ends in " - Chromium". */
  static String readyTitle(List<String> args) {
    return args.isEmpty() ? "(?i)chromium" : " - Chromium$";
  }

  /**
   * CDP on {@link #DEBUGGING_PORT}; WebDriver from Debian's chromedriver (chromium-driver, the same
   * version as the browser), which attaches to the running browser rather than starting one.
   */
  @Override
  public java.util.Optional<io.deskforge.apps.BrowserDebugging> browser() {
    return java.util.Optional.of(new io.deskforge.apps.BrowserDebugging(DEBUGGING_PORT, WEBDRIVER_PORT,
        List.of("chromedriver", "--port=" + WEBDRIVER_PORT, "--silent")));
  }

  @Override
  public List<String> getters() {
    return List.of("json_value", "sqlite_query", "file_exists");
  }

  /**
   * Closes every tab through the browser's own DevTools endpoint on the desktop's loopback, then
   * waits (at most 20 s) for the browser to exit: with procps' {@code pidwait}, which sleeps until
   * the processes end, where there is one (a {@code pgrep} and a {@code sleep} every 100 ms cost
   * about 20 ms of CPU each time here). SIGTERM is only the fallback: measured here,
   * Chromium 156 killed that way writes Preferences but leaves History's transaction in its
   * journal (no visits read), while a browser whose last tab closed writes everything.
   */
  private static final String QUIT = """
      python3 -c 'import json, urllib.request as u
      base = "http://127.0.0.1:%d/json"
      for t in json.load(u.urlopen(base + "/list", timeout=5)):
          if t["type"] == "page": u.urlopen(base + "/close/" + t["id"], timeout=5).read()
      ' || exit 0
      if command -v pidwait >/dev/null; then timeout 20 pidwait -x chromium || :
      else i=0; while pgrep -x chromium >/dev/null && [ $i -lt 200 ]; do sleep 0.1; i=$((i+1)); done
      fi
      if pgrep -x chromium >/dev/null; then pkill -TERM -o -x chromium; fi
      exit 0
      """.formatted(DEBUGGING_PORT);

  /**
   * When the checker reads the profile: the browser quits as a person's closing its last tab makes
   * it quit, writing Preferences, History and Bookmarks on the way out. OSWorld's own Chrome tasks
   * close the browser before reading its profile for the same reason ({@code pkill chrome} in their
   * postconfig). Without it a change made in the last 10 s would not be on disk yet: the reference
   * solutions would end with a 10-16 s wait, and an agent that stopped at once would be scored on a
   * stale profile. Checks of a live page ({@code page_url}, ...) read no file here and keep the
   * browser; a browser the agent already closed has nothing left to write.
   */
  @Override
  public List<String> commitCommand(List<String> paths) {
    if (paths.stream().noneMatch(p -> p.startsWith(USER_DATA + "/"))) return List.of();
    return List.of("sh", "-c", QUIT);
  }

  @Override
  public List<String> stateFolders() {
    return List.of(USER_DATA + "/");
  }

  @Override
  public List<TaskFamily> families() {
    return List.of(new BookmarkPage(), new HomePage(), new VisitPages(), new DoNotTrack(), new DownloadFolder(), new SitePermission());
  }

  @Override
  public List<String> commodities() {
    return List.of("Internet browser software");
  }
}
