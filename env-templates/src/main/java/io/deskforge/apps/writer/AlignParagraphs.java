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
 * Layout of a memo by alignment: the title centered; from difficulty 2 the closing line ("Prepared
 * by ...") right-aligned; at difficulty 3 also one body paragraph, named by its first words,
 * justified; then save. Everything starts left-aligned. The checker finds each paragraph by its
 * text.
 */
final class AlignParagraphs extends SeededFamily {
  static final String ID = Writer.NAME + ".align-paragraphs";

  AlignParagraphs() {
    super(ID, Writer.NAME, "center a document's title (and right-align its closing line, justify a paragraph), then save",
        List.of(
            "In {file}, center the title \"{title}\".{more} Save the document as .docx.",
            "Fix the layout of {file}: the title line \"{title}\" should be centered.{more} Then save it.",
            "Open {file} and set the alignment of the title \"{title}\" to center.{more} Keep the .docx format when saving."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 3);
    Manuscript base = Manuscript.draw(d, d.between(2, 3));
    List<Manuscript.Para> ps = new ArrayList<>(base.paragraphs());
    String closing = "Prepared by " + d.person();
    ps.add(new Manuscript.Para(closing, "Normal", false));
    Manuscript m = new Manuscript(List.copyOf(ps));
    int last = ps.size();
    List<Integer> bodies = m.bodies().stream().filter(i -> i != last).toList();
    int body = d.pick(bodies);
    String bodyStart = Manuscript.start(m.at(body).text());
    String title = m.at(1).text();
    String path = "/home/user/" + d.fileStem() + ".docx";

    FamilyTasks t = task(seed);
    t.fact(Fact.inFile("title", title, path));
    List<Checker> checks = new ArrayList<>();
    checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraph containing \"" + title + "\" alignment"), new Metric.EqualsText("center", true, false)));
    List<Action> solved = new ArrayList<>(concat(WriterGui.goToParagraph(1), List.of(WriterGui.align("center"))));
    List<Action> nearMiss = new ArrayList<>(concat(WriterGui.goToParagraph(1), List.of(WriterGui.align("right"))));
    List<Action> wrongParagraph = new ArrayList<>(concat(WriterGui.goToParagraph(2), List.of(WriterGui.align("center"))));
    String more = "";
    if (level >= 2) {
      more += " The closing line \"" + closing + "\" should be right-aligned.";
      t.fact(Fact.inFile("closing", closing, path)).fact(Fact.inInstruction("right", "right"));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraph containing \"" + closing + "\" alignment"), new Metric.EqualsText("right", true, false)));
      List<Action> right = concat(WriterGui.goToParagraph(last), List.of(WriterGui.align("right")));
      solved.addAll(right);
      wrongParagraph.addAll(right);
      // the near miss: the closing line centered too
      nearMiss.clear();
      nearMiss.addAll(concat(WriterGui.goToParagraph(1), List.of(WriterGui.align("center")), WriterGui.goToParagraph(last), List.of(WriterGui.align("center"))));
    }
    if (level >= 3) {
      more += " Also justify the paragraph that begins \"" + bodyStart + "\".";
      t.fact(Fact.inFile("body_start", bodyStart, path)).fact(Fact.inInstruction("justify", "justify"));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "paragraph containing \"" + bodyStart + "\" alignment"), new Metric.EqualsText("justify", true, false)));
      List<Action> justify = concat(WriterGui.goToParagraph(body), List.of(WriterGui.align("justify")));
      solved.addAll(justify);
      nearMiss.addAll(justify);
      wrongParagraph.addAll(justify);
    }
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("title", title);
    slots.put("more", more);
    return t.param("file", path).param("level", level).param("paragraphs", m.paragraphs().size())
        .instruction(instruction(d, slots))
        .fact(Fact.inInstruction("center", "center"))
        .setup(new SetupStep.WriteDocument(path, m.content()))
        .setup(new SetupStep.Launch(Writer.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("each paragraph reached by Ctrl+Home and Ctrl+Down, then Ctrl+E / Ctrl+R / Ctrl+J, Ctrl+S", concat(solved, WriterGui.save(path)))
        .negative("not-saved", "aligns everything right but never saves", solved)
        .negative(level >= 2 ? "closing-centered" : "title-right", level >= 2
            ? "centers the closing line instead of right-aligning it, and saves" : "right-aligns the title instead of centering it, and saves",
            concat(nearMiss, WriterGui.save(path)))
        .negative("wrong-paragraph", "centers the first section name instead of the title, and saves", concat(wrongParagraph, WriterGui.save(path)))
        .build();
  }
}
