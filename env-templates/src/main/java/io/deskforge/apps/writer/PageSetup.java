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
 * Page setup: the page turned landscape and a footer with a given line; at difficulty 2 a header
 * with another line as well; then save. The draft starts portrait, without header or footer.
 */
final class PageSetup extends SeededFamily {
  static final String ID = Writer.NAME + ".page-setup";

  PageSetup() {
    super(ID, Writer.NAME, "turn the page landscape and add a footer (and a header) with given text, then save",
        List.of(
            "Set up the pages of {file}: landscape orientation, and a footer that reads \"{footer}\".{header} Save the document as .docx.",
            "{file} should print in landscape. Change the page orientation to landscape and put \"{footer}\" in the page footer.{header} Then save it.",
            "In {file}, switch the page style to landscape and add the footer text \"{footer}\".{header} Keep the .docx format when saving."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 2);
    Manuscript m = Manuscript.draw(d, d.between(2, 3));
    String footer = d.pick(List.of("Draft for ", "Prepared by ", "Copy of ", "Reviewed by ")) + d.person();
    String header;
    do header = TaskDraw.capitalize(d.adjective()) + " " + d.noun() + " office"; while (header.equals(footer));
    boolean withHeader = level >= 2;
    String path = "/home/user/" + d.fileStem() + ".docx";
    FamilyTasks t = task(seed);
    t.fact(Fact.inInstruction("orientation", "landscape")).fact(Fact.inInstruction("footer", footer));
    List<Checker> checks = new ArrayList<>();
    checks.add(Checker.check(new Getter.DocumentQuery(path, "page orientation"), new Metric.EqualsText("landscape", true, false)));
    checks.add(Checker.check(new Getter.DocumentQuery(path, "footer text"), new Metric.EqualsText(footer, true, false)));
    if (withHeader) {
      t.fact(Fact.inInstruction("header", header));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "header text"), new Metric.EqualsText(header, true, false)));
    }
    List<Action> texts = new ArrayList<>();
    if (withHeader) texts.addAll(WriterGui.typeInto(true, header));
    texts.addAll(WriterGui.typeInto(false, footer));
    List<Action> solved = concat(WriterGui.pageStyle(true, withHeader, true), texts);
    // the near miss: the lines in each other's place (level 2), or the footer's line in a header (level 1)
    List<Action> misplaced = withHeader
        ? concat(WriterGui.pageStyle(true, true, true), WriterGui.typeInto(true, footer), WriterGui.typeInto(false, header))
        : concat(WriterGui.pageStyle(true, true, false), WriterGui.typeInto(true, footer));
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("footer", footer);
    slots.put("header", withHeader ? " The header should read \"" + header + "\"." : "");
    return t.param("file", path).param("level", level).param("footer", footer).param("paragraphs", m.paragraphs().size())
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteDocument(path, m.content()))
        .setup(new SetupStep.Launch(Writer.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("Format > Page Style (Alt+Shift+P): Page tab, Landscape; Header/Footer tabs, turned on; OK; the lines typed in"
            + " (Ctrl+Page Up / Ctrl+Page Down); Ctrl+S", concat(solved, WriterGui.save(path)))
        .negative("not-saved", "does the whole page setup but never saves", solved)
        .negative("portrait-kept", "adds the " + (withHeader ? "header and footer" : "footer") + " but leaves the page portrait, and saves",
            concat(WriterGui.pageStyle(false, withHeader, true), texts, WriterGui.save(path)))
        .negative(withHeader ? "header-footer-swapped" : "header-not-footer", withHeader
            ? "types the footer's line into the header and the header's into the footer, and saves"
            : "puts the footer's line into a header instead, and saves", concat(misplaced, WriterGui.save(path)))
        .build();
  }
}
