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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several typing mistakes to correct: N orders (6, 8 or 10 by difficulty) were entered with a
 * wrong Qty (an extra leading digit) or a wrong Unit Price (the decimal point one place off); the
 * instruction names each order by its number and gives the right value, and the agent finds the
 * row, overwrites the cell and saves. The checker reads every cell of the table, so a value typed
 * into the wrong row or column, or a correction left out, fails, and so does a change anywhere else.
 */
final class FixEntries extends SeededFamily {
  static final String ID = Calc.NAME + ".fix-entries";

  /** One correction: the order's index in the table, whether its Qty (else its Unit Price) is wrong, the right and the wrong value. */
  record Fix(int index, boolean qty, String right, String wrong) {
    String column() {
      return qty ? "D" : "E";
    }

    String words(Orders orders) {
      return orders.ids().get(index) + ": " + (qty ? "Qty" : "Unit Price") + " should be " + right;
    }
  }

  FixEntries() {
    super(ID, Calc.NAME, "correct several mistyped Qty and Unit Price cells found by their order numbers, then save",
        List.of(
            "Some orders in the table {table} of {file} were typed in wrong. Correct them (the order number is in column A): {fixes}. Change nothing else and save the .xlsx file.",
            "Fix these entries of the order table {table} in {file}, finding each order by its number in column A: {fixes}. Save the spreadsheet when done, as .xlsx.",
            "An audit of the orders ({table}) in {file} found {count} typing mistakes. Set the right values: {fixes}. Leave every other cell as it is, then save the workbook."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 3);
    int k = 4 + 2 * level;
    int n = d.between(20 + 30 * (level - 1), 60 + 60 * (level - 1));
    Orders orders = Orders.draw(d, n, false);
    String path = "/home/user/" + d.fileStem() + ".xlsx";
    List<Integer> picked = new ArrayList<>(d.distinct(rangeList(1, n - 1), k));
    List<Fix> fixes = new ArrayList<>();
    for (int index : picked) {
      boolean qty = d.chance(0.5);
      String right = qty ? orders.qty().get(index).toString() : orders.prices().get(index);
      String wrong = qty ? d.between(1, 9) + right
          : Derivation.number(new BigDecimal(right).movePointRight(1));
      fixes.add(new Fix(index, qty, right, wrong));
    }
    // the instruction and the solution go down the table, as a person working through a list would
    fixes.sort(Comparator.comparingInt(Fix::index));

    List<List<String>> start = new ArrayList<>();
    for (List<String> row : orders.rows()) start.add(new ArrayList<>(row));
    for (Fix f : fixes) start.get(f.index() + 1).set(f.qty() ? 3 : 4, f.wrong());

    FamilyTasks t = task(seed);
    String[] letters = {"A", "B", "C", "D", "E"};
    List<List<String>> expected = orders.rows();
    for (int r = 0; r < start.size(); r++) {
      for (int c = 0; c < 5; c++) {
        String cell = letters[c] + (r + 1);
        if (start.get(r).get(c).equals(expected.get(r).get(c))) t.fact(Fact.inFile(cell, expected.get(r).get(c), path));
      }
    }
    List<String> words = new ArrayList<>();
    List<Action> solved = new ArrayList<>();
    List<Action> rowAbove = new ArrayList<>();
    List<Action> wrongColumn = new ArrayList<>();
    for (Fix f : fixes) {
      String cell = f.column() + (f.index() + 2);
      t.fact(Fact.inInstruction("right_" + cell, f.right()));
      t.fact(Fact.inInstruction("order_" + cell, orders.ids().get(f.index())));
      words.add(f.words(orders));
      solved.addAll(CalcGui.enter(cell, f.right()));
      rowAbove.addAll(CalcGui.enter(f.column() + (f.index() + 1), f.right()));
      wrongColumn.addAll(CalcGui.enter((f.qty() ? "E" : "D") + (f.index() + 2), f.right()));
    }
    Fix lastFix = fixes.get(fixes.size() - 1);
    List<Action> allButLast = new ArrayList<>();
    for (Fix f : fixes.subList(0, fixes.size() - 1)) allButLast.addAll(CalcGui.enter(f.column() + (f.index() + 2), f.right()));

    String table = "A1:E" + orders.lastRow();
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("fixes", String.join("; ", words));
    slots.put("count", Integer.toString(k));
    slots.put("table", table);
    return t.param("file", path).param("rows", n).param("level", level).param("fixes", k).param("range", table)
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteSpreadsheet(path, start))
        .setup(new SetupStep.Launch(Calc.NAME, List.of(path)))
        .checker(Checker.check(new Getter.SpreadsheetRange(path, null, table), new Metric.RowsEqual(expected)))
        .solution("for each listed order, the cursor to its Qty or Unit Price cell and the right value typed over it, Ctrl+S",
            concat(solved, CalcGui.save(path)))
        .negative("not-saved", "types every correction but never saves", solved)
        .negative("row-above", "types each right value into the row above the order's, and saves", concat(rowAbove, CalcGui.save(path)))
        .negative("other-column", "types each right value into the order's other numeric column, and saves", concat(wrongColumn, CalcGui.save(path)))
        .negative("one-left", "corrects all but " + orders.ids().get(lastFix.index()) + ", and saves", concat(allButLast, CalcGui.save(path)))
        .build();
  }

  private static List<Integer> rangeList(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i <= to; i++) out.add(i);
    return out;
  }
}
