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
 * A chart of a small table of totals by region (A1 down: Region, Units and, at the higher level,
 * Revenue): a bar, pie or line chart of the block, made on Sheet1, then save. Checked on the saved
 * workbook: the sheet's charts are one of the asked kind ({@code Sheet1!charts}), they plot exactly
 * the value columns' cells under the header ({@code Sheet1!chart_ranges}, named in the
 * instruction), and the table itself is unchanged. Difficulty is the number of regions (3-4, then
 * all 5) and of series (one, then two: Units and Revenue, as a bar or line chart).
 */
final class InsertChart extends SeededFamily {
  static final String ID = Calc.NAME + ".insert-chart";

  /** A kind as POI reads it from the saved chart, and its place in the Chart Wizard's type list (Column first). */
  record Kind(String name, int place) {}

  static final Kind BAR = new Kind("bar", 0);
  static final Kind PIE = new Kind("pie", 2);
  static final Kind AREA = new Kind("area", 3);
  static final Kind LINE = new Kind("line", 4);

  InsertChart() {
    super(ID, Calc.NAME, "insert a chart of a region table (its kind and plotted range given), then save",
        List.of(
            "Make a {kind} chart of the table {block} in {file} (on Sheet1, first row as labels): it must plot {series} against the regions in {labels}. Save the workbook as .xlsx afterwards.",
            "{file} holds totals by region in {block} of Sheet1. Insert a chart of type {kind} from that block so that its data series are {series} with the region names {labels} as categories, then save, keeping the format.",
            "Visualize {block} of {file} as a {kind} chart placed on Sheet1, with {series} as the plotted values and {labels} as the category labels. Keep the table as it is and save the file."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 2);
    int k = level == 1 ? d.between(3, 4) : 5;
    int columns = level;
    Kind kind = level == 1 ? d.pick(List.of(BAR, PIE, LINE)) : d.pick(List.of(BAR, LINE));
    // the near miss: a chart that looks close (pie for bar, bar for pie, area for line)
    Kind wrong = kind == BAR ? PIE : kind == PIE ? BAR : AREA;
    List<String> regions = d.distinct(Orders.REGIONS, k);
    List<List<String>> rows = new ArrayList<>();
    rows.add(columns == 1 ? List.of("Region", "Units") : List.of("Region", "Units", "Revenue"));
    for (String region : regions) {
      List<String> row = new ArrayList<>(List.of(region, Integer.toString(d.between(20, 480))));
      if (columns == 2) row.add(d.between(500, 9000) + "." + d.between(10, 99));
      rows.add(row);
    }
    String path = "/home/user/" + d.fileStem() + ".xlsx";
    int last = k + 1;
    String lastColumn = columns == 1 ? "B" : "C";
    String block = "A1:" + lastColumn + last;
    String labels = "A2:A" + last;
    List<String> series = new ArrayList<>(List.of("B2:B" + last));
    if (columns == 2) series.add("C2:C" + last);

    FamilyTasks t = task(seed);
    t.fact(Fact.inInstruction("kind", kind.name()));
    t.fact(Fact.inInstruction("block", block));
    for (int i = 0; i < series.size(); i++) t.fact(Fact.inInstruction("series_" + (i + 1), series.get(i)));
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).size(); c++) t.fact(Fact.inFile("ABC".charAt(c) + Integer.toString(r + 1), rows.get(r).get(c), path));
    }
    Checker check = Checker.all(
        Checker.check(new Getter.DocumentQuery(path, "Sheet1!charts"), new Metric.SetEquals(List.of(kind.name()))),
        Checker.check(new Getter.DocumentQuery(path, "Sheet1!chart_ranges"), new Metric.SetEquals(series)),
        Checker.check(new Getter.SpreadsheetRange(path, "Sheet1", block), new Metric.RowsEqual(rows)));

    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("kind", kind.name());
    slots.put("block", block);
    slots.put("labels", labels);
    slots.put("series", series.size() == 1 ? series.get(0) : series.get(0) + " and " + series.get(1));
    List<Action> solved = CalcGui.insertChart(last, columns, kind.place());
    return t.param("file", path).param("level", level).param("regions", regions).param("kind", kind.name()).param("block", block)
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteSpreadsheet(path, rows))
        .setup(new SetupStep.Launch(Calc.NAME, List.of(path)))
        .checker(check)
        .solution("the block selected from A1 with Shift+arrows, Insert > Chart (Alt+I, C), the " + kind.name()
            + " type picked in the wizard's list by Down, Finish, Escape out of the chart, Ctrl+S", concat(solved, CalcGui.save(path)))
        .negative("not-saved", "makes the right chart but never saves", solved)
        .negative("wrong-kind", "makes a " + wrong.name() + " chart of the block instead, and saves",
            concat(CalcGui.insertChart(last, columns, wrong.place()), CalcGui.save(path)))
        .negative("one-row-short", "charts A1:" + lastColumn + (last - 1) + " (the last region left out), and saves",
            concat(CalcGui.insertChart(last - 1, columns, kind.place()), CalcGui.save(path)))
        .build();
  }
}
