package io.deskforge.apps.writer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Export as PDF after a small edit: a closing line added at the end of a draft of 2-3 pages (each
 * section after the first starts a page) and, at difficulty 2, the title typed anew; then File &gt;
 * Export as PDF into ~/Documents. The checker reads the PDF with PDFBox: it parses, has every page,
 * and its last page holds the line (its first page the new title, not the old one), so a PDF made
 * from the setup's file, or a Word file under the .pdf name, fails.
 */
final class ExportPdf extends SeededFamily {
  static final String ID = Writer.NAME + ".export-pdf";

  ExportPdf() {
    super(ID, Writer.NAME, "make a small edit to a document, then export it as PDF into a given folder",
        List.of(
            "Add the line \"{line}\" at the very end of {file}{title}, then export the document as PDF to {pdf}. The PDF must keep all {pages} pages.",
            "I need a PDF of {file} with \"{line}\" as its last line{title}. Use Writer's Export as PDF and put the file at {pdf} ({pages} pages, nothing left out).",
            "Finish {file}: append a closing line that reads \"{line}\"{title}. Afterwards produce a PDF copy, {pdf}, with the whole document ({pages} pages)."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 2);
    int pages = d.between(2, 3);
    Manuscript m = Manuscript.draw(d, pages);
    String all = String.join("\n", m.texts());
    String line;
    do line = d.pick(List.of("Approved by ", "Checked by ", "Signed off by ", "Final copy for ")) + d.person(); while (all.contains(line));
    String oldTitle = m.at(1).text();
    String newTitle;
    do newTitle = TaskDraw.capitalize(d.adjective()) + " " + d.noun() + " " + d.pick(List.of("report", "brief", "summary")); while (all.contains(newTitle));
    boolean retitle = level >= 2;
    String stem = d.fileStem();
    String path = "/home/user/" + stem + ".docx";
    String pdf = "/home/user/Documents/" + stem + ".pdf";

    FamilyTasks t = task(seed);
    t.fact(Fact.inInstruction("line", line)).fact(Fact.inInstruction("pages", Integer.toString(pages)));
    List<Checker> checks = new ArrayList<>();
    checks.add(Checker.check(new Getter.DocumentQuery(pdf, "pages"), new Metric.EqualsText(Integer.toString(pages), true, false)));
    checks.add(Checker.check(new Getter.DocumentQuery(pdf, "page " + pages + " text"), new Metric.Contains(line, false)));
    if (retitle) {
      t.fact(Fact.inInstruction("new_title", newTitle)).fact(Fact.inFile("old_title", oldTitle, path));
      checks.add(Checker.check(new Getter.DocumentQuery(pdf, "page 1 text"), new Metric.Contains(newTitle, false)));
      checks.add(Checker.check(new Getter.DocumentQuery(pdf, "page 1 text"), new Metric.NotContains(oldTitle, false)));
    }
    List<Action> edit = WriterGui.closingEdit(line, retitle ? newTitle : null);
    List<Action> lineFirst = new ArrayList<>(List.of(Action.key("ctrl+Home"), Action.type(line), Action.key("Return")));
    if (retitle) lineFirst.addAll(WriterGui.retypeFirst(newTitle));
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("line", line);
    slots.put("title", retitle ? " and change its title to \"" + newTitle + "\"" : "");
    slots.put("pdf", tilde(pdf));
    slots.put("pages", Integer.toString(pages));
    FamilyTasks b = t.param("file", path).param("pdf", pdf).param("level", level).param("pages", pages).param("line", line)
        .instruction(instruction(d, slots))
        .setup(new SetupStep.MakeDir("/home/user/Documents"))
        .setup(new SetupStep.WriteDocument(path, content(m)))
        .setup(new SetupStep.Launch(Writer.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution(WriterGui.closingEditHow(retitle) + "; File > Export As > Export as PDF (Alt+F, E, E), Export (Return), the path typed, Return",
            concat(edit, WriterGui.exportPdf(path, pdf)))
        .negative("saved-in-place", "makes the edit and saves the .docx (Ctrl+S), but exports no PDF", concat(edit, WriterGui.save(path)))
        .negative("line-on-first-page", "types the line at the document's start instead of its end, then exports every page to the right file",
            concat(lineFirst, WriterGui.exportPdf(path, pdf)))
        .negative("word-under-pdf-name", "makes the edit and saves it through Save As with the .pdf path typed, the file type left at Word",
            concat(edit, WriterGui.saveAsKeepingType(pdf)))
        .negative("exported-without-edit", "exports the document as it was set up to the right file, without the edit",
            WriterGui.exportPdf(path, pdf));
    if (retitle) {
      b.negative("title-kept", "adds the line but keeps the old title, and exports to the right file",
          concat(WriterGui.appendLine(line), WriterGui.exportPdf(path, pdf)));
    }
    return b.build();
  }

  /** The manuscript's content with a page break before each section name but the first: as many pages as sections. */
  static ObjectNode content(Manuscript m) {
    ObjectNode content = (ObjectNode) m.content();
    ArrayNode ps = (ArrayNode) content.get("paragraphs");
    List<Integer> sections = m.sections();
    for (int s = 1; s < sections.size(); s++) {
      int i = sections.get(s) - 1;
      ObjectNode p = ps.get(i).isObject() ? (ObjectNode) ps.get(i) : ps.objectNode().put("text", ps.get(i).asText());
      p.put("page_break", true);
      ps.set(i, p);
    }
    return content;
  }
}
