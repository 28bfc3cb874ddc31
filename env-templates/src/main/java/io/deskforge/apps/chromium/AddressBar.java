package io.deskforge.apps.chromium;

import io.deskforge.task.action.Action;
import java.util.List;

/**
 * Chromium's address bar, as the reference solutions of every app used in Chromium (its own
 * families, the wikis) open a page with it: the bar clicked, then Ctrl+L, the address typed, a
 * moment for the bar's suggestion to catch up with the text, Return, and the new page's window
 * title waited for.
 *
 * <p>Why both the click and Ctrl+L. On a loaded host the click alone sometimes left the keys with
 * the page: the browser applied a focus change of its own after the click (its start-up focusing
 * of the page, or the window's reactivation after a settings toast), the typed address went to the
 * page, and the title never changed. On a settings page the {@code /} of the address even focused
 * the settings search, which then searched for "/settings/cookies". Seen 2 times in 60 runs of
 * chromium.do-not-track with ten desktops at once and four busy cores, and in CI. Ctrl+L is the
 * browser's own shortcut: it gives the bar the keys and selects what it holds wherever the focus
 * is in the window. Ctrl+L alone was not enough either (it was used first): just after start
 * the keys typed next could reach the page before the bar had the focus, and Return searched for
 * the tail of the address. The click first makes the browser window the active one (the window
 * manager focuses a clicked window) and, most times, gives the bar the keys already.
 */
public final class AddressBar {
  private AddressBar() {}

  /**
   * Where the bar is clicked, left of its middle: a settings toast ("Enhanced protection is on")
   * covers x 520-760 of it for a few seconds, and a click there lands on the toast.
   */
  public static final int X = 400, Y = 63;

  /**
   * A moment after the click for the browser's own focus changes to land before Ctrl+L (the wikis'
   * trajectories waited so after the click and lost fewer addresses under load than Chromium's).
   */
  static final long FOCUS_MS = 250;

  /** How long the suggestion may take to follow the typed text before Return. */
  static final long SUGGESTION_MS = 400;

  /** Opens {@code address} and waits up to {@code timeoutMs} for a window whose title matches {@code titleRegex}. */
  public static List<Action> open(String address, String titleRegex, long timeoutMs) {
    return List.of(Action.click(X, Y), Action.waitMs(FOCUS_MS), Action.key("ctrl+l"), Action.type(address), Action.waitMs(SUGGESTION_MS),
        Action.key("Return"), new Action.WaitForWindow(titleRegex, timeoutMs));
  }
}
