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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fill down one formula with an absolute reference: each order's Unit Price converted by the
 * exchange rate in I1 into a new column F ({@code =E2*$I$1}, filled down), then save. Checked on
 * every value of the column, on the first row's formula as the instruction gives it, and on the
 * last and a random row's formulas still pointing at {@code $I$1} (typed numbers, or a relative
 * reference that slid down to I2, I3, ..., fail). Difficulty sets the table's size (20-60, 60-120,
 * 120-200 orders).
 */
final class FillDown extends SeededFamily {
  static final String ID = Calc.NAME + ".fill-down";
  static final String RATE_CELL = "$I$1";

  FillDown() {
    super(ID, Calc.NAME, "fill one formula with an absolute reference down a new column (prices converted by a rate), then save",
        List.of(
            "In {file}, the exchange rate to {currency} is in cell I1. Add a column headed {header} in F1 and fill {range} with each order's Unit Price times that rate: enter {formula} in F2 and fill it down (the reference {rate} must stay fixed). Save the .xlsx file.",
            "Convert the unit prices of {file} to {currency}: put {header} in F1, then {formula} in F2, filled down through {range} so every row multiplies its own Unit Price by {rate}. Keep the .xlsx format and save.",
            "{file} needs a {header} column: in {range}, every order's Unit Price multiplied by the rate in I1 ({rate}), as one formula ({formula} in F2) filled down to the last order, with the header {header} in F1. Then save the spreadsheet."));
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
    String currency = d.pick(List.of("EUR", "GBP", "CHF", "CAD"));
    String header = d.pick(List.of("Price " + currency, "Unit Price " + currency, currency + " Price"));
    String rate = Derivation.number(new BigDecimal("0." + d.between(5000, 9899) + d.pick(List.of("1", "3", "7", "9"))));
    String path = "/home/user/" + d.fileStem() + ".xlsx";
    int last = orders.lastRow();
    String range = "F2:F" + last;
    String formula = "=E2*" + RATE_CELL;

    List<List<String>> rows = new ArrayList<>();
    for (List<String> row : orders.rows()) rows.add(new ArrayList<>(row));
    rows.get(0).addAll(List.of("", "", "Rate to " + currency, rate));

    FamilyTasks t = task(seed);
    t.fact(Fact.inFile("rate", rate, path));
    List<List<String>> converted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int row = i + 2;
      t.fact(Fact.inFile("E" + row, orders.prices().get(i), path));
      String value = Derivation.PRODUCT.apply(List.of(orders.prices().get(i), rate));
      t.fact(Fact.derived("F" + row, value, Derivation.PRODUCT, "E" + row, "rate"));
      converted.add(List.of(value));
    }
    int probe = d.between(3, last - 1);
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("currency", currency);
    slots.put("header", header);
    slots.put("range", range);
    slots.put("formula", formula);
    slots.put("rate", RATE_CELL);
    t.fact(Fact.inInstruction("header", header));
    t.fact(Fact.inInstruction("formula", formula));
    t.fact(Fact.inInstruction("rate_cell", RATE_CELL));

    Checker checks = Checker.all(
        Checker.check(new Getter.SpreadsheetCell(path, null, "F1"), new Metric.EqualsText(header, true, false)),
        Checker.check(new Getter.SpreadsheetRange(path, null, range), new Metric.RowsEqual(converted)),
        Checker.check(new Getter.DocumentQuery(path, "F2.formula"), new Metric.EqualsText(formula, true, true)),
        Checker.check(new Getter.DocumentQuery(path, "F" + probe + ".formula"), new Metric.Contains(RATE_CELL, true)),
        Checker.check(new Getter.DocumentQuery(path, "F" + last + ".formula"), new Metric.Contains(RATE_CELL, true)));

    List<Action> head = CalcGui.enter("F1", header);
    List<Action> solved = concat(head, CalcGui.fillDown(range, formula));
    return t.param("file", path).param("rows", n).param("level", level).param("rate", rate).param("range", range)
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteSpreadsheet(path, rows))
        .setup(new SetupStep.Launch(Calc.NAME, List.of(path)))
        .checker(checks)
        .solution("the header, " + formula + " in F2 filled down " + range + " (Shift+Down, Ctrl+D), Ctrl+S", concat(solved, CalcGui.save(path)))
        .negative("not-saved", "fills the column right but never saves", solved)
        .negative("relative-rate", "fills down =E2*I1, whose rate reference slides to I2, I3, ... (only the first row is right), and saves",
            concat(head, CalcGui.fillDown(range, "=E2*I1"), CalcGui.save(path)))
        .negative("one-row-short", "fills the formula down to row " + (last - 1) + " only, and saves",
            concat(head, CalcGui.fillDown("F2:F" + (last - 1), formula), CalcGui.save(path)))
        .negative("qty-converted", "multiplies the Qty column by the rate instead, and saves",
            concat(head, CalcGui.fillDown(range, "=D2*" + RATE_CELL), CalcGui.save(path)))
        .build();
  }
}
