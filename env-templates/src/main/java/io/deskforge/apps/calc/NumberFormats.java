package io.deskforge.apps.calc;

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
 * Give the Unit Price column a number format (and, at the higher level, the header row italics),
 * then save. Checked through the saved workbook's styles ({@code document_query}): the format code
 * of the column's first and last cells, the header's italics, and that the Qty column next to it
 * kept the General format (the near miss formats the wrong column). The values themselves do not
 * change; a format shows them differently.
 */
final class NumberFormats extends SeededFamily {
  static final String ID = Calc.NAME + ".number-formats";

  /** A format as the instruction names it, the code LibreOffice saves for it, and its shortcut in Calc. */
  record Format(String words, String code, String keys) {}

  static final List<Format> FORMATS = List.of(
      new Format("two decimals with a thousands separator", "#,##0.00", "ctrl+shift+1"),
      new Format("a percentage with two decimals", "0.00%", "ctrl+shift+5"),
      new Format("scientific notation", "0.00E+00", "ctrl+shift+2"));

  NumberFormats() {
    super(ID, Calc.NAME, "give a column a number format (and the header italics), then save",
        List.of(
            "In {file}, format the Unit Price cells {range} as {words} (format code {code}), leaving Qty in General.{header} Save the file as .xlsx.",
            "The prices in {file} need a number format: apply {code} ({words}) to {range}; the Qty column stays General.{header} Then save, keeping the format.",
            "Make {range} in {file} show {words}, that is the number format {code}, and keep Qty as General.{header} Save the workbook."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 2);
    int n = level == 1 ? d.between(20, 80) : d.between(80, 200);
    Orders orders = Orders.draw(d, n, false);
    Format format = d.pick(FORMATS);
    Format other = FORMATS.get((FORMATS.indexOf(format) + 1 + d.between(0, 1)) % FORMATS.size());
    String path = "/home/user/" + d.fileStem() + ".xlsx";
    int last = orders.lastRow();
    String range = "E2:E" + last;
    boolean italics = level >= 2;

    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("range", range);
    slots.put("words", format.words());
    slots.put("code", format.code());
    slots.put("header", italics ? " Also set the header row A1:E1 in italics." : "");
    FamilyTasks t = task(seed);
    t.fact(Fact.inInstruction("code", format.code()));
    t.fact(Fact.inInstruction("range", range));
    t.fact(Fact.inInstruction("qty_format", "General"));

    List<Checker> checks = new ArrayList<>(List.of(
        Checker.check(new Getter.DocumentQuery(path, "E2.number_format"), new Metric.EqualsText(format.code(), false, false)),
        Checker.check(new Getter.DocumentQuery(path, "E" + last + ".number_format"), new Metric.EqualsText(format.code(), false, false)),
        Checker.check(new Getter.DocumentQuery(path, "D2.number_format"), new Metric.EqualsText("General", false, false))));
    List<Action> header = List.of();
    if (italics) {
      checks.add(Checker.check(new Getter.DocumentQuery(path, "A1.italic"), new Metric.IsTrue()));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "E1.italic"), new Metric.IsTrue()));
      header = italicHeader();
    }
    List<Action> solved = concat(formatColumn("E", last, format), header);
    return t.param("file", path).param("rows", n).param("level", level).param("format", format.code()).param("range", range)
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteSpreadsheet(path, orders.rows()))
        .setup(new SetupStep.Launch(Calc.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("the column selected from E2 with Shift+Down, " + format.keys() + (italics ? ", the header row selected, Ctrl+I" : "")
            + ", Ctrl+S", concat(solved, CalcGui.save(path)))
        .negative("not-saved", "formats everything asked but never saves", solved)
        .negative("wrong-column", "gives the Qty column (D) the format instead, and saves",
            concat(formatColumn("D", last, format), header, CalcGui.save(path)))
        .negative("one-row-short", "formats E2:E" + (last - 1) + " only, and saves",
            concat(formatColumn("E", last - 1, format), header, CalcGui.save(path)))
        .negative("other-format", "applies " + other.words() + " (" + other.code() + ") instead, and saves",
            concat(formatColumn("E", last, other), header, CalcGui.save(path)))
        .build();
  }

  /** The column's cells from row 2 to the last row selected, then the format's shortcut. */
  static List<Action> formatColumn(String column, int last, Format format) {
    List<Action> out = new ArrayList<>(CalcGui.goTo(column + "2"));
    if (last > 2) out.add(Action.key(String.join(" ", java.util.Collections.nCopies(last - 2, "shift+Down"))));
    out.add(Action.key(format.keys()));
    return out;
  }

  /** A1:E1 selected, Ctrl+I. */
  static List<Action> italicHeader() {
    List<Action> out = new ArrayList<>(CalcGui.goTo("A1"));
    out.add(Action.key("shift+Right shift+Right shift+Right shift+Right"));
    out.add(Action.key("ctrl+i"));
    return out;
  }
}
