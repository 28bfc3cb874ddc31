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
 * Delete a leftover debugging cell ({@code print(x_count)}) from a notebook, and save. Checked in
 * the saved notebook: the cell's text is nowhere in the file, and the cells around it are still
 * there, in order, one after the other.
 */
final class DeleteCell extends SeededFamily {
  static final String ID = "jupyter.delete-cell";

  DeleteCell() {
    super(ID, Jupyter.NAME, "delete a given cell from a notebook, and save the notebook",
        List.of(
            "Delete the cell `{cell}` from the Jupyter notebook {nb} and save the notebook.",
            "The notebook {nb} still has a debugging cell, `{cell}`. Remove that cell entirely and save.",
            "Clean up {nb}: the code cell `{cell}` should no longer be in the notebook. Save your change.",
            "In the notebook {nb}, remove the whole cell that reads `{cell}`, keeping every other cell, then save it."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    Notebook base = Notebook.draw(d, Notebook.name(d), d.between(2, 4));
    int after = d.between(1, base.last() - 1);
    String debug = "print(" + base.variable(after) + ")";
    int at = after + 1;
    Notebook nb = base.with(at, new Notebook.Cell("code", debug, Notebook.newId(d)));
    String path = nb.path();
    String before = nb.source(at - 1);
    String next = nb.source(at + 1);
    String instruction = instruction(d, Map.of("nb", nb.name(), "cell", debug));

    return task(seed)
        .param("notebook", nb.name()).param("cell", debug)
        .instruction(instruction)
        .fact(Fact.inInstruction("notebook", nb.name()))
        .fact(Fact.inInstruction("cell", debug))
        .fact(Fact.inFile("before", before, path))
        .fact(Fact.inFile("next", next, path))
        .setup(nb.write())
        .setup(new SetupStep.Launch(Jupyter.NAME, List.of(nb.name())))
        .checker(Checker.all(
            Checker.check(new Getter.FileText(path), new Metric.NotContains(debug, false)),
            Checker.check(new Getter.JsonValue(path, "/cells/" + (at - 1) + "/source"), new Metric.SetEquals(List.of(before))),
            Checker.check(new Getter.JsonValue(path, "/cells/" + at + "/source"), new Metric.SetEquals(List.of(next)))))
        .solution("the cell selected with k and j, d d, Ctrl+S", delete(nb, at, true))
        .negative("wrong-cell", "deletes the cell after it instead, and saves", delete(nb, at + 1, true))
        .negative("unsaved", "deletes the cell but never saves", delete(nb, at, false))
        .negative("emptied", "empties the cell's text but keeps the empty cell, and saves",
            NotebookGui.concat(NotebookGui.start(nb.name()), NotebookGui.select(nb, at),
                List.of(Action.key("Return"), Action.key("ctrl+a"), Action.key("Delete"), Action.key("Escape")), NotebookGui.save(nb.name())))
        .build();
  }

  static List<Action> delete(Notebook nb, int at, boolean save) {
    return NotebookGui.concat(NotebookGui.start(nb.name()), NotebookGui.select(nb, at), List.of(Action.key("d"), Action.key("d")),
        save ? NotebookGui.save(nb.name()) : NotebookGui.unsaved(nb.name()));
  }
}
