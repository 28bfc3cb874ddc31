package io.deskforge.apps.calc;

import io.deskforge.apps.check.CellRef;
import io.deskforge.task.action.Action;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * LibreOffice Calc as a keyboard user drives it, on the grid alone: Ctrl+Home to A1, arrows to a
 * cell, typed text up to Return enters it (the cursor moves down); Shift+arrows select, Ctrl+D
 * fills the top cell's formula down the selection (references shifted row by row); the standard
 * toolbar's sort buttons sort the table around the cursor by the cursor's column, header kept;
 * Ctrl+S saves in the file's own format (the profile answers "keep format" for it).
 *
 * <p>Menus opened by their accelerators are waited for as pop-up windows ({@code wait_menu}), so
 * keys go to the menu once it is up, however slowly it comes. Not the Data menu: keys sent right
 * after Alt+D, before that wait existed, once reached the menu bar before the menu was up (a Sort
 * Descending became Sort Ascending in a replay), and the toolbar's buttons need no menu. The
 * Name Box works, but a replay that used it once lost a whole entry, for a reason not pinned down;
 * the grid's keys are handled in order and have not.
 */
final class CalcGui {
  private CalcGui() {}

  static String windowTitle(String path) {
    return "^" + Pattern.quote(path.substring(path.lastIndexOf('/') + 1)) + " - LibreOffice Calc$";
  }

  /** From A1, Right and Down as many times as the cell's column and row say. */
  static List<Action> goTo(String cell) {
    CellRef ref = CellRef.parse(cell);
    List<Action> out = new ArrayList<>(List.of(Action.key("ctrl+Home")));
    if (ref.column() > 0) out.add(Action.key(repeat("Right", ref.column())));
    if (ref.row() > 0) out.add(Action.key(repeat("Down", ref.row())));
    return out;
  }

  /** Goes to a cell and enters a value or formula. */
  static List<Action> enter(String cell, String content) {
    List<Action> out = new ArrayList<>(goTo(cell));
    out.add(Action.type(content + "\n"));
    return out;
  }

  /** Enters a formula into the range's top cell and fills it down to the range's last row (Ctrl+D). */
  static List<Action> fillDown(String range, String formula) {
    String[] ends = range.split(":");
    int rows = CellRef.parse(ends[1]).row() - CellRef.parse(ends[0]).row();
    List<Action> out = new ArrayList<>(enter(ends[0], formula));
    out.add(Action.key("Up"));
    if (rows > 0) out.add(Action.key(repeat("shift+Down", rows)));
    out.add(Action.key("ctrl+d"));
    return out;
  }

  /** Sort Descending (or Ascending) of the standard toolbar, with the cursor in the key column; its place is fixed by the profile and the 1280x800 screen. */
  static List<Action> sort(String cellInColumn, boolean descending) {
    List<Action> out = new ArrayList<>(goTo(cellInColumn));
    out.add(Action.click(descending ? 596 : 572, 51));
    return out;
  }

  static final String INSERT_SHEET = "^Insert Sheet$";
  static final String FORMAT_CELLS = "^Format Cells$";
  /** How long a dialog may take to come on a loaded host (the default wait is 5 s). */
  static final long DIALOG_MS = 20_000;

  /**
   * Sheet > Insert Sheet... (Alt+S, then S: "Show Sheet..." shares the letter but is disabled
   * while no sheet is hidden), the dialog waited for by its title; After current sheet (Alt+A),
   * the name typed into its Name box (Alt+M), OK by Return. The new sheet is then the current one.
   * The item's key waits for the menu to be up.
   */
  static List<Action> insertSheetAfter(String name) {
    List<Action> out = new ArrayList<>(List.of(Action.key("alt+s"), Action.waitForMenu(1), Action.key("s"),
        new Action.WaitForWindow(INSERT_SHEET, DIALOG_MS), Action.waitMs(1000), Action.key("alt+a")));
    if (name != null) {
      out.add(Action.key("alt+m"));
      out.add(Action.key("ctrl+a"));
      out.add(Action.type(name));
    }
    out.add(Action.key("Return"));
    out.add(Action.waitMs(800));
    return out;
  }

  /** Selects a column's cells from row 2 down to the last row: the cursor to the top one, Shift+Down. */
  static List<Action> selectColumn(String column, int last) {
    List<Action> out = new ArrayList<>(goTo(column + "2"));
    if (last > 2) out.add(Action.key(repeat("shift+Down", last - 2)));
    return out;
  }

