package io.deskforge.apps.dokuwiki;

import io.deskforge.apps.chromium.AddressBar;
import io.deskforge.task.action.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DokuWiki in Chromium as a person uses it at 1280x800, keyboard first: an address typed into the
 * bar (the page's edit address, {@code ?id=page&do=edit}), text typed into the editor, which
 * DokuWiki focuses on load, and the editor's buttons by their access keys (Alt+Shift+S saves,
 * the Preview button previews). Every step waits for the window title the wiki gives the next page:
 * "page [Team Wiki]" when shown, "✎ page [Team Wiki] (editing)" in the editor once it takes keys.
 */
final class WikiGui {
  private WikiGui() {}

  /** How long a page may take to come on a loaded host (the first one compiles the wiki's CSS). */
  static final long PAGE_MS = 30_000;

  static String showTitle(String id) {
    return "^" + Pattern.quote(id + " [" + DokuWiki.TITLE + "]") + " - Chromium$";
  }

  /** The editor, once its script has focused it and placed the cursor (see DokuWiki.USERSCRIPT_JS). */
  static String editTitle(String id) {
    return "^\u270E " + Pattern.quote(id + " [" + DokuWiki.TITLE + "] (editing)") + " - Chromium$";
  }

  /** Opens an address with Chromium's bar ({@link AddressBar}), then waits for the title of what it shows. */
  static List<Action> open(String address, String titleRegex) {
    List<Action> out = new ArrayList<>(AddressBar.open(address, titleRegex, PAGE_MS));
    out.add(Action.waitMs(300));
    return out;
  }

  /**
   * The page's editor, opened by its address, and ready for keys: focused, the cursor at the start
   * of the text. Its title says so only once the editor's script has run (before, keys went
   * nowhere or had the cursor moved under them on a loaded host).
   */
  static List<Action> edit(String id) {
    return open(DokuWiki.url(id) + "&do=edit", editTitle(id));
  }

  /** Save (Alt+Shift+S), then the saved page shown: the wiki has written the page file. */
  static List<Action> save(String id) {
    return List.of(Action.key("alt+shift+s"), new Action.WaitForWindow(showTitle(id), PAGE_MS));
  }

  /**
   * The editor's Preview button, clicked: the editor again, with the rendered text under it;
   * nothing is saved. The title does not change, so a person's pause stands in for seeing the
   * preview come, and the title then says the editor is still open. (Its access key, Alt+Shift+P, is taken by Chromium, which opens a new tab
   * in a tab group instead.) The editor's box has a fixed height, so the button stays in place.
   */
  static List<Action> preview(String id) {
    return List.of(Action.click(PREVIEW_X, PREVIEW_Y), Action.waitMs(2000), new Action.WaitForWindow(editTitle(id), PAGE_MS));
  }

  /** The editor's Preview button, under the text box, at the top of the page. */
  static final int PREVIEW_X = 257, PREVIEW_Y = 661;

  /** The whole text of the editor replaced by {@code text}. */
  static List<Action> replaceAll(String text) {
    return List.of(Action.key("ctrl+a"), Action.key("Delete"), Action.type(text));
  }

  @SafeVarargs
  static List<Action> concat(List<Action>... parts) {
    List<Action> out = new ArrayList<>();
    for (List<Action> p : parts) out.addAll(p);
    return out;
  }
}
