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
 * Page numbers: a footer turned on and a page number field put in it (a number typed by hand is
 * the same on every page and does not count), and at difficulty 2 the pages turned landscape in
 * the same Page Style dialog; then save. The draft is portrait, with no header or footer. The
 * checker asks whether the footer holds a PAGE field (a field in a header instead does not count),
 * and at difficulty 2 the page orientation. (A line typed before the number is not asked for: the
 * footer's text also holds the number the field showed when saved, which the task cannot ground.)
 */
final class PageNumbers extends SeededFamily {
  static final String ID = Writer.NAME + ".page-numbers";

  PageNumbers() {
    super(ID, Writer.NAME, "number the pages of a document in its footer (a page number field), then save",
        List.of(
            "Add page numbers to {file} (\"{title}\"): a footer holding the page number field (not a typed number).{more} Save the document as .docx.",
            "The draft \"{title}\" in {file} needs numbered pages. Put the page number in the page footer, as a field that counts the pages.{more} Then save it, keeping .docx.",
            "Insert a page number field into the footer of {file}, the document titled \"{title}\" (the header stays empty).{more} Keep the .docx format when saving."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 2);
    Manuscript m = Manuscript.draw(d, d.between(3, 5));
    boolean landscape = level >= 2;
    String path = "/home/user/" + d.fileStem() + ".docx";
    String title = m.at(1).text();
    FamilyTasks t = task(seed);
    t.fact(Fact.inFile("title", title, path)).fact(Fact.inInstruction("place", "footer"));
    List<Checker> checks = new ArrayList<>();
    checks.add(Checker.check(new Getter.DocumentQuery(path, "footer page_number"), new Metric.IsTrue()));
    if (landscape) {
      t.fact(Fact.inInstruction("orientation", "landscape"));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "page orientation"), new Metric.EqualsText("landscape", true, false)));
    }
    List<Action> solved = concat(WriterGui.pageStyle(landscape, false, true), WriterGui.pageNumberInto(false, ""));
    // the near miss: the number in a header instead
    List<Action> inHeader = concat(WriterGui.pageStyle(landscape, true, false), WriterGui.pageNumberInto(true, ""));
    List<Action> typed = concat(WriterGui.pageStyle(landscape, false, true), WriterGui.typeInto(false, "1"));
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("title", title);
    slots.put("more", landscape ? " Also turn the pages to landscape orientation." : "");
    return t.param("file", path).param("level", level).param("paragraphs", m.paragraphs().size())
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteDocument(path, m.content()))
        .setup(new SetupStep.Launch(Writer.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("Format > Page Style (Alt+Shift+P): " + (landscape ? "Page tab, Landscape; " : "") + "Footer tab, footer on, OK;"
            + " in the footer (Ctrl+Page Down) Insert > Page Number; Ctrl+S", concat(solved, WriterGui.save(path)))
        .negative("not-saved", "numbers the pages in the footer but never saves", solved)
        .negative("in-header", "puts the page number field in a header instead of the footer, and saves", concat(inHeader, WriterGui.save(path)))
        .negative("typed-number", "types the number 1 into the footer instead of a page number field, and saves", concat(typed, WriterGui.save(path)))
        .build();
  }
}
