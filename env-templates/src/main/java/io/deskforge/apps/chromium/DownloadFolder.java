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
 * Save downloads to a folder setup made, and turn "Ask where to save each file" on or off as drawn,
 * in chrome://settings/downloads. The folder is chosen in GTK's folder chooser by typing its path
 * (ctrl+l). Checked in Preferences: {@code download.default_directory} and
 * {@code download.prompt_for_download}. When the task asks to turn asking off, setup seeds a
 * profile that asks (the fresh default is off), so either way the switch must be flipped.
 */
final class DownloadFolder extends SeededFamily {
  static final String ID = "chromium.download-folder";
  static final String DOWNLOADS_TITLE = "^Settings - Downloads - Chromium$";
  static final List<String> PARENTS = List.of("Documents", "Projects", "Work");

  DownloadFolder() {
    super(ID, Chromium.NAME, "set the download folder and whether Chromium asks where to save each file",
        List.of(
            "In Chromium's settings, make downloads go to the folder {folder} and {ask} asking where to save each file.",
            "Change Chromium's download location to {folder}. Also {ask} \"Ask where to save each file before downloading\".",
            "Chromium should save downloads in {folder}; please set that, and {ask} the option that asks where to save each file."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    Sites.Page start = d.pick(Sites.PAGES).in(Sites.site(d));
    String parent = "/home/user/" + d.pick(PARENTS) + "/";
    String noun = d.noun();
    String folder = parent + TaskDraw.capitalize(d.adjective()) + " " + noun + " " + d.between(2015, 2026);
    String decoy = parent + TaskDraw.capitalize(d.nounAvoiding(List.of(noun))) + " downloads";
    boolean ask = d.chance(0.5);
    String instruction = instruction(d, Map.of("folder", folder, "ask", ask ? "turn on" : "turn off"));

    var t = task(seed)
        .param("folder", folder).param("ask", Boolean.toString(ask)).param("start_page", start.slug())
        .instruction(instruction)
        .fact(Fact.inInstruction("folder", folder))
        .setup(start.write())
        .setup(new SetupStep.MakeDir(folder))
        .setup(new SetupStep.MakeDir(decoy));
    // asking is off in a fresh profile: to be asked to turn it off, the profile must ask first
    if (!ask) t.setup(new SetupStep.WriteFile(Chromium.PREFERENCES, "{\"download\": {\"prompt_for_download\": true}}\n"));
    return t
        .setup(new SetupStep.Launch(Chromium.NAME, List.of(start.url())))
        .checker(Checker.all(
            Checker.check(new Getter.JsonValue(Chromium.PREFERENCES, "/download/default_directory"), new Metric.EqualsText(folder, false, false)),
            Checker.check(new Getter.JsonValue(Chromium.PREFERENCES, "/download/prompt_for_download"), ask ? new Metric.IsTrue() : new Metric.IsFalse())))
        .solution("chrome://settings/downloads: Change, the folder's path typed in the chooser (ctrl+l), Open; the ask switch",
            downloads(start, folder, true, true))
        .negative("wrong-folder", "chooses the other folder setup made beside it, flips the switch", downloads(start, decoy, true, true))
        .negative("switch-untouched", "chooses the folder but leaves the ask switch as it was", downloads(start, folder, true, false))
        .negative("chooser-cancelled", "types the folder's path in the chooser but cancels it, flips the switch",
            downloads(start, folder, false, true))
        .build();
  }

  /**
   * Change opens the chooser, a window titled Location that the trajectory waits for (pressing
   * Change again while it has not come: Chromium opens one chooser however often it is pressed);
   * ctrl+l opens its location field, where the path is typed with a final slash (the chooser moves
   * into the folder), and Open (or Cancel) closes it. Then the ask switch, if flipped.
   */
  static List<Action> downloads(Sites.Page start, String folder, boolean open, boolean flipAsk) {
    List<Action> out = new ArrayList<>(List.of(Action.waitForWindow(start.windowTitle())));
    out.addAll(ChromiumGui.settings("downloads", DOWNLOADS_TITLE));
    // pressed again if the chooser has not come 4 s after a press (it took up to 4 s to come on
    // a loaded host): Chromium dropped the first press in about 1 of 30 trajectories
    out.add(new Action.ClickUntilWindow(ChromiumGui.DOWNLOAD_CHANGE_X, ChromiumGui.DOWNLOAD_CHANGE_Y, ChromiumGui.FOLDER_CHOOSER_TITLE, 4000, 20_000));
    out.add(Action.waitMs(800)); // the chooser lists the home folder before it takes keys
    out.add(Action.key("ctrl+l"));
    out.add(Action.waitMs(400));
    out.add(Action.type(folder + "/"));
    out.add(Action.waitMs(1000)); // the chooser follows the typed path into the folder
    out.add(open ? Action.click(ChromiumGui.CHOOSER_OPEN_X, ChromiumGui.CHOOSER_OPEN_Y)
        : Action.click(ChromiumGui.CHOOSER_CANCEL_X, ChromiumGui.CHOOSER_CANCEL_Y));
    out.add(Action.waitForWindow(DOWNLOADS_TITLE));
    out.add(Action.waitMs(1500)); // the page shows the new location
    if (flipAsk) {
      out.add(Action.click(ChromiumGui.DOWNLOAD_ASK_X, ChromiumGui.DOWNLOAD_ASK_Y));
      out.add(Action.waitMs(500));
    }
    out.add(Action.waitMs(ChromiumGui.CHANGE_APPLIED_MS));
    return out;
  }
}
