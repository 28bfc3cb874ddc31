package io.deskforge.apps.writer;

import io.deskforge.apps.family.FamilyTasks;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Save As in another format: a Word draft gets a line added at its end (and, at difficulty 2, a new
 * title), then is saved as OpenDocument Text under another name in ~/Documents. The checker reads
 * the .odt with the ODF Toolkit: every paragraph's text (the draft's, the title changed, the line
 * last) and the title's Heading 1 style, so Word's format under the .odt name, the wrong name, or
 * the file saved without the edit fails.
 */
final class SaveAsOdt extends SeededFamily {
  static final String ID = Writer.NAME + ".save-as-odt";

  SaveAsOdt() {
    super(ID, Writer.NAME, "edit a Word document and save it as OpenDocument text under a new name",
        List.of(
            "Open {file}, put \"{line}\" on a new last line{title}, and save it in OpenDocument format (.odt) as {odt}.",
            "Convert {file} to ODF: after adding the closing line \"{line}\"{title}, use Save As with the ODF Text Document type and the name {odt}.",
            "We are moving {file} off Word formats. Give it a final line \"{line}\"{title}, then store it as an OpenDocument text file at {odt}; the .docx can stay as it is."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 2);
    Manuscript m = Manuscript.draw(d, d.between(2, 3));
    String all = String.join("\n", m.texts());
    String line;
    do line = d.pick(List.of("Reviewed by ", "Filed by ", "Owner: ", "Contact: ")) + d.person(); while (all.contains(line));
    String newTitle;
    do newTitle = TaskDraw.capitalize(d.adjective()) + " " + d.noun() + " " + d.pick(List.of("notes", "record", "outline")); while (all.contains(newTitle));
    boolean retitle = level >= 2;
    String stem = d.fileStem();
    String other;
    do other = d.fileStem(); while (other.equals(stem));
    String path = "/home/user/" + stem + ".docx";
    String odt = "/home/user/Documents/" + other + ".odt";

    FamilyTasks t = task(seed);
    t.fact(Fact.inInstruction("line", line)).fact(Fact.inFile("title_style", "Heading 1", path));
    List<String> names = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= m.paragraphs().size(); i++) {
      String name = "paragraph_" + i;
      t.fact(Fact.inFile(name, m.at(i).text(), path));
      if (i == 1 && retitle) {
        t.fact(Fact.inInstruction("new_title", newTitle));
        name = "new_title";
      }
      names.add(name);
      expected.add(i == 1 && retitle ? newTitle : m.at(i).text());
    }
    names.add("line");
    expected.add(line);
    String whole = Derivation.LINES.apply(expected);
    t.fact(Fact.derived("text", whole, Derivation.LINES, names.toArray(String[]::new)));

    List<Action> edit = WriterGui.closingEdit(line, retitle ? newTitle : null);
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("line", line);
    slots.put("title", retitle ? " and retitle it \"" + newTitle + "\"" : "");
    slots.put("odt", tilde(odt));
    String stemOdt = "/home/user/Documents/" + stem + ".odt";
    return t.param("file", path).param("odt", odt).param("level", level).param("line", line).param("paragraphs", m.paragraphs().size())
        .instruction(instruction(d, slots))
        .setup(new SetupStep.MakeDir("/home/user/Documents"))
        .setup(new SetupStep.WriteDocument(path, m.content()))
        .setup(new SetupStep.Launch(Writer.NAME, List.of(path)))
        .checker(Checker.all(
            Checker.check(new Getter.DocumentQuery(odt, "text"), new Metric.EqualsText(whole, true, false)),
            Checker.check(new Getter.DocumentQuery(odt, "paragraph 1 style"), new Metric.EqualsText("Heading 1", true, false))))
        .solution(WriterGui.closingEditHow(retitle) + "; Save As (Ctrl+Shift+S): the path typed, the file type list (Tab) on its first entry, ODF Text Document (Home), Save (Return)",
            concat(edit, WriterGui.saveAs(odt, true)))
        .negative("saved-in-place", "makes the edit and saves it in Word's format where it was (Ctrl+S)", concat(edit, WriterGui.save(path)))
        .negative("docx-stem", "makes the edit and saves it as OpenDocument text, but under the draft's own name in ~/Documents",
            concat(edit, WriterGui.saveAs(stemOdt, true)))
        .negative("word-type-kept", "makes the edit, types the right .odt path into Save As but leaves the file type at Word, and saves",
            concat(edit, WriterGui.saveAsKeepingType(odt)))
        .negative("edit-missing", "saves the draft as OpenDocument text under the right name without the edit", WriterGui.saveAs(odt, true))
        .build();
  }
}
