package io.deskforge.apps.writer;

import io.deskforge.apps.family.FamilyTasks;
import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
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
 * Line spacing on a run of consecutive paragraphs: double (2) or one and a half (1.5) lines on the
 * 2-4 paragraphs from the one that begins with given words to the one that begins with others,
 * the paragraphs around them left single-spaced, then save. Difficulty is the number of
 * paragraphs. The checker finds each paragraph by its first words.
 */
final class LineSpacing extends SeededFamily {
  static final String ID = Writer.NAME + ".line-spacing";

  LineSpacing() {
    super(ID, Writer.NAME, "set the line spacing of a run of paragraphs (double or 1.5 lines), then save",
        List.of(
            "In {file}, give the {count} paragraphs from the one beginning \"{first}\" to the one beginning \"{last}\" {spacing} line spacing. The paragraphs before and after them keep single spacing (1). Save the document as .docx.",
            "Make the paragraphs of {file} from \"{first}...\" through \"{last}...\" ({count} paragraphs) {spacing}-spaced, leaving every other paragraph at line spacing 1, and save.",
            "Set line spacing to {spacing} for the {count} consecutive paragraphs of {file} that start at \"{first}\" and end with the one starting \"{last}\"; the rest stays at 1. Save it (keep .docx)."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int count = d.between(2, 4);
    Manuscript m;
    do m = Manuscript.draw(d, d.between(2, 4)); while (m.paragraphs().size() < count + 3);
    int size = m.paragraphs().size();
    int from = d.between(2, size - count);
    int to = from + count - 1;
    boolean dbl = d.chance(0.5);
    String spacing = dbl ? "2" : "1.5";
    String words = dbl ? "double (2)" : "1.5";
    String other = dbl ? "1.5" : "2";
    String path = "/home/user/" + d.fileStem() + ".docx";
    FamilyTasks t = task(seed);
    t.fact(Fact.inInstruction("spacing", spacing)).fact(Fact.inInstruction("single", "1"));
    List<Checker> checks = new ArrayList<>();
    for (int i = from - 1; i <= to + 1; i++) {
      String start = Manuscript.start(m.at(i).text());
      t.fact(Fact.inFile("start_" + i, start, path));
      boolean in = i >= from && i <= to;
      checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraph containing \"" + start + "\" line_spacing"),
          new Metric.EqualsText(in ? spacing : "1", true, false)));
    }
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("count", Integer.toString(count));
    slots.put("first", Manuscript.start(m.at(from).text()));
    slots.put("last", Manuscript.start(m.at(to).text()));
    slots.put("spacing", words);
    List<Action> solved = concat(WriterGui.selectParagraphs(from, to), WriterGui.lineSpacing(spacing));
    return t.param("file", path).param("from", from).param("to", to).param("spacing", spacing).param("paragraphs", size)
        .instruction(instruction(d, slots))
        .fact(Fact.inInstruction("count", Integer.toString(count)))
        .setup(new SetupStep.WriteDocument(path, m.content()))
        .setup(new SetupStep.Launch(Writer.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("the paragraphs selected (Ctrl+Home, Ctrl+Down to the first, Ctrl+Shift+Down to the last), Format > Paragraph,"
            + " Line spacing " + spacing + ", OK; Ctrl+S", concat(solved, WriterGui.save(path)))
        .negative("not-saved", "sets the spacing but never saves", solved)
        .negative("one-short", "sets the spacing on all but the last of the paragraphs, and saves",
            concat(WriterGui.selectParagraphs(from, to - 1), WriterGui.lineSpacing(spacing), WriterGui.save(path)))
        .negative("wrong-spacing", "sets " + other + " line spacing instead of " + spacing + ", and saves",
            concat(WriterGui.selectParagraphs(from, to), WriterGui.lineSpacing(other), WriterGui.save(path)))
        .negative("one-too-many", "sets the spacing on the paragraph after them too, and saves",
            concat(WriterGui.selectParagraphs(from, to + 1), WriterGui.lineSpacing(spacing), WriterGui.save(path)))
        .build();
  }
}
