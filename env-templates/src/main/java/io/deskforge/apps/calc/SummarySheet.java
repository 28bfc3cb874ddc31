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
import java.util.Locale;
import java.util.Map;

/**
 * A summary sheet by category: a new sheet named Summary after Sheet1, with the headers Region,
 * Orders and Units in A1:C1 and one row per listed region: its name, its number of orders (a
 * COUNTIF over Sheet1's Region column) and its total Qty (a SUMIF), then save. Difficulty is the
 * number of regions (3, 4 or all 5), and the table grows with it. The regions' unit totals and
 * order counts are distinct, so two regions' rows swapped are wrong. Checked on the workbook's
 * sheets and every cell of the summary block (all named in the instruction). Every region has at least 3 orders, so no count can be
 * mistaken for a number of the instruction (A1, A2, Sheet1).
 */
final class SummarySheet extends SeededFamily {
  static final String ID = Calc.NAME + ".summary-sheet";
  static final String SHEET = "Summary";
  static final List<String> HEADERS = List.of("Region", "Orders", "Units");

  SummarySheet() {
    super(ID, Calc.NAME, "add a summary sheet with one row per region: its order count and total Qty, then save",
        List.of(
            "In {file}, add a new sheet named Summary after Sheet1. In it, put the headers Region, Orders and Units in A1:C1, then one row per region in this order: {names} (from A2 down), so the summary fills {block}. Next to each region, Orders is how many orders of that region Sheet1 lists and Units is the sum of their Qty (COUNTIF and SUMIF over Sheet1 work). Save the .xlsx file.",
            "{file} needs a summary by region on its own sheet: insert a sheet called Summary (after Sheet1) with Region, Orders, Units as the header row (A1:C1) and rows for {names}, in that order starting at A2 (the whole block is {block}), giving each region's number of orders and total Qty from Sheet1. Save it, keeping .xlsx.",
            "Summarize the orders of {file} by region on a new sheet Summary placed after Sheet1: headers Region | Orders | Units in row 1, then {names} in A2 downwards, each with its count of orders and its summed Qty from Sheet1, filling {block}. Then save the workbook."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 3);
    int k = level + 2;
    int n = d.between(30 + 20 * level, 60 + 40 * level);
    Orders orders;
    List<String> listed;
    List<String> units;
    List<String> counts;
    do {
      orders = Orders.draw(d, n, false);
      listed = d.distinct(Orders.REGIONS, k);
      units = new ArrayList<>();
      counts = new ArrayList<>();
      for (String region : listed) {
        List<String> qty = new ArrayList<>();
        for (int i = 0; i < n; i++) if (orders.regions().get(i).equals(region)) qty.add(orders.qty().get(i).toString());
        units.add(qty.isEmpty() ? "0" : Derivation.SUM.apply(qty));
        counts.add(Integer.toString(qty.size()));
      }
    } while (units.stream().distinct().count() < k || counts.stream().distinct().count() < k || units.contains("0")
        || counts.stream().anyMatch(c -> Integer.parseInt(c) < 3));
    String path = "/home/user/" + d.fileStem() + ".xlsx";
    int last = orders.lastRow();

    FamilyTasks t = task(seed);
    for (int i = 0; i < n; i++) {
      t.fact(Fact.inFile("A" + (i + 2), orders.ids().get(i), path));
      t.fact(Fact.inFile("B" + (i + 2), orders.regions().get(i), path));
      t.fact(Fact.inFile("D" + (i + 2), orders.qty().get(i).toString(), path));
    }
    t.fact(Fact.inInstruction("sheet1", "Sheet1"));
    t.fact(Fact.inInstruction("summary", SHEET));
    for (String h : HEADERS) t.fact(Fact.inInstruction("header_" + h.toLowerCase(Locale.ROOT), h));

    List<Checker> checks = new ArrayList<>();
    checks.add(Checker.check(new Getter.DocumentQuery(path, "sheets"), new Metric.SetEquals(List.of("Sheet1", SHEET))));
    List<List<String>> summary = new ArrayList<>(List.of(HEADERS));
    String regionRange = "$Sheet1.B$2:B$" + last;
    String qtyRange = "$Sheet1.D$2:D$" + last;
    List<Action> body = new ArrayList<>();
    List<Action> priceSummed = new ArrayList<>();
    for (int c = 0; c < HEADERS.size(); c++) body.addAll(CalcGui.enter("ABC".charAt(c) + "1", HEADERS.get(c)));
    priceSummed.addAll(body);
    for (int j = 0; j < k; j++) {
      String region = listed.get(j);
      String key = region.toLowerCase(Locale.ROOT);
      int row = j + 2;
      List<String> ids = new ArrayList<>();
      List<String> idValues = new ArrayList<>();
      List<String> qtys = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!orders.regions().get(i).equals(region)) continue;
        ids.add("A" + (i + 2));
        idValues.add(orders.ids().get(i));
        qtys.add("D" + (i + 2));
      }
      t.fact(Fact.inInstruction("region_" + key, region));
      t.fact(Fact.derived("ids_" + key, Derivation.LINES.apply(idValues), Derivation.LINES, ids.toArray(String[]::new)));
      t.fact(Fact.derived("orders_" + key, counts.get(j), Derivation.COUNT_LINES, "ids_" + key));
      t.fact(Fact.derived("units_" + key, units.get(j), Derivation.SUM, qtys.toArray(String[]::new)));
      summary.add(List.of(region, counts.get(j), units.get(j)));
      List<Action> label = CalcGui.enter("A" + row, region);
      List<Action> count = CalcGui.enter("B" + row, "=COUNTIF(" + regionRange + ";A" + row + ")");
      body.addAll(label);
      body.addAll(count);
      body.addAll(CalcGui.enter("C" + row, "=SUMIF(" + regionRange + ";A" + row + ";" + qtyRange + ")"));
      priceSummed.addAll(label);
      priceSummed.addAll(count);
      priceSummed.addAll(CalcGui.enter("C" + row, "=SUMIF(" + regionRange + ";A" + row + ";$Sheet1.E$2:E$" + last + ")"));
    }
    String block = "A1:C" + (k + 1);
    checks.add(Checker.check(new Getter.SpreadsheetRange(path, SHEET, block), new Metric.RowsEqual(summary)));
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("block", block);
    slots.put("names", String.join(", ", listed));
    List<Action> solved = concat(CalcGui.insertSheetAfter(SHEET), body);
    return t.param("file", path).param("rows", n).param("level", level).param("regions", listed)
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteSpreadsheet(path, orders.rows()))
        .setup(new SetupStep.Launch(Calc.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("Sheet > Insert Sheet (after, named " + SHEET + "), the headers, then per region its name, a COUNTIF and a SUMIF over Sheet1, Ctrl+S",
            concat(solved, CalcGui.save(path)))
        .negative("not-saved", "builds the whole summary but never saves", solved)
        .negative("sheet-not-named", "builds the right summary on a new sheet left with its default name, and saves",
            concat(CalcGui.insertSheetAfter(null), body, CalcGui.save(path)))
        .negative("unit-price-summed", "sums the Unit Price column instead of Qty for Units, and saves",
            concat(CalcGui.insertSheetAfter(SHEET), priceSummed, CalcGui.save(path)))
        .build();
  }
}
