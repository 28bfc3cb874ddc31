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
 * The section names of a draft, plain lines in the Normal style, become headings of a given level
 * (Heading 2, or Heading 3 for a sub-level), then save. Difficulty is the number of sections (2-4)
 * and so of paragraphs to style; the document has 2-4 sections of 1-3 body paragraphs. The checker
 * finds each section name by its text, so it does not depend on paragraph numbers, and checks that
 * no paragraph's text changed.
 */
final class HeadingStyles extends SeededFamily {
  static final String ID = Writer.NAME + ".heading-styles";

  HeadingStyles() {
    super(ID, Writer.NAME, "give the section names of a draft a heading paragraph style, then save",
        List.of(
            "In {file}, the section names {names} are plain text. Give each of them the paragraph style {style} and save the document (keep .docx).",
            "Format the lines {names} of {file} as {style} headings (paragraph style {style}); change nothing else, then save it as .docx.",
            "The draft {file} needs proper headings: apply the {style} paragraph style to {names}. Save when done."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int sections = d.between(2, 4);
    Manuscript m = Manuscript.draw(d, sections);
    int level = d.pick(List.of(2, 2, 3));
    String style = "Heading " + level;
    String wrong = "Heading " + (level == 2 ? 1 : 2);
    String path = "/home/user/" + d.fileStem() + ".docx";
    List<Integer> targets = m.sections();
    FamilyTasks t = task(seed);
    List<Checker> checks = new ArrayList<>();
    List<Action> solved = new ArrayList<>();
    List<Action> wrongLevel = new ArrayList<>();
    List<Action> shifted = new ArrayList<>();
    List<String> quoted = new ArrayList<>();
    for (int n : targets) {
      String name = m.at(n).text();
      quoted.add("\"" + name + "\"");
      t.fact(Fact.inFile("section_" + n, name, path));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraph containing \"" + name + "\" style"), new Metric.EqualsText(style, true, false)));
      solved.addAll(WriterGui.goToParagraph(n));
      solved.add(WriterGui.heading(level));
      wrongLevel.addAll(WriterGui.goToParagraph(n));
      wrongLevel.add(WriterGui.heading(level == 2 ? 1 : 2));
      // the near miss: the body paragraph under the section name styled instead of the name
      shifted.addAll(WriterGui.goToParagraph(n + 1));
      shifted.add(WriterGui.heading(level));
    }
    for (int i = 1; i <= m.paragraphs().size(); i++) t.fact(Fact.inFile("paragraph_" + i, m.at(i).text(), path));
    checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraphs"), new Metric.SetEquals(m.texts())));
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("names", join(quoted));
    slots.put("style", style);
    return t.param("file", path).param("sections", sections).param("style", style).param("paragraphs", m.paragraphs().size())
        .instruction(instruction(d, slots))
        .fact(Fact.inInstruction("style", style))
        .setup(new SetupStep.WriteDocument(path, m.content()))
        .setup(new SetupStep.Launch(Writer.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("each section name's paragraph reached by Ctrl+Home and Ctrl+Down, Ctrl+" + level + " (" + style + "), Ctrl+S",
            concat(solved, WriterGui.save(path)))
        .negative("not-saved", "styles every section name but never saves", solved)
        .negative("wrong-level", "gives the section names " + wrong + " instead of " + style + ", and saves", concat(wrongLevel, WriterGui.save(path)))
        .negative("paragraph-below", "styles the paragraph under each section name instead of the name, and saves", concat(shifted, WriterGui.save(path)))
        .build();
  }

  static String join(List<String> items) {
    if (items.size() == 1) return items.get(0);
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
  }
}