  /**
   * Format > Cells (Ctrl+1) on the selection, waited for by its title; on its first tab (Numbers,
   * where a fresh profile opens it) the Format Code box (Alt+F) gets the code typed over its text;
   * OK by Return.
   */
  static List<Action> formatCode(String code) {
    return List.of(Action.key("ctrl+1"), new Action.WaitForWindow(FORMAT_CELLS, DIALOG_MS), Action.waitMs(1000),
        Action.key("alt+f"), Action.key("ctrl+a"), Action.type(code), Action.key("Return"), Action.waitMs(500));
  }

  static final String CHART_WIZARD = "^Chart Wizard$";

  /**
   * A chart of the block from A1 to row {@code last}, column {@code columns} (A is 0): the block
   * selected by Shift+arrows, Insert > Chart (Alt+I, then C, the item's mnemonic), the wizard
   * waited for by its title; its first page's type list has the focus on Column, so Down {@code
   * place} times picks the type; Finish by Return; two Escapes leave the chart's edit mode and
   * select nothing, back on the grid.
   */
  static List<Action> insertChart(int last, int columns, int place) {
    List<Action> out = new ArrayList<>(List.of(Action.key("ctrl+Home")));
    if (last > 1) out.add(Action.key(repeat("shift+Down", last - 1)));
    if (columns > 0) out.add(Action.key(repeat("shift+Right", columns)));
    out.addAll(List.of(Action.key("alt+i"), Action.waitForMenu(1), Action.key("c"), new Action.WaitForWindow(CHART_WIZARD, DIALOG_MS),
        Action.waitMs(1500)));
    if (place > 0) out.add(Action.key(repeat("Down", place)));
    out.addAll(List.of(Action.waitMs(800), Action.key("Return"), Action.waitMs(1500), Action.key("Escape"), Action.waitMs(500),
        Action.key("Escape"), Action.waitMs(500)));
    return out;
  }

  static final String CONDITIONAL = "^Conditional Formatting for .*$";
  /** Places of operators in the conditional dialog's list below "is equal to". */
  static final int LESS_THAN = 1;
  static final int GREATER_THAN = 2;
  static final int GREATER_OR_EQUAL = 4;

  /**
   * A "cell value is" rule on E2 down to row {@code last}: the cells selected by Shift+Down,
   * Format > Conditional > Condition (Alt+O, O, C), the dialog waited for by its title; its first
   * condition's operator list (its items all start "is ...", so no letter picks one) goes Down
   * {@code operator} places from "is equal to" ({@link #GREATER_THAN}, {@link #GREATER_OR_EQUAL}),
   * the value field gets the operand, the Apply Style list the style by its first letter; OK by Return.
   */
  static List<Action> conditionalFormat(int last, int operator, String operand, String style, List<Action> more) {
    List<Action> out = new ArrayList<>(selectColumn("E", last));
    out.addAll(List.of(Action.key("alt+o"), Action.waitForMenu(1), Action.key("o"), Action.waitForMenu(2), Action.key("c"),
        new Action.WaitForWindow(CONDITIONAL, DIALOG_MS), Action.waitMs(1500),
        Action.key("Tab"), Action.key(repeat("Down", operator)), Action.waitMs(500),
        Action.key("Tab"), Action.type(operand), Action.waitMs(500),
        Action.key("Tab"), Action.type(style.substring(0, 1)), Action.waitMs(800)));
    out.addAll(more);
    out.addAll(List.of(Action.key("Return"), Action.waitMs(1000)));
    return out;
  }

  /** In the conditional dialog, after the first condition: Add (Alt+A) a second one and fill it as the first. */
  static List<Action> addCondition(int operator, String operand, String style) {
    return List.of(Action.key("alt+a"), Action.waitMs(1500), Action.key("shift+Tab"), Action.waitMs(300), Action.key("shift+Tab"),
        Action.waitMs(300), Action.key("shift+Tab"), Action.waitMs(300), Action.key(repeat("Down", operator)), Action.waitMs(500),
        Action.key("Tab"), Action.type(operand), Action.waitMs(500), Action.key("Tab"), Action.type(style.substring(0, 1)), Action.waitMs(800));
  }

  /** A cell given a cell style by hand: the cursor to it, Styles menu (Alt+Y), the style's item by its first letter. */
  static List<Action> cellStyle(String cell, String style) {
    List<Action> out = new ArrayList<>(goTo(cell));
    out.addAll(List.of(Action.key("alt+y"), Action.waitForMenu(1), Action.key(style.substring(0, 1).toLowerCase(java.util.Locale.ROOT)),
        Action.waitMs(500)));
    return out;
  }

  static List<Action> save(String path) {
    return List.of(Action.key("ctrl+s"), Action.waitForWindow(windowTitle(path)));
  }

  private static String repeat(String key, int n) {
    return String.join(" ", Collections.nCopies(n, key));
  }
}
