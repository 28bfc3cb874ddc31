package io.deskforge.apps.chromium;

import io.deskforge.task.action.Action;
import java.util.List;

/**
 * Chromium's GUI as a person uses it at 1280x800, maximized, with a fresh profile: the address
 * bar, the bookmark bubble (ctrl+d) and the settings pages, whose controls the settings layout
 * keeps in place.
 */
final class ChromiumGui {
  private ChromiumGui() {}

  /**
   * The pause after a trajectory's last change: the settings page or the bubble hands it to the
   * browser process. Chromium writes it to the profile later (Preferences and History up to 10 s
   * after, Bookmarks 2.5 s); the final reading has the browser quit first, which writes it at once
   * ({@link Chromium#commitCommand}), so no trajectory waits for the write itself.
   */
  static final long CHANGE_APPLIED_MS = 1000;

  /** How long a settings dialog (Do Not Track, Add a site) takes to open, with no window of its own to wait on. */
  static final long DIALOG_OPEN_MS = 2000;

  /** The star at the right end of the address bar: bookmark this page. */
  static final int STAR_X = 1171, STAR_Y = 63;
  /** How long the bookmark bubble may take to slide in on a loaded host. */
  static final long BUBBLE_OPEN_MS = 2000;

  /** The bookmark bubble of a fresh profile: name field, folder list, Done. */
  static final int BUBBLE_NAME_X = 1062, BUBBLE_NAME_Y = 158;
  static final int BUBBLE_FOLDER_X = 1062, BUBBLE_FOLDER_Y = 208;
  static final int BUBBLE_FOLDER_BAR_X = 1048, BUBBLE_FOLDER_BAR_Y = 247;
  static final int BUBBLE_DONE_X = 1129, BUBBLE_DONE_Y = 271;

  /** chrome://settings/appearance: the "Show home button" switch and, once on, the custom address. */
  static final int HOME_SWITCH_X = 999, HOME_SWITCH_Y = 402;
  static final int HOME_CUSTOM_RADIO_X = 421, HOME_CUSTOM_RADIO_Y = 499;
  static final int HOME_ADDRESS_X = 590, HOME_ADDRESS_Y = 500;

  /** chrome://settings/cookies: the Do Not Track switch and its confirmation dialog. */
  static final int DNT_SWITCH_X = 999, DNT_SWITCH_Y = 612;
  static final int DNT_CONFIRM_X = 840, DNT_CONFIRM_Y = 538;
  static final int DNT_CANCEL_X = 756, DNT_CANCEL_Y = 538;

  /** chrome://settings/security: Enhanced protection (Safe Browsing) and Always use secure connections. */
  static final int ENHANCED_PROTECTION_X = 381, ENHANCED_PROTECTION_Y = 289;
  static final int SECURE_CONNECTIONS_X = 999, SECURE_CONNECTIONS_Y = 593;

  /** chrome://settings/downloads: Change (opens the GTK folder chooser, titled Location) and the ask switch. */
  static final int DOWNLOAD_CHANGE_X = 973, DOWNLOAD_CHANGE_Y = 240;
  static final int DOWNLOAD_ASK_X = 999, DOWNLOAD_ASK_Y = 297;
  static final String FOLDER_CHOOSER_TITLE = "^Location$";
  /** The folder chooser's Open and Cancel buttons (it opens centered over the maximized browser). */
  static final int CHOOSER_OPEN_X = 1152, CHOOSER_OPEN_Y = 771;
  static final int CHOOSER_CANCEL_X = 1062, CHOOSER_CANCEL_Y = 771;

  /** The "Add a site" dialog of chrome://settings/content/...: its site field and Cancel. */
  static final int ADD_SITE_FIELD_X = 640, ADD_SITE_FIELD_Y = 437;
  static final int ADD_SITE_CANCEL_X = 768, ADD_SITE_CANCEL_Y = 508;

  /**
   * How long a page typed into the bar may take to show its title: a settings page took more than
   * 5 s on a host loaded by other audits (its window stayed "Settings - Chromium").
   */
  static final long PAGE_LOAD_MS = 20_000;

  /** Types an address into the address bar and opens it, then waits for the tab's window title. */
  static List<Action> open(String address, String windowTitle) {
    return AddressBar.open(address, windowTitle, PAGE_LOAD_MS);
  }

  /**
   * A settings page, loaded and laid out: the title changes first, then the page builds its
   * sections and scrolls the one asked for into place, and a click before that lands elsewhere.
   * Its end is waited for as the desktop going quiet: with eight desktops and two busy threads on
   * this 2-core host, chrome://settings/downloads was still an empty page with its tab's spinner
   * turning 2.5 s after its title came (a fixed 2.5 s wait lost the Change click in 3 to 4 of 15
   * trajectories, in CI too), and quiet 0.3 to 5.6 s after the title, its controls drawn.
   */
  static List<Action> settings(String page, String windowTitle) {
    return concat(open("chrome://settings/" + page, windowTitle), List.of(Action.waitForIdle(), Action.waitMs(SETTINGS_LAYOUT_MS)));
  }

  /** After the page went quiet, a moment for the scroll to the section asked for. */
  static final long SETTINGS_LAYOUT_MS = 500;

  static List<Action> concat(List<Action> a, List<Action> b) {
    List<Action> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
