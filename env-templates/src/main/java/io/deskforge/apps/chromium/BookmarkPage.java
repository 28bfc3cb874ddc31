package io.deskforge.apps.chromium;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bookmark the open page under a given name into the Bookmarks bar or Other bookmarks. Checked in
 * the profile's Bookmarks file: the fresh profile has both folders empty, so the new bookmark is
 * the first child of the folder asked for.
 */
final class BookmarkPage extends SeededFamily {
  static final String ID = "chromium.bookmark-page";

  /** A bookmark folder of a fresh profile: its name in the bubble and its key in Bookmarks. */
  record Folder(String label, String key) {}

  static final List<Folder> FOLDERS = List.of(new Folder("Bookmarks bar", "bookmark_bar"), new Folder("Other bookmarks", "other"));

  BookmarkPage() {
    super(ID, Chromium.NAME, "bookmark the open page under a name into a bookmark folder",
        List.of(
            "Chromium shows {url}. Bookmark this page with the name \"{name}\" in the folder {folder}.",
            "Add a bookmark for the page open in Chromium ({url}), name it \"{name}\" and put it in {folder}.",
            "Save {url} as a bookmark called \"{name}\" under {folder} in Chromium."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    Sites.Page page = d.pick(Sites.PAGES).in(Sites.site(d));
    Folder folder = d.pick(FOLDERS);
    Folder otherFolder = FOLDERS.get(1 - FOLDERS.indexOf(folder));
    String name = TaskDraw.capitalize(d.adjective()) + " " + d.noun();
    String wrongName = name + " page";
    String instruction = instruction(d, Map.of("url", page.url(), "name", name, "folder", folder.label()));
    String at = "/roots/" + folder.key() + "/children/0/";

    return task(seed)
        .param("page", page.slug()).param("name", name).param("folder", folder.label())
        .instruction(instruction)
        .fact(Fact.inInstruction("name", name))
        .fact(Fact.inInstruction("url", page.url()))
        .setup(page.write())
        .setup(new SetupStep.Launch(Chromium.NAME, List.of(page.url())))
        .checker(Checker.all(
            Checker.check(new Getter.JsonValue(Chromium.BOOKMARKS, at + "name"), new Metric.EqualsText(name, false, false)),
            Checker.check(new Getter.JsonValue(Chromium.BOOKMARKS, at + "url"), new Metric.EqualsText(page.url(), false, false))))
        .solution("the star, the name typed over the page title, the folder chosen in the bubble, Done", bookmark(page, name, folder))
        .negative("wrong-name", "bookmarks the page into the right folder under another name", bookmark(page, wrongName, folder))
        .negative("wrong-folder", "bookmarks the page under the right name into the other folder", bookmark(page, name, otherFolder))
        .negative("title-as-name", "bookmarks the page into the right folder, keeping its title as the name",
            bookmark(page, null, folder))
        .build();
  }

  /** The most the bubble's solution waits for Chromium to be idle, after the pause and after the click on the name. */
  static final long BUBBLE_DRAWN_MS = 5000;

  /**
   * The star in the address bar opens the bubble (a click, not ctrl+d: just after start the keys
   * may reach the page before the toolbar takes them), the name field is clicked and its text
   * replaced (null keeps the page title), the folder chosen, Done.
   * The bubble is no window of its own, so a person's pause stands in for seeing it open, and then
   * Chromium idle (at most {@link #BUBBLE_DRAWN_MS} more). The click on the name field is waited
   * out the same way before Ctrl+A: in CI (December 6, twice, the second time with the bubble
   * waited for) the name was typed after the page title ("Garden JournalQuaint stove"): the click
   * had reached the field, clearing the selection the bubble opens with, and Ctrl+A had selected
   * nothing there. Most likely Chromium had not handled the click when Ctrl+A came (not reproduced
   * here, under load or not), so the solution lets it finish the click first.
   */
  static List<Action> bookmark(Sites.Page page, String name, Folder folder) {
    List<Action> out = new ArrayList<>(List.of(
        Action.waitForWindow(page.windowTitle()),
        Action.click(ChromiumGui.STAR_X, ChromiumGui.STAR_Y),
        Action.waitMs(ChromiumGui.BUBBLE_OPEN_MS),
        new Action.WaitForIdle(300, BUBBLE_DRAWN_MS)));
    if (name != null) {
      out.add(Action.click(ChromiumGui.BUBBLE_NAME_X, ChromiumGui.BUBBLE_NAME_Y));
      out.add(new Action.WaitForIdle(300, BUBBLE_DRAWN_MS));
      out.add(Action.key("ctrl+a"));
      out.add(Action.type(name));
    }
    if (!folder.key().equals("other")) {
      out.add(Action.click(ChromiumGui.BUBBLE_FOLDER_X, ChromiumGui.BUBBLE_FOLDER_Y));
      out.add(Action.waitMs(700)); // the folder list drops down
      out.add(Action.click(ChromiumGui.BUBBLE_FOLDER_BAR_X, ChromiumGui.BUBBLE_FOLDER_BAR_Y));
      out.add(Action.waitMs(500));
    }
    out.add(Action.click(ChromiumGui.BUBBLE_DONE_X, ChromiumGui.BUBBLE_DONE_Y));
    out.add(Action.waitMs(ChromiumGui.CHANGE_APPLIED_MS));
    return out;
  }
}
