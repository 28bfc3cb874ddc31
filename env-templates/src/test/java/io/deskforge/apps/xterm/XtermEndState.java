package io.deskforge.apps.xterm;

import io.deskforge.apps.osworld.EndStateModel;
import io.deskforge.apps.osworld.ScratchHome;
import io.deskforge.desktop.ExecResult;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.time.Duration;
import java.util.List;

/** xterm runs bash in the home: every typed line (up to Return) is a command bash runs there. */
public final class XtermEndState implements EndStateModel {
  @Override
  public void reCreate(TaskSpec task, Trajectory trajectory, ScratchHome home) {
    StringBuilder line = new StringBuilder();
    for (Action a : trajectory.actions()) {
      switch (a) {
        case Action.Type t -> {
          for (char c : t.text().toCharArray()) {
            if (c != '\n') {
              line.append(c);
              continue;
            }
            ExecResult r = home.execAsUser(List.of("bash", "-c", line.toString()), Duration.ofSeconds(30));
            if (!r.ok()) throw new IllegalStateException("'" + line + "' in " + trajectory.name() + " of " + task.id() + " failed: " + r.stderr());
            line.setLength(0);
          }
        }
        default -> throw EndStateModel.unmodelled(task, trajectory, a);
      }
    }
    if (!line.isEmpty()) throw EndStateModel.unmodelled(task, trajectory, "a line typed without Return: " + line);
  }
}
