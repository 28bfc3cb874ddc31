package io.deskforge.apps.jupyter;

import io.deskforge.task.action.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * The classic notebook in Chromium as a person uses it, keyboard first: command mode's keys (j
 * and k select the next and previous cell, Return edits the selected cell, Escape leaves the
 * editor, b adds a cell below, m makes a cell Markdown, d d deletes it), Ctrl+S to save, the
 * command palette (p) for what has no key of its own (run all cells), and a click on the
 * notebook's name to rename it. Each
 * step waits for the window title that {@link Jupyter#CUSTOM_JS} gives the state it leads to, a
 * title that differs from the one before it.
 */
final class NotebookGui {
  private NotebookGui() {}

  /** How long a step may take on a loaded host (the first run waits for the kernel). */
  static final long STEP_MS = 60_000;

  /** The notebook opened at launch, its kernel idle. */
  static List<Action> start(String name) {
    return List.of(new Action.WaitForWindow(Jupyter.title(name, "idle, (unchanged|unsaved)"), STEP_MS));
  }

  /** Cell {@code index} selected in command mode, counted from the top: k past the first cell, then j down. */
  static List<Action> select(Notebook nb, int index) {
    List<Action> out = new ArrayList<>(List.of(Action.key("Escape")));
    for (int i = 0; i < nb.cells().size(); i++) out.add(Action.key("k"));
    for (int i = 0; i < index; i++) out.add(Action.key("j"));
    return out;
  }

  /** The selected cell's text replaced by {@code source}, back in command mode. */
  static List<Action> replaceSource(String source) {
    return List.of(Action.key("Return"), Action.key("ctrl+a"), Action.type(source), Action.key("Escape"));
  }

  /** Ctrl+S, then the title saying the notebook is saved and the kernel idle. */
  static List<Action> save(String name) {
    return List.of(Action.key("ctrl+s"), new Action.WaitForWindow(Jupyter.title(name, "idle, saved(, ran \\d+)?"), STEP_MS));
  }

  /** The title saying there are unsaved changes: what an unsaved edit leaves. */
  static List<Action> unsaved(String name) {
    return List.of(new Action.WaitForWindow(Jupyter.title(name, "idle, unsaved(, ran \\d+)?"), STEP_MS));
  }

  /**
   * The command palette's command: p opens the palette (its search box then has the keys), the
   * command's words typed, the {@code down}-th of the matches (in the palette's alphabetical order)
   * chosen with Down; Return runs it. Words with one match only are avoided: the palette selects a
   * lone match itself, a frame later, and Down then unselects it.
   */
  static List<Action> palette(String name, String command, int down) {
    List<Action> out = new ArrayList<>(List.of(Action.key("Escape"), Action.key("p"),
        new Action.WaitForWindow(Jupyter.title(name, "[a-z]+, [a-z]+(, ran \\d+)?, dialog open"), STEP_MS),
        Action.type(command), Action.waitMs(500)));
    for (int i = 0; i < down; i++) out.add(Action.key("Down"));
    out.add(Action.key("Return"));
    return out;
  }

  /** Cell, then Run All from the palette (the third match of "run all cells"), then the kernel idle with {@code code} cells run. */
  static List<Action> runAll(String name, int code) {
    List<Action> out = new ArrayList<>(palette(name, "run all cells", 3));
    out.add(new Action.WaitForWindow(Jupyter.title(name, "idle, unsaved, ran " + code), STEP_MS));
    return out;
  }

  /** The notebook's name in the page's header, right of the Jupyter logo: a click opens the rename dialog. */
  static final int NAME_X = 230, NAME_Y = 106;

  /**
   * The rename dialog, opened by a click on the notebook's name in the header, its name box
   * focused with the name selected; {@code keys} pressed and {@code typed} typed into it.
   */
  static List<Action> rename(String name, List<Action> keys, String typed) {
    List<Action> out = new ArrayList<>(List.of(Action.key("Escape"), Action.click(NAME_X, NAME_Y),
        new Action.WaitForWindow(Jupyter.title(name, "[a-z]+, [a-z]+(, ran \\d+)?, Rename Notebook open"), STEP_MS), Action.waitMs(300)));
    out.addAll(keys);
    out.add(Action.type(typed));
    return out;
  }

  @SafeVarargs
  static List<Action> concat(List<Action>... parts) {
    List<Action> out = new ArrayList<>();
    for (List<Action> p : parts) out.addAll(p);
    return out;
  }
}
