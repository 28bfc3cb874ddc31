package io.deskforge.apps.mousepad;

import io.deskforge.apps.osworld.EndStateModel;
import io.deskforge.apps.osworld.ScratchHome;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Mousepad as {@link MousepadGui} drives it: a text buffer with a caret and a selection (Ctrl+Home,
 * Ctrl+End, Down, Shift+Down, Delete, typing), Ctrl+S writing the buffer to the opened file, and
 * the Find and Replace dialog (Ctrl+R, the find text typed, the replace field clicked and typed,
 * "Replace all in" checked, Replace All, Close) replacing every occurrence.
 */
public final class MousepadEndState implements EndStateModel {
  @Override
  public void reCreate(TaskSpec task, Trajectory trajectory, ScratchHome home) {
    Path file = home.host(EndStateModel.openedFile(task));
    Editor e = new Editor(read(file));
    for (Action a : trajectory.actions()) {
      switch (a) {
        case Action.Key k -> {
          for (String key : k.keys().split(" ")) {
            if (key.equals("ctrl+s")) write(file, e.text.toString());
            else if (!e.key(key)) throw EndStateModel.unmodelled(task, trajectory, "key " + key);
          }
        }
        case Action.Type t -> e.type(t.text());
        case Action.Click c -> {
          if (!e.click(c.x(), c.y())) throw EndStateModel.unmodelled(task, trajectory, a);
        }
        default -> throw EndStateModel.unmodelled(task, trajectory, a);
      }
    }
  }

  private static final class Editor {
    final StringBuilder text;
    int caret;
    int anchor = -1; // selection start, -1 for none
    boolean dialog;
    boolean replacing; // the replace field has the focus
    boolean all;
    final StringBuilder find = new StringBuilder();
    final StringBuilder replacement = new StringBuilder();

    Editor(String text) {
      this.text = new StringBuilder(text);
    }

    boolean key(String key) {
      switch (key) {
        case "ctrl+Home" -> { caret = 0; anchor = -1; }
        case "ctrl+End" -> { caret = text.length(); anchor = -1; }
        case "Down" -> { anchor = -1; caret = down(); }
        case "shift+Down" -> { if (anchor < 0) anchor = caret; caret = down(); }
        case "Delete" -> {
          if (anchor >= 0) deleteSelection();
          else if (caret < text.length()) text.deleteCharAt(caret);
        }
        case "ctrl+r" -> { dialog = true; replacing = false; all = false; find.setLength(0); replacement.setLength(0); }
        case "Escape" -> dialog = false;
        default -> { return false; }
      }
      return true;
    }

    void type(String s) {
      if (dialog) {
        (replacing ? replacement : find).append(s);
        return;
      }
      if (anchor >= 0) deleteSelection();
      text.insert(caret, s);
      caret += s.length();
    }

    boolean click(int x, int y) {
      if (!dialog) return false;
      if (x == MousepadGui.REPLACE_FIELD_X && y == MousepadGui.REPLACE_FIELD_Y) replacing = true;
      else if (x == MousepadGui.REPLACE_ALL_CHECK_X && y == MousepadGui.REPLACE_ALL_CHECK_Y) all = !all;
      else if (x == MousepadGui.REPLACE_ALL_BUTTON_X && y == MousepadGui.REPLACE_ALL_BUTTON_Y && all) {
        String replaced = text.toString().replace(find.toString(), replacement.toString());
        text.setLength(0);
        text.append(replaced);
        caret = Math.min(caret, text.length());
      } else if (x == MousepadGui.CLOSE_BUTTON_X && y == MousepadGui.CLOSE_BUTTON_Y) dialog = false;
      else return false;
      return true;
    }

    /** The caret one line down, in the same column as far as that line reaches; the end on the last line. */
    int down() {
      int lineStart = text.lastIndexOf("\n", caret - 1) + 1;
      int next = text.indexOf("\n", caret);
      if (next < 0) return text.length();
      int nextEnd = text.indexOf("\n", next + 1);
      if (nextEnd < 0) nextEnd = text.length();
      return Math.min(next + 1 + (caret - lineStart), nextEnd);
    }

    void deleteSelection() {
      int from = Math.min(anchor, caret);
      int to = Math.max(anchor, caret);
      text.delete(from, to);
      caret = from;
      anchor = -1;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
