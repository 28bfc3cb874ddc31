package io.deskforge.apps.calc;

import io.deskforge.apps.family.FamilyTasks;
import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.apps.family.Vocabulary;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conditional formatting: every Amount (column E) above a threshold gets a background colour by a
 * rule, not by hand, then save. Checked by what the saved rules give each cell as its value is now
 * ({@code E7.conditional_fill}): the colour on the amounts just above the threshold and on the
 * largest, none on the amount equal to it, just below it or the smallest. A fill given to the cells
 * by hand looks the same on screen but is no rule and reads as none; a threshold off by one leaves
 * the amount just above it uncoloured (or colours the one equal to it). Difficulty is the table's
 * size (20-60 orders, then 100-200). The colours are those of Calc's own cell styles, so the
 * conditional dialog's Apply Style list gives them.
 */
final class ConditionalFormat extends SeededFamily {
  static final String ID = Calc.NAME + ".conditional-format";
  static final List<String> HEADER = List.of("Order", "Region", "Product", "Qty", "Amount");

  /** A colour as the instruction names it, its RRGGBB, and the Calc cell style that has it as background. */
  record Colour(String words, String rgb, String style) {}

  static final List<Colour> COLOURS = List.of(
      new Colour("light red", "FFCCCC", "Bad"),
      new Colour("light green", "CCFFCC", "Good"));

