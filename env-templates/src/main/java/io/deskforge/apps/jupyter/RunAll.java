package io.deskforge.apps.jupyter;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Map;

/**
 * Run every cell of a notebook and save it with its results. The last cell multiplies two numbers
 * that cells above it set; checked in the saved notebook: that cell's result is their product
 * (derived from the two numbers in the seeded file), which only the kernel running the cells in
 * order produces, and the cells that set them are unchanged.
 */
final class RunAll extends SeededFamily {
  static final String ID = "jupyter.run-all";

  RunAll() {
    super(ID, Jupyter.NAME, "run all cells of a notebook and save it with the results",
        List.of(
            "Run all the cells of the Jupyter notebook {nb} from top to bottom, then save the notebook so the results (such as the value of `{expr}`) are kept.",
            "The notebook {nb} has never been run. Execute every cell in order, so that `{expr}` shows its value, and save it with its outputs.",
            "Open {nb}, run all of its cells, and save the notebook once the last cell, `{expr}`, shows its result.",
            "Please compute the results in the notebook {nb}: run each cell in order (the last one is `{expr}`) and save the notebook."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    Notebook nb = Notebook.draw(d, Notebook.name(d), d.between(2, 4));
    int code = nb.cells().size() - 1;
    String a = nb.value(1);
    String b = nb.value(2);
    String product = Derivation.PRODUCT.apply(List.of(a, b));
    String path = nb.path();
    String result = "/cells/" + nb.last() + "/outputs/0/data/text~1plain/0";
    String instruction = instruction(d, Map.of("nb", nb.name(), "expr", nb.source(nb.last())));

    return task(seed)
        .param("notebook", nb.name()).param("product", product)
        .instruction(instruction)
        .fact(Fact.inInstruction("notebook", nb.name()))
        .fact(Fact.inFile("a", a, path))
        .fact(Fact.inFile("b", b, path))
        .fact(Fact.derived("product", product, Derivation.PRODUCT, "a", "b"))
        .setup(nb.write())
        .setup(new SetupStep.Launch(Jupyter.NAME, List.of(nb.name())))
        .fact(Fact.inFile("a_cell", nb.source(1), path))
        .fact(Fact.inFile("b_cell", nb.source(2), path))
        .checker(Checker.all(
            Checker.check(new Getter.JsonValue(path, result), new Metric.EqualsText(product, true, false)),
            Checker.check(new Getter.JsonValue(path, "/cells/1/source"), new Metric.SetEquals(List.of(nb.source(1)))),
            Checker.check(new Getter.JsonValue(path, "/cells/2/source"), new Metric.SetEquals(List.of(nb.source(2))))))
        .solution("Run All from the command palette (p, \"run all cells\"), the kernel idle with every code cell run, Ctrl+S",
            NotebookGui.concat(NotebookGui.start(nb.name()), NotebookGui.runAll(nb.name(), code), NotebookGui.save(nb.name())))
        .negative("unsaved", "runs all cells but never saves",
            NotebookGui.concat(NotebookGui.start(nb.name()), NotebookGui.runAll(nb.name(), code), NotebookGui.unsaved(nb.name())))
        .negative("last-only", "runs only the last cell (a NameError, no result), and saves",
            NotebookGui.concat(NotebookGui.start(nb.name()), NotebookGui.select(nb, nb.last()),
                List.of(Action.key("ctrl+Return"), new Action.WaitForWindow(Jupyter.title(nb.name(), "idle, unsaved, ran 1"), NotebookGui.STEP_MS)),
                NotebookGui.save(nb.name())))
        .negative("all-above", "runs every cell above the last one (the palette's \"run all cells above\" on it), and saves",
            NotebookGui.concat(NotebookGui.start(nb.name()), NotebookGui.select(nb, nb.last()), NotebookGui.palette(nb.name(), "run all cells", 4),
                List.of(new Action.WaitForWindow(Jupyter.title(nb.name(), "idle, unsaved, ran " + (code - 1)), NotebookGui.STEP_MS)),
                NotebookGui.save(nb.name())))
        .build();
  }
}
