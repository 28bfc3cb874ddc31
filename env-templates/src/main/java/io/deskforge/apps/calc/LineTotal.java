package io.deskforge.apps.calc;

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
 * A new column of line totals (Qty × Unit Price) with a formula filled down the whole table, and
 * from difficulty 2 a grand total under it, then save. Difficulty 1-3 also sets the table's size
 * (20-60, 60-120, 120-200 orders).
 */
final class LineTotal extends SeededFamily {
  static final String ID = Calc.NAME + ".line-total";

  LineTotal() {
    super(ID, Calc.NAME, "add a Total column computed from Qty and Unit Price for every order, then save",
        List.of(
            "In {file}, add a column with the header {header} in {head} and, in {range}, each order's Qty times its Unit Price (a formula filled down).{grand} Save the file as it is (.xlsx).",
            "Open sheet {file} needs line totals: put {header} in cell {head}, then fill {range} with Qty multiplied by Unit Price for every row.{grand} Keep the .xlsx format and save.",
            "For every order in {file}, compute Qty * Unit Price into column F ({range}), headed {header} in {head}.{grand} Then save the spreadsheet."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 3);
    int n = switch (level) {
      case 1 -> d.between(20, 60);
      case 2 -> d.between(60, 120);
      default -> d.between(120, 200);
    };
    Orders orders = Orders.draw(d, n, false);
    String header = d.pick(List.of("Total", "Line Total", "Amount", "Revenue"));
    String path = "/home/user/" + d.fileStem() + ".xlsx";
    int last = orders.lastRow();
    String range = "F2:F" + last;
    String grandCell = "F" + (last + 1);
    boolean grand = level >= 2;
    FamilyTasks t = task(seed);
    List<List<String>> totals = new ArrayList<>();
    List<String> totalFacts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int row = i + 2;
      t.fact(Fact.inFile("D" + row, orders.qty().get(i).toString(), path));
      t.fact(Fact.inFile("E" + row, orders.prices().get(i), path));
      String product = Derivation.PRODUCT.apply(List.of(orders.qty().get(i).toString(), orders.prices().get(i)));
      t.fact(Fact.derived("F" + row, product, Derivation.PRODUCT, "D" + row, "E" + row));
      totals.add(List.of(product));
      totalFacts.add("F" + row);
    }
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("header", header);
    slots.put("head", "F1");
    slots.put("range", range);
    slots.put("grand", grand ? " Below it, in " + grandCell + ", put the sum of " + range + "." : "");
    String instruction = instruction(d, slots);

    List<Checker> checks = new ArrayList<>();
    checks.add(Checker.check(new Getter.SpreadsheetCell(path, null, "F1"), new Metric.EqualsText(header, true, false)));
    checks.add(Checker.check(new Getter.SpreadsheetRange(path, null, range), new Metric.RowsEqual(totals)));
    String formula = "=D2*E2";
    List<Action> grandActions = List.of();
    if (grand) {
      String sum = Derivation.SUM.apply(totals.stream().map(r -> r.get(0)).toList());
      t.fact(Fact.derived("grand_total", sum, Derivation.SUM, totalFacts.toArray(String[]::new)));
      t.fact(Fact.inInstruction("grand_cell", grandCell));
      checks.add(Checker.check(new Getter.SpreadsheetCell(path, null, grandCell), new Metric.NumberWithin(Double.parseDouble(sum), 1e-6)));
      grandActions = CalcGui.enter(grandCell, "=SUM(" + range + ")");
    }
    List<Action> header1 = CalcGui.enter("F1", header);
    List<Action> solved = concat(header1, CalcGui.fillDown(range, formula), grandActions);
    return t.param("file", path).param("rows", n).param("level", level).param("header", header).param("range", range)
        .instruction(instruction)
        .fact(Fact.inInstruction("header", header))
        .setup(new SetupStep.WriteSpreadsheet(path, orders.rows()))
        .setup(new SetupStep.Launch(Calc.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("the header, " + formula + " filled down " + range + " (Ctrl+D)"
            + (grand ? ", a SUM under it" : "") + ", Ctrl+S", concat(solved, CalcGui.save(path)))
        .negative("not-saved", "does all the work but never saves", solved)
        .negative("one-row-short", "fills the formula down to row " + (last - 1) + " only, and saves",
            concat(header1, CalcGui.fillDown("F2:F" + (last - 1), formula), grandActions, CalcGui.save(path)))
        .negative("wrong-column", "computes the right totals one column too far right (G), and saves",
            concat(CalcGui.enter("G1", header), CalcGui.fillDown("G2:G" + last, formula),
                grand ? CalcGui.enter("G" + (last + 1), "=SUM(G2:G" + last + ")") : List.of(), CalcGui.save(path)))
        .negative("sum-not-product", "adds Qty and Unit Price instead of multiplying them, and saves",
            concat(header1, CalcGui.fillDown(range, "=D2+E2"), grandActions, CalcGui.save(path)))
        .build();
  }
}
