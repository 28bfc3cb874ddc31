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
 * A summary by category: beside the orders, a small block lists 2 to 4 regions (H2 down, "Region"
 * and "Units" headers in H1:I1); each region's total Qty goes next to it in column I (a SUMIF over
 * the table, or the number), then save. Difficulty is the number of regions to total (and the
 * table's size grows with it). The regions' totals are distinct, so swapping two is wrong.
 */
final class RegionTotals extends SeededFamily {
  static final String ID = Calc.NAME + ".region-totals";

  RegionTotals() {
    super(ID, Calc.NAME, "total the Qty of the orders of each listed region into the summary block, then save",
        List.of(
            "In {file}, the block at H1 lists the regions {names} in {regions}. Next to each, in {cells}, put the total Qty of that region's orders, then save the .xlsx file.",
            "Fill in the summary of {file}: cells {cells} must hold the units sold (sum of Qty) for the regions named in {regions} ({names}). Save when done.",
            "For each region listed in {regions} of {file} ({names}), compute the sum of the Qty column over its orders into the cell to its right ({cells}) and save the workbook."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int k = d.between(2, 4);
    int n = d.between(20 + 30 * (k - 2), 60 + 60 * (k - 2));
    Orders orders;
    List<String> listed;
    List<String> totals;
    do {
      orders = Orders.draw(d, n, false);
      listed = d.distinct(Orders.REGIONS, k);
      totals = new ArrayList<>();
      for (String region : listed) {
        List<String> qty = new ArrayList<>();
        for (int i = 0; i < n; i++) if (orders.regions().get(i).equals(region)) qty.add(orders.qty().get(i).toString());
        totals.add(qty.isEmpty() ? "0" : Derivation.SUM.apply(qty));
      }
    } while (totals.stream().distinct().count() < k || totals.contains("0"));
    String path = "/home/user/" + d.fileStem() + ".xlsx";
    int last = orders.lastRow();
    String regionsRange = "H2:H" + (k + 1);
    List<String> cellNames = new ArrayList<>();
    for (int j = 0; j < k; j++) cellNames.add("I" + (j + 2));
    // every cell the checker reads is named, not only a range's corners
    String cells = String.join(", ", cellNames.subList(0, k - 1)) + " and " + cellNames.get(k - 1);

    // the table, with the summary block's labels beside its first rows
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> table = orders.rows();
    for (int r = 0; r < table.size(); r++) {
      List<String> row = new ArrayList<>(table.get(r));
      if (r <= k) {
        row.add("");
        row.add("");
        row.add(r == 0 ? "Region" : listed.get(r - 1));
        if (r == 0) row.add("Units");
      }
      rows.add(row);
    }

    FamilyTasks t = task(seed);
    for (int i = 0; i < n; i++) {
      t.fact(Fact.inFile("B" + (i + 2), orders.regions().get(i), path));
      t.fact(Fact.inFile("D" + (i + 2), orders.qty().get(i).toString(), path));
    }
    List<Checker> checks = new ArrayList<>();
    List<Action> solved = new ArrayList<>();
    List<Action> wrongColumn = new ArrayList<>();
    List<Action> shifted = new ArrayList<>();
    String qtyRange = "D$2:D$" + last;
    String regionRange = "B$2:B$" + last;
    for (int j = 0; j < k; j++) {
      String region = listed.get(j);
      String cell = "I" + (j + 2);
      t.fact(Fact.inFile("H" + (j + 2), region, path));
      List<String> from = new ArrayList<>();
      for (int i = 0; i < n; i++) if (orders.regions().get(i).equals(region)) from.add("D" + (i + 2));
      t.fact(Fact.derived("units_" + region.toLowerCase(java.util.Locale.ROOT), totals.get(j), Derivation.SUM, from.toArray(String[]::new)));
      checks.add(Checker.check(new Getter.SpreadsheetCell(path, null, cell), new Metric.NumberWithin(Double.parseDouble(totals.get(j)), 1e-6)));
      solved.addAll(CalcGui.enter(cell, "=SUMIF(" + regionRange + ";H" + (j + 2) + ";" + qtyRange + ")"));
      wrongColumn.addAll(CalcGui.enter(cell, "=SUMIF(" + regionRange + ";H" + (j + 2) + ";E$2:E$" + last + ")"));
      shifted.addAll(CalcGui.enter(cell, "=SUMIF(" + regionRange + ";H" + ((j + 1) % k + 2) + ";" + qtyRange + ")"));
    }
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("regions", regionsRange);
    slots.put("cells", cells);
    slots.put("names", String.join(", ", listed));
    return t.param("file", path).param("rows", n).param("regions", listed).param("cells", cellNames)
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteSpreadsheet(path, rows))
        .setup(new SetupStep.Launch(Calc.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("a SUMIF over the Region and Qty columns next to each listed region, Ctrl+S",
            concat(solved, CalcGui.save(path)))
        .negative("not-saved", "enters every right formula but never saves", solved)
        .negative("unit-price-summed", "sums the Unit Price column instead of Qty, and saves", concat(wrongColumn, CalcGui.save(path)))
        .negative("regions-shifted", "gives each region the next region's total, and saves", concat(shifted, CalcGui.save(path)))
        .build();
  }
}
