package io.deskforge.apps.jupyter;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Map;

/**
 * Rename a notebook (the notebook's Rename dialog, or File > Rename...). Checked in the notebooks'
 * folder: the new file is there holding the notebook's cells, the old one is gone.
 */
final class RenameNotebook extends SeededFamily {
  static final String ID = "jupyter.rename-notebook";

  RenameNotebook() {
    super(ID, Jupyter.NAME, "rename a notebook",
        List.of(
            "Rename the Jupyter notebook {nb}.ipynb to {new}.ipynb.",
            "Give the notebook {nb} a new name: {new} (the file should become {new}.ipynb).",
            "The notebook {nb}.ipynb is misnamed. Rename it to {new}.ipynb, keeping its cells.",
            "Change the name of the open notebook from {nb} to {new}, so that it is saved as {new}.ipynb."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    Notebook nb = Notebook.draw(d, Notebook.name(d), d.between(2, 4));
    String newName = Notebook.name(d);
    while (newName.equals(nb.name()) || newName.startsWith(nb.name()) || nb.name().startsWith(newName)) newName = Notebook.name(d);
    String oldPath = nb.path();
    String newPath = Jupyter.path(newName);
    String instruction = instruction(d, Map.of("nb", nb.name(), "new", newName));
    String hyphens = newName.replace('_', '-');

    return task(seed)
        .param("notebook", nb.name()).param("new", newName)
        .instruction(instruction)
        .fact(Fact.inInstruction("notebook", nb.name()))
        .fact(Fact.inInstruction("new_file", newName + ".ipynb"))
        .fact(Fact.inFile("first_code", nb.source(1), oldPath))
        .setup(nb.write())
        .setup(new SetupStep.Launch(Jupyter.NAME, List.of(nb.name())))
        .checker(Checker.all(
            Checker.check(new Getter.FileExists(newPath, "file"), new Metric.IsTrue()),
            Checker.check(new Getter.FileExists(oldPath, null), new Metric.IsFalse()),
            Checker.check(new Getter.JsonValue(newPath, "/cells/1/source"), new Metric.SetEquals(List.of(nb.source(1))))))
        .solution("a click on the notebook name in the header, the name box text replaced by the new name, Return; the page titled with the new name",
            rename(nb.name(), List.of(Action.key("ctrl+a")), newName))
        .negative("wrong-name", "renames it with hyphens where the name has underscores", rename(nb.name(), List.of(Action.key("ctrl+a")), hyphens))
        .negative("appended", "types the new name after the old one in the name box", rename(nb.name(), List.of(Action.key("End")), newName, nb.name() + newName))
        .negative("cancelled", "types the new name into the rename dialog, then cancels it with Escape",
            NotebookGui.concat(NotebookGui.start(nb.name()), NotebookGui.rename(nb.name(), List.of(Action.key("ctrl+a")), newName),
                List.of(Action.key("Escape"), new Action.WaitForWindow(Jupyter.title(nb.name(), "idle, [a-z]+(, ran \\d+)?"), NotebookGui.STEP_MS))))
        .build();
  }

  static List<Action> rename(String name, List<Action> keys, String typed) {
    return rename(name, keys, typed, typed);
  }

  /** The rename dialog, {@code keys} then {@code typed} in its name box, Return, and the page titled {@code result}. */
  static List<Action> rename(String name, List<Action> keys, String typed, String result) {
    return NotebookGui.concat(NotebookGui.start(name), NotebookGui.rename(name, keys, typed),
        List.of(Action.key("Return"), new Action.WaitForWindow(Jupyter.title(result, "idle, [a-z]+(, ran \\d+)?"), NotebookGui.STEP_MS)));
  }
}
