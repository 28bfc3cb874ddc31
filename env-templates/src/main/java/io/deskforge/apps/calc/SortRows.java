package io.deskforge.apps.calc;

import io.deskforge.apps.family.FamilyTasks;
import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Sort the whole table by Qty or Unit Price, largest first (the header stays on top), and save.
 * The key column's values are distinct, so exactly one row order is right. The checker reads every
 * cell of the table. Difficulty sets the table's size (20-200 orders).
 */
final class SortRows extends SeededFamily {
  static final String ID = Calc.NAME + ".sort-rows";

  SortRows() {
    super(ID, Calc.NAME, "sort the table's rows by a numeric column, descending, then save",
        List.of(
            "Sort the orders in {file} ({table}) by {column}, largest first, keeping the header row on top, and save the file.",
            "In {file}, reorder the rows of {table} so that {column} goes from highest to lowest (descending). The header stays in row 1. Save it as .xlsx.",
            "The sheet {file} should list its orders by descending {column}: sort {table} accordingly and save."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int n = d.pick(List.of(d.between(20, 40), d.between(40, 100), d.between(100, 200)));
    Orders orders = Orders.draw(d, n, true);
    boolean byQty = d.chance(0.5);
    String column = byQty ? "Qty" : "Unit Price";
    String keyCell = byQty ? "D2" : "E2";
    String otherCell = byQty ? "E2" : "D2";
    String path = "/home/user/" + d.fileStem() + ".xlsx";
    String table = "A1:E" + orders.lastRow();
    Comparator<Integer> byKey = Comparator.comparing(i -> byQty ? new BigDecimal(orders.qty().get(i)) : new BigDecimal(orders.prices().get(i)));
    List<List<String>> expected = new ArrayList<>(List.of(Orders.HEADER));
    IntStream.range(0, n).boxed().sorted(byKey.reversed()).map(orders::row).forEach(expected::add);

    FamilyTasks t = task(seed);
    List<List<String>> rows = orders.rows();
    String[] letters = {"A", "B", "C", "D", "E"};
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < 5; c++) t.fact(Fact.inFile(letters[c] + (r + 1), rows.get(r).get(c), path));
    }
    String instruction = instruction(d, Map.of("file", tilde(path), "table", table, "column", column));
    return t.param("file", path).param("rows", n).param("column", column).param("range", table)
        .instruction(instruction)
        .fact(Fact.inInstruction("column", column))
        .setup(new SetupStep.WriteSpreadsheet(path, rows))
        .setup(new SetupStep.Launch(Calc.NAME, List.of(path)))
        .checker(Checker.check(new Getter.SpreadsheetRange(path, null, table), new Metric.RowsEqual(expected)))
        .solution("the cursor into the " + column + " column, the toolbar's Sort Descending, Ctrl+S",
            concat(CalcGui.sort(keyCell, true), CalcGui.save(path)))
        .negative("ascending", "sorts by " + column + " smallest first, and saves", concat(CalcGui.sort(keyCell, false), CalcGui.save(path)))
        .negative("wrong-column", "sorts by the other numeric column, descending, and saves",
            concat(CalcGui.sort(otherCell, true), CalcGui.save(path)))
        .negative("not-saved", "sorts correctly but never saves", CalcGui.sort(keyCell, true))
        .build();
  }
}
