package io.deskforge.apps.tiddlywiki;

import io.deskforge.apps.chromium.AddressBar;
import io.deskforge.task.action.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * TiddlyWiki in Chromium as a person uses it at 1280x800, keyboard first: a tiddler opened by its
 * address typed into the bar (it goes to the top of the story), Alt+N for a new tiddler, Ctrl+Enter
 * to save the tiddler being edited, Tab from the title to the tag box, Return to add a tag, and
 * Return to accept the delete confirmation. What has no key is clicked: a tiddler's edit and
 * delete buttons, the text box of the editor. Every step waits for the window title
 * that {@link TiddlyWiki#TITLE_JS} gives the state it leads to ("Draft of 'X' (editing text,
 * saved)"), a title that differs from the one before it; a step ending a change waits until the
 * server has saved it ("saved").
 */
final class TiddlyGui {
  private TiddlyGui() {}

  /**
   * The top tiddler's toolbar buttons: edit (view mode), delete (edit mode) and close (view mode),
   * at an x that hits the button whether or not the page shows a scroll bar (15 px).
   */
  static final int EDIT_X = 632, DELETE_X = 598, CLOSE_X = 665, TOOLBAR_Y = 185;
  /** The editor's text box (below the tags and the toolbar, whether the tiddler has tags or none). */
  static final int EDITOR_X = 300, TEXT_Y = 440;
  /** How long a step may take on a loaded host. */
  static final long STEP_MS = 30_000;
  /** The sync states a step that changes nothing yet may meet: the browser saves drafts too. */
  static final String ANY_SYNC = "(saved|unsaved)";

  static String draft(String title) {
    return "Draft of '" + title + "'";
  }

  /** The wiki as launched, showing this tiddler, everything saved. */
  static List<Action> start(String top) {
    return List.of(new Action.WaitForWindow(TiddlyWiki.title(top, "viewing, saved"), STEP_MS));
  }

  /**
   * A tiddler not in the story yet, opened by its address with Chromium's bar ({@link AddressBar}):
   * it goes to the top of the story.
   */
  static List<Action> open(String title) {
    List<Action> out = new ArrayList<>(AddressBar.open(TiddlyWiki.url(title), TiddlyWiki.title(title, "viewing, saved"), STEP_MS));
    out.add(Action.waitMs(300));
    return out;
  }

  /**
   * The top tiddler's edit button: its editor, the keys in the title (all of it selected), where
   * TiddlyWiki 5.3 puts them for any tiddler ({@code $:/config/AutoFocus}, "title" by default).
   */
  static List<Action> edit(String title) {
    return List.of(Action.click(EDIT_X, TOOLBAR_Y),
        new Action.WaitForWindow(TiddlyWiki.title(draft(title), "editing title, " + ANY_SYNC), STEP_MS), Action.waitMs(200));
  }

  /** Tab from the title box: the keys in the tag box. */
  static List<Action> tabToTags(String title) {
    return List.of(Action.key("Tab"), new Action.WaitForWindow(TiddlyWiki.title(draft(title), "editing tag, " + ANY_SYNC), STEP_MS));
  }

  /** The editor's text box clicked: the keys in the text, the caret where it was clicked. */
  static List<Action> focusText(String title) {
    return List.of(Action.click(EDITOR_X, TEXT_Y),
        new Action.WaitForWindow(TiddlyWiki.title(draft(title), "editing text, " + ANY_SYNC), STEP_MS));
  }

  /** A tag typed into the focused tag box and added with Return. */
  static List<Action> addTag(String tag) {
    return List.of(Action.type(tag), Action.waitMs(200), Action.key("Return"), Action.waitMs(300));
  }

  /** Ctrl+Enter: the tiddler saved, shown as {@code shown} at the top, and the server has written it. */
  static List<Action> save(String shown) {
    return List.of(Action.key("ctrl+Return"), new Action.WaitForWindow(TiddlyWiki.title(shown, "viewing, saved"), STEP_MS));
  }

  /** Nothing more done: the draft stays, and the server has it as a draft. */
  static List<Action> leaveDraft(String title, String focus) {
    return List.of(Action.waitMs(500), new Action.WaitForWindow(TiddlyWiki.title(draft(title), "editing " + focus + ", saved"), STEP_MS));
  }

  /** The editor's delete button, and the confirmation it asks for open. */
  static List<Action> deleteButton(String title) {
    return List.of(Action.click(DELETE_X, TOOLBAR_Y),
        new Action.WaitForWindow(TiddlyWiki.title(draft(title), "confirm open, " + ANY_SYNC), STEP_MS), Action.waitMs(300));
  }

  /** The confirmation accepted with Return: the tiddler deleted, {@code top} at the top of the story afterwards. */
  static List<Action> confirm(String top) {
    return List.of(Action.key("Return"), new Action.WaitForWindow(TiddlyWiki.title(top, "viewing, saved"), STEP_MS));
  }

  @SafeVarargs
  static List<Action> concat(List<Action>... parts) {
    List<Action> out = new ArrayList<>();
    for (List<Action> p : parts) out.addAll(p);
    return out;
  }
}
