package io.deskforge.apps.mediawiki;

import io.deskforge.apps.chromium.AddressBar;
import io.deskforge.task.action.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MediaWiki in Chromium as a person uses it at 1280x800, keyboard first: an address typed into the
 * bar (a page's edit, move or delete address), text typed into the form the wiki focuses, and the
 * editor's buttons by their access keys (Alt+Shift+S saves, Alt+Shift+V shows the changes). Every
 * step waits for the window title of what comes next: "X - Team Wiki" when a page is shown, and
 * the marks the wiki's script adds once a form takes keys ({@link MediaWiki#SITE_JS}).
 */
final class MwGui {
  private MwGui() {}

  /** How long a page may take to come on a loaded host. */
  static final long PAGE_MS = 30_000;

  private static String window(String pageTitle) {
    return "^" + Pattern.quote(pageTitle + " - " + MediaWiki.TITLE) + " - Chromium$";
  }

  /** A page shown. */
  static String showTitle(String title) {
    return window(title);
  }

  /** The page's editor, focused with the cursor at the start ("Editing X", or "Creating X" for a new page). */
  static String editTitle(String title) {
    return "^(Editing|Creating) " + Pattern.quote(title + " - " + MediaWiki.TITLE + " (editing)") + " - Chromium$";
  }

  /** The editor again with the changes shown as a diff above it, nothing saved. */
  static String changesTitle(String title) {
    return "^(Editing|Creating) " + Pattern.quote(title + " - " + MediaWiki.TITLE + " (changes shown)") + " - Chromium$";
  }

  /** Opens an address with Chromium's bar ({@link AddressBar}), then waits for the title of what it shows. */
  static List<Action> open(String address, String titleRegex) {
    List<Action> out = new ArrayList<>(AddressBar.open(address, titleRegex, PAGE_MS));
    out.add(Action.waitMs(300));
    return out;
  }

  /** The first page, as the launch left it. */
  static List<Action> start(String title) {
    return List.of(new Action.WaitForWindow(showTitle(title), PAGE_MS));
  }

  /** The page's editor, opened by its address, focused, the cursor at the start of the text. */
  static List<Action> edit(String title) {
    return open(MediaWiki.url(title, "edit"), editTitle(title));
  }

  /** Save (Alt+Shift+S), then the saved page shown: the wiki has committed the revision. */
  static List<Action> save(String title) {
    return List.of(Action.key("alt+shift+s"), new Action.WaitForWindow(showTitle(title), PAGE_MS));
  }

  /** Show changes (Alt+Shift+V): the diff above the editor, nothing saved. */
  static List<Action> showChanges(String title) {
    return List.of(Action.key("alt+shift+v"), new Action.WaitForWindow(changesTitle(title), PAGE_MS));
  }

  /** The whole text of the editor replaced by {@code text}. */
  static List<Action> replaceAll(String text) {
    return List.of(Action.key("ctrl+a"), Action.key("Delete"), Action.type(text));
  }

  /**
   * Special:MovePage for the page, its new title field focused and filled with the new title;
   * Return submits the form (with "Leave a redirect behind" as it comes, checked) when {@code submit}.
   */
  static List<Action> move(String from, String to, boolean submit) {
    List<Action> out = new ArrayList<>(open(MediaWiki.url("Special:MovePage/" + from, null),
        "^" + Pattern.quote("Move " + from + " - " + MediaWiki.TITLE + " (ready)") + " - Chromium$"));
    out.add(Action.key("ctrl+a"));
    out.add(Action.type(to));
    if (submit) {
      out.add(Action.waitMs(300));
      out.add(Action.key("Return"));
      out.add(new Action.WaitForWindow(window("Move succeeded"), PAGE_MS));
    }
    return out;
  }

  /** The page's delete form, its reason field focused; Return confirms when {@code confirm}. */
  static List<Action> delete(String title, String reason, boolean confirm) {
    List<Action> out = new ArrayList<>(open(MediaWiki.url(title, "delete"),
        "^" + Pattern.quote("Delete \"" + title + "\" - " + MediaWiki.TITLE + " (ready)") + " - Chromium$"));
    out.add(Action.type(reason));
    if (confirm) {
      out.add(Action.waitMs(300));
      out.add(Action.key("Return"));
      out.add(new Action.WaitForWindow(window("Action complete"), PAGE_MS));
    }
    return out;
  }

  @SafeVarargs
  static List<Action> concat(List<Action>... parts) {
    List<Action> out = new ArrayList<>();
    for (List<Action> p : parts) out.addAll(p);
    return out;
  }
}
