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
 * Change the number a code cell sets, and save. Checked in the saved notebook: the cell's source
 * is the new line, and the cell next to it (the one a careless edit changes) keeps its own.
 */
final class EditCell extends SeededFamily {
  static final String ID = "jupyter.edit-cell";

  EditCell() {
    super(ID, Jupyter.NAME, "change the number a notebook's code cell sets, and save the notebook",
        List.of(
            "In the Jupyter notebook {nb}, change the cell `{old}` so that it reads `{new}`, then save the notebook.",
            "The notebook {nb} has a wrong value: edit the code cell `{old}` to `{new}` and save.",
            "Update {var} in the notebook {nb}: its cell should read `{new}` instead of `{old}`. Save the notebook afterwards.",
            "Open the code cell that says `{old}` in {nb} and replace its text with `{new}`; keep the change saved."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    Notebook nb = Notebook.draw(d, Notebook.name(d), d.between(2, 4));
    int cell = d.between(1, nb.last() - 1);
    int other = cell == 1 ? 2 : cell - 1;
    String var = nb.variable(cell);
    String old = nb.source(cell);
    String value = nb.value(cell);
    String newValue = value;
    while (newValue.equals(value)) newValue = Integer.toString(d.between(101, 999));
    String newSource = var + " = " + newValue;
    String path = nb.path();
    String instruction = instruction(d, Map.of("nb", nb.name(), "old", old, "new", newSource, "var", var));

    return task(seed)
        .param("notebook", nb.name()).param("cell", Integer.toString(cell)).param("new", newSource)
        .instruction(instruction)
        .fact(Fact.inInstruction("notebook", nb.name()))
        .fact(Fact.inInstruction("new_source", newSource))
        .fact(Fact.inFile("other_source", nb.source(other), path))
        .setup(nb.write())
        .setup(new SetupStep.Launch(Jupyter.NAME, List.of(nb.name())))
        .checker(Checker.all(
            Checker.check(new Getter.JsonValue(path, "/cells/" + cell + "/source"), new Metric.SetEquals(List.of(newSource))),
            Checker.check(new Getter.JsonValue(path, "/cells/" + other + "/source"), new Metric.SetEquals(List.of(nb.source(other))))))
        .solution("the cell selected with k and j, Return, Ctrl+A, the new line typed, Escape, Ctrl+S",
            edit(nb, cell, newSource, true))
        .negative("wrong-cell", "writes the new line into the cell next to it, and saves", edit(nb, other, newSource, true))
        .negative("unsaved", "edits the cell but never saves", edit(nb, cell, newSource, false))
        .negative("new-cell", "adds the new line as a new cell below the old one, and saves",
            NotebookGui.concat(NotebookGui.start(nb.name()), NotebookGui.select(nb, cell),
                List.of(Action.key("b"), Action.key("Return"), Action.type(newSource), Action.key("Escape")), NotebookGui.save(nb.name())))
        .build();
  }

  static List<Action> edit(Notebook nb, int cell, String source, boolean save) {
    return NotebookGui.concat(NotebookGui.start(nb.name()), NotebookGui.select(nb, cell), NotebookGui.replaceSource(source),
        save ? NotebookGui.save(nb.name()) : NotebookGui.unsaved(nb.name()));
  }
}
