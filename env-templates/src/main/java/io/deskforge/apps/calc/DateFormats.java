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
 * Dates that show as day numbers: a table of shipments whose Ordered and Shipped columns hold
 * date serials in the General format (45321, ...), which the task formats as dates through Format
 * Cells' format code (Ctrl+1), then save. Difficulty 1 formats the Ordered column; difficulty 2
 * also the Shipped column, with another code. Checked through the saved styles ({@code
 * document_query}): the code of the first, last and a random cell of each asked column (compared
 * without case: LibreOffice saves MM/DD/YYYY as mm/dd/yyyy) and that the columns not asked about
 * stayed General. The codes differ only in the order of day, month and year, so a swapped pair is
 * the near miss.
 */
final class DateFormats extends SeededFamily {
  static final String ID = Calc.NAME + ".date-formats";
  static final List<String> CODES = List.of("MM/DD/YYYY", "DD/MM/YYYY", "YYYY/MM/DD");
  static final List<String> HEADER = List.of("Shipment", "Ordered", "Shipped", "Carrier", "Qty");
  static final List<String> CARRIERS = List.of("DHL", "UPS", "FedEx", "Maersk", "DB Schenker", "Kuehne+Nagel");

  DateFormats() {
    super(ID, Calc.NAME, "give date columns that show day numbers a date format code, then save",
        List.of(
            "The dates in {file} show as plain day numbers. Format {first} (Ordered) with the date format code {code}{second}, leaving Qty (column E) in General. Save the file as .xlsx.",
            "In {file}, make the Ordered column ({first}) display dates using the number format code {code}{second}; Qty stays General. Then save, keeping the .xlsx format.",
            "Apply the date format {code} to the Ordered cells {first} of {file}{second}. Do not change column E (Qty, General). Save the workbook."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 2);
    int n = level == 1 ? d.between(20, 90) : d.between(90, 200);
    String code = d.pick(CODES);
    String other = CODES.get((CODES.indexOf(code) + d.between(1, 2)) % CODES.size());
    String path = "/home/user/" + d.fileStem() + ".xlsx";
    int last = n + 1;

    List<List<String>> rows = new ArrayList<>(List.of(HEADER));
    int id = d.between(1000, 8000);
    int day = d.between(45000, 45600);
    for (int i = 0; i < n; i++) {
      id += d.between(1, 4);
      day += d.between(0, 2);
      rows.add(List.of("SH-" + id, Integer.toString(day), Integer.toString(day + d.between(1, 9)), d.pick(CARRIERS),
          Integer.toString(d.between(1, 400))));
    }
    boolean both = level >= 2;
    String first = "B2:B" + last;
    String secondRange = "C2:C" + last;
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("first", first);
    slots.put("code", code);
    slots.put("second", both ? ", and the Shipped column (" + secondRange + ") with the code " + other : "");

    FamilyTasks t = task(seed);
    t.fact(Fact.inInstruction("code", code));
    t.fact(Fact.inInstruction("general", "General"));
    List<Checker> checks = new ArrayList<>();
    int probe = d.between(3, last - 1);
    for (int row : List.of(2, probe, last)) {
      checks.add(Checker.check(new Getter.DocumentQuery(path, "B" + row + ".number_format"), new Metric.EqualsText(code, false, true)));
    }
    if (both) {
      t.fact(Fact.inInstruction("second_code", other));
      for (int row : List.of(2, last)) {
        checks.add(Checker.check(new Getter.DocumentQuery(path, "C" + row + ".number_format"), new Metric.EqualsText(other, false, true)));
      }
    } else {
      checks.add(Checker.check(new Getter.DocumentQuery(path, "C2.number_format"), new Metric.EqualsText("General", false, false)));
    }
    checks.add(Checker.check(new Getter.DocumentQuery(path, "E2.number_format"), new Metric.EqualsText("General", false, false)));

    List<Action> second = both ? format("C", last, other) : List.of();
    List<Action> solved = concat(format("B", last, code), second);
    FamilyTasks built = t.param("file", path).param("rows", n).param("level", level).param("code", code).param("range", first)
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteSpreadsheet(path, rows))
        .setup(new SetupStep.Launch(Calc.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("each asked column selected from row 2 with Shift+Down, Format Cells (Ctrl+1), the code typed into Format Code, OK, Ctrl+S",
            concat(solved, CalcGui.save(path)))
        .negative("not-saved", "formats the dates right but never saves", solved)
        .negative("one-row-short", "formats the Ordered column down to row " + (last - 1) + " only, and saves",
            concat(format("B", last - 1, code), second, CalcGui.save(path)));
    if (both) {
      built.negative("codes-swapped", "gives Ordered the Shipped code and Shipped the Ordered code, and saves",
          concat(format("B", last, other), format("C", last, code), CalcGui.save(path)));
    } else {
      built.negative("wrong-column", "formats the Shipped column (C) instead of Ordered, and saves",
          concat(format("C", last, code), CalcGui.save(path)));
      built.negative("day-month-swapped", "applies " + other + " instead of " + code + ", and saves",
          concat(format("B", last, other), CalcGui.save(path)));
    }
    return built.build();
  }

  /** The column's cells from row 2 to the last row selected, then its format code through Format Cells. */
  private static List<Action> format(String column, int last, String code) {
    return concat(CalcGui.selectColumn(column, last), CalcGui.formatCode(code));
  }
}
