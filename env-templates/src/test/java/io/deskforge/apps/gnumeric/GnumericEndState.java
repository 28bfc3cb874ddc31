package io.deskforge.apps.gnumeric;

import io.deskforge.apps.check.CellRef;
import io.deskforge.apps.osworld.EndStateModel;
import io.deskforge.apps.osworld.ScratchHome;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gnumeric driven from the keyboard as {@link GnumericGui} does: Ctrl+Home to A1, arrows move the
 * cursor, typed text up to Return enters the cell (the cursor moves down), Ctrl+S saves every
 * entry so far into the opened file. Entries never saved are lost.
 */
public final class GnumericEndState implements EndStateModel {
  @Override
  public void reCreate(TaskSpec task, Trajectory trajectory, ScratchHome home) {
    String file = EndStateModel.openedFile(task);
    int column = 0;
    int row = 0;
    Map<String, String> entered = new LinkedHashMap<>();
    for (Action a : trajectory.actions()) {
      switch (a) {
        case Action.Key k -> {
          for (String key : k.keys().split(" ")) {
            switch (key) {
              case "ctrl+Home" -> { column = 0; row = 0; }
              case "Right" -> column++;
              case "Left" -> column = Math.max(0, column - 1);
              case "Down" -> row++;
              case "Up" -> row = Math.max(0, row - 1);
              case "ctrl+s" -> {
                entered.forEach((cell, value) -> new SsconvertFormat().setCell(home, file, cell, value));
                entered.clear();
              }
              default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key);
            }
          }
        }
        case Action.Type t -> {
          if (!t.text().endsWith("\n")) throw EndStateModel.unmodelled(task, trajectory, "an entry without Return: " + t);
          for (String value : t.text().substring(0, t.text().length() - 1).split("\n", -1)) {
            entered.put(CellRef.of(column, row).a1(), value);
            row++;
          }
        }
        default -> throw EndStateModel.unmodelled(task, trajectory, a);
      }
    }
  }
}
