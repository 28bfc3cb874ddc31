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
 * Add a markdown cell with a given sentence at the end of a notebook, and save. Checked in the
 * saved notebook: the cell after the last one of the seed is a markdown cell holding the sentence,
 * and the notebook still starts with its markdown heading and ends its code where it did.
 */
final class AddMarkdown extends SeededFamily {
  static final String ID = "jupyter.add-markdown";

  AddMarkdown() {
    super(ID, Jupyter.NAME, "add a markdown cell with a given text at the end of a notebook, and save the notebook",
        List.of(
            "Add a markdown cell at the end of the Jupyter notebook {nb} with the text \"{text}\", and save the notebook.",
            "At the bottom of the notebook {nb}, below its last cell, add a new markdown cell reading: {text} Then save.",
            "The notebook {nb} needs a closing note. Append a markdown cell containing \"{text}\" after the last cell and save it.",
            "Put the sentence \"{text}\" in a new markdown cell at the very end of {nb}, and save the notebook."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    Notebook nb = Notebook.draw(d, Notebook.name(d), d.between(2, 4));
    String text = d.sentence(List.of());
    int at = nb.cells().size();
    String path = nb.path();
    String instruction = instruction(d, Map.of("nb", nb.name(), "text", text));

    return task(seed)
        .param("notebook", nb.name()).param("text", text)
        .instruction(instruction)
        .fact(Fact.inInstruction("notebook", nb.name()))
        .fact(Fact.inInstruction("text", text))
        .fact(Fact.inInstruction("cell_type", "markdown"))
        .fact(Fact.inFile("last_source", nb.source(nb.last()), path))
        .setup(nb.write())
        .setup(new SetupStep.Launch(Jupyter.NAME, List.of(nb.name())))
        .checker(Checker.all(
            Checker.check(new Getter.JsonValue(path, "/cells/0/cell_type"), new Metric.EqualsText("markdown", false, false)),
            Checker.check(new Getter.JsonValue(path, "/cells/" + at + "/cell_type"), new Metric.EqualsText("markdown", false, false)),
            Checker.check(new Getter.JsonValue(path, "/cells/" + at + "/source"), new Metric.SetEquals(List.of(text))),
            Checker.check(new Getter.JsonValue(path, "/cells/" + nb.last() + "/source"), new Metric.SetEquals(List.of(nb.source(nb.last()))))))
        .solution("the last cell selected, b, m, Return, the text typed, Escape, Ctrl+S", add(nb, nb.last(), "b", true, text, true))
        .negative("code-cell", "adds the text below the last cell in a code cell, and saves", add(nb, nb.last(), "b", false, text, true))
        .negative("unsaved", "adds the markdown cell but never saves", add(nb, nb.last(), "b", true, text, false))
        .negative("at-top", "adds the markdown cell above the first cell instead, and saves", add(nb, 0, "a", true, text, true))
        .build();
  }

  /** A new cell, above ("a") or below ("b") cell {@code at}, markdown or code, with the text, saved or not. */
  static List<Action> add(Notebook nb, int at, String where, boolean markdown, String text, boolean save) {
    List<Action> keys = markdown
        ? List.of(Action.key(where), Action.key("m"), Action.key("Return"))
        : List.of(Action.key(where), Action.key("Return"));
    return NotebookGui.concat(NotebookGui.start(nb.name()), NotebookGui.select(nb, at), keys,
        List.of(Action.type(text), Action.key("Escape")),
        save ? NotebookGui.save(nb.name()) : NotebookGui.unsaved(nb.name()));
  }
}