  ConditionalFormat() {
    super(ID, Calc.NAME, "highlight the amounts above a threshold with a conditional format rule, then save",
        List.of(
            "In {file}, give every Amount in {range} that is greater than {threshold} a {words} background (#{rgb}) using conditional formatting, so the highlight follows the values if they change.{second} Save the .xlsx file.",
            "Add a conditional formatting rule to {range} of {file}: cells whose value is greater than {threshold} get the background colour #{rgb} ({words}; Calc's \"{style}\" cell style has it).{second} Then save the workbook, keeping .xlsx.",
            "Orders over {threshold} should stand out in {file}: set up a rule on the Amount column ({range}) that paints cells greater than {threshold} {words} (#{rgb}).{second} Do it with Format > Conditional, not by colouring cells by hand, and save."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 3);
    int n = level == 2 ? d.between(100, 200) : d.between(20, 60);
    int above = level == 2 ? d.between(8, 12) : d.between(4, 7);
    int threshold = d.pick(List.of(250, 300, 400, 500, 600, 750));
    Colour colour = d.pick(COLOURS);
    // the third level adds a second rule: amounts less than a low mark get the other colour
    boolean two = level == 3;
    Colour other = COLOURS.get(1 - COLOURS.indexOf(colour));
    int low = d.pick(List.of(60, 80, 100, 120));
    // rows: one exactly at the threshold, one just above, one just below; 'above' in all over it
    Set<Integer> rowsAbove = new HashSet<>();
    while (rowsAbove.size() < above) rowsAbove.add(d.between(0, n - 1));
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < n; i++) if (!rowsAbove.contains(i)) others.add(i);
    int justAbove = d.pick(new ArrayList<>(rowsAbove));
    int equal = others.get(d.between(0, others.size() - 1));
    int justBelow;
    do justBelow = others.get(d.between(0, others.size() - 1)); while (justBelow == equal);
    int lowEqual;
    do lowEqual = others.get(d.between(0, others.size() - 1)); while (lowEqual == equal || lowEqual == justBelow);
    int justUnder;
    do justUnder = others.get(d.between(0, others.size() - 1)); while (justUnder == equal || justUnder == justBelow || justUnder == lowEqual);
    List<String> nouns = Vocabulary.section("noun");
    List<List<String>> rows = new ArrayList<>(List.of(HEADER));
    List<String> amounts = new ArrayList<>();
    Set<String> used = new HashSet<>();
    int id = d.between(10000, 60000);
    for (int i = 0; i < n; i++) {
      String amount;
      if (i == justAbove) amount = threshold + "." + d.between(1, 9) + d.pick(List.of("3", "7"));
      else if (i == equal) amount = Integer.toString(threshold);
      else if (i == justBelow) amount = (threshold - 1) + "." + d.between(1, 9) + d.pick(List.of("3", "7"));
      else if (two && i == lowEqual) amount = Integer.toString(low);
      else if (two && i == justUnder) amount = (low - 1) + "." + d.between(1, 9) + d.pick(List.of("3", "7"));
      else {
        do {
          amount = rowsAbove.contains(i) ? d.between(threshold + 2, threshold * 3) + "." + d.between(1, 9) + d.pick(List.of("1", "9"))
              : d.between(5, threshold - 2) + "." + d.between(1, 9) + d.pick(List.of("1", "9"));
        } while (!used.add(amount));
      }
      amounts.add(amount);
      id += d.between(1, 3);
      rows.add(List.of("SO-" + id, d.pick(Orders.REGIONS), TaskDraw.capitalize(d.pick(nouns)), Integer.toString(d.between(1, 60)), amount));
    }
    String path = "/home/user/" + d.fileStem() + ".xlsx";
    int last = n + 1;
    String range = "E2:E" + last;
    int largest = 0;
    int smallest = 0;
    for (int i = 0; i < n; i++) {
      if (Double.parseDouble(amounts.get(i)) > Double.parseDouble(amounts.get(largest))) largest = i;
      if (Double.parseDouble(amounts.get(i)) < Double.parseDouble(amounts.get(smallest))) smallest = i;
    }

    FamilyTasks t = task(seed);
    t.fact(Fact.inInstruction("fill", colour.rgb()));
    t.fact(Fact.inInstruction("threshold", Integer.toString(threshold)));
    t.fact(Fact.inInstruction("range", range));
    List<Checker> checks = new ArrayList<>();
    List<Integer> coloured = new ArrayList<>(List.of(justAbove));
    if (largest != justAbove) coloured.add(largest);
    for (int i : coloured) {
      checks.add(Checker.check(new Getter.DocumentQuery(path, "E" + (i + 2) + ".conditional_fill"), new Metric.EqualsText(colour.rgb(), false, false)));
    }
    List<Integer> plain = new ArrayList<>(List.of(equal, justBelow));
    if (!plain.contains(smallest)) plain.add(smallest);
    if (two) {
      t.fact(Fact.inInstruction("fill_low", other.rgb()));
      t.fact(Fact.inInstruction("low", Integer.toString(low)));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "E" + (justUnder + 2) + ".conditional_fill"), new Metric.EqualsText(other.rgb(), false, false)));
      checks.add(Checker.check(new Getter.DocumentQuery(path, "E" + (lowEqual + 2) + ".conditional_fill"), new Metric.NotContains(other.rgb(), false)));
    }
    for (int i : plain) {
      checks.add(Checker.check(new Getter.DocumentQuery(path, "E" + (i + 2) + ".conditional_fill"), new Metric.NotContains(colour.rgb(), false)));
    }
    // the amounts themselves stay as they were
    List<List<String>> column = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      t.fact(Fact.inFile("E" + (i + 2), amounts.get(i), path));
      column.add(List.of(amounts.get(i)));
    }
    checks.add(Checker.check(new Getter.SpreadsheetRange(path, null, range), new Metric.RowsEqual(column)));

    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("range", range);
    slots.put("threshold", Integer.toString(threshold));
    slots.put("words", colour.words());
    slots.put("rgb", colour.rgb());
    slots.put("style", colour.style());
    slots.put("second", two ? " Also add a second rule on the same cells: amounts less than " + low + " get a " + other.words() + " background (#"
        + other.rgb() + ")." : "");
    List<Action> lowRule = two ? CalcGui.addCondition(CalcGui.LESS_THAN, Integer.toString(low), other.style()) : List.of();
    List<Action> solved = CalcGui.conditionalFormat(last, CalcGui.GREATER_THAN, Integer.toString(threshold), colour.style(), lowRule);
    List<Action> byHand = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double amount = Double.parseDouble(amounts.get(i));
      if (amount > threshold) byHand.addAll(CalcGui.cellStyle("E" + (i + 2), colour.style()));
      if (two && amount < low) byHand.addAll(CalcGui.cellStyle("E" + (i + 2), other.style()));
    }
    FamilyTasks built = t.param("file", path).param("rows", n).param("level", level).param("threshold", threshold).param("fill", colour.rgb())
        .instruction(instruction(d, slots))
        .setup(new SetupStep.WriteSpreadsheet(path, rows))
        .setup(new SetupStep.Launch(Calc.NAME, List.of(path)))
        .checker(Checker.all(checks.toArray(Checker[]::new)))
        .solution("E2 to the last amount selected with Shift+Down, Format > Conditional > Condition, greater than " + threshold
            + " with the " + colour.style() + " cell style, OK, Ctrl+S", concat(solved, CalcGui.save(path)))
        .negative("not-saved", "adds the right rule but never saves", solved)
        .negative("filled-by-hand", "gives each amount above " + threshold + " the " + colour.style()
            + " style itself (the same colour now, but it does not follow the values), and saves", concat(byHand, CalcGui.save(path)))
        .negative("wrong-threshold", "adds the rule with " + (threshold + 1) + " as the threshold, and saves",
            concat(CalcGui.conditionalFormat(last, CalcGui.GREATER_THAN, Integer.toString(threshold + 1), colour.style(), lowRule), CalcGui.save(path)))
        .negative("or-equal", "adds the rule as greater than or equal to " + threshold + ", and saves",
            concat(CalcGui.conditionalFormat(last, CalcGui.GREATER_OR_EQUAL, Integer.toString(threshold), colour.style(), lowRule), CalcGui.save(path)));
    if (two) {
      built.negative("low-rule-missing", "adds the first rule only, and saves",
          concat(CalcGui.conditionalFormat(last, CalcGui.GREATER_THAN, Integer.toString(threshold), colour.style(), List.of()), CalcGui.save(path)));
    }
    return built.build();
  }
}
