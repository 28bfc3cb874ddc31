package io.deskforge.apps.osworld;

import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;

/**
 * What a trajectory of an app's GUI leaves in the saved state, re-created without the GUI: from
 * the task's initial state (its setup done), the files the trajectory's actions would save. Each
 * app has one, beside its GUI helpers; it models the actions that app's families use and throws,
 * naming the action, on any other, so a new family's trajectory is never guessed at.
 */
public interface EndStateModel {

  /**
   * Re-creates the trajectory's end state in {@code home}. Its waits (every action that {@link
   * io.deskforge.task.action.Action#onlyWaits() only waits}) change no state, so they are taken out
   * here, once for every app: a family that waits in a new way needs no change to any model.
   */
  default void apply(TaskSpec task, Trajectory trajectory, ScratchHome home) {
    reCreate(task, new Trajectory(trajectory.name(), trajectory.description(),
        trajectory.actions().stream().filter(a -> !a.onlyWaits()).toList()), home);
  }

  /** The app's model: the end state of {@code acting}, a trajectory with no waits left in it. */
  void reCreate(TaskSpec task, Trajectory acting, ScratchHome home);

  /** The file the setup opens in the app: its launch step's first argument. */
  static String openedFile(TaskSpec task) {
    return task.setup().stream()
        .filter(s -> s instanceof io.deskforge.task.spec.SetupStep.Launch l && l.app().equals(task.app()) && !l.args().isEmpty())
        .map(s -> ((io.deskforge.task.spec.SetupStep.Launch) s).args().getFirst())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(task.id() + ": its setup opens no file in " + task.app()));
  }

  static IllegalArgumentException unmodelled(TaskSpec task, Trajectory t, Object action) {
    return new IllegalArgumentException(task.app() + "'s end-state model cannot re-create " + action + " in trajectory '"
        + t.name() + "' of " + task.family() + "; model it beside the app's GUI helpers");
  }
}
