package io.deskforge.apps.calc;

import io.deskforge.apps.check.CellRef;
import io.deskforge.apps.osworld.EndStateModel;
import io.deskforge.apps.osworld.ScratchHome;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * LibreOffice Calc driven as {@link CalcGui} does, modelled on the opened workbook with POI:
 * Ctrl+Home and arrows move the cursor, Shift+Down and Shift+Right extend the selection, Ctrl+Shift+1,
 * 2 and 5 give it Calc's number, scientific and percent formats, Ctrl+I toggles its italics, typed text up to Return
 * enters the cell (the cursor moves down), Ctrl+D copies the selection's top formula down it
 * (references shifted), the toolbar's sort buttons sort the rows under the header by the cursor's
 * column, Alt+S then S opens Sheet > Insert Sheet (After current sheet, a typed or default name, OK by Return: the new sheet becomes current), Insert > Chart's wizard makes a chart of the selection (its type by place in the list, Finish by
 * Return), Format > Conditional > Condition adds a "cell value is" rule on the selection (operator
 * by place, operand, style by letter, OK by Return), the Styles menu gives the cursor's cell a
 * style's colours, Ctrl+S writes the workbook with its formulas computed. Work never saved is lost.
 */
public final class CalcEndState implements EndStateModel {
  @Override
  public void reCreate(TaskSpec task, Trajectory trajectory, ScratchHome home) {
    String file = EndStateModel.openedFile(task);
    XSSFWorkbook book;
    try {
      book = new XSSFWorkbook(new ByteArrayInputStream(home.readFile(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Sheet sheet = book.getSheetAt(0);
    int column = 0;
    int row = 0;
    int selectionEnd = 0;
    int selectionRight = 0;
    // Sheet > Insert Sheet: the menu opened by Alt+S, the dialog by its S; in the dialog, the name typed (null: the default)
    boolean sheetMenu = false;
    boolean insertDialog = false;
    boolean nameBox = false;
    boolean after = false;
    String sheetName = null;
    // Insert > Chart (Alt+I, C) and its wizard; Format > Conditional > Condition (Alt+O, O, C) and its dialog; the Styles menu (Alt+Y)
    String menu = null;
    boolean wizard = false;
    int chartType = 0;
    boolean conditional = false;
    // the dialog's conditions (operator place, operand, style letter), the last one being edited, and the focused field of it
    // (0 type, 1 operator, 2 value, 3 style, 4 the Add button)
    List<Object[]> conditions = new ArrayList<>();
    int field = 0;
    // Format > Cells (Ctrl+1) on its Numbers tab: the Format Code box focused (Alt+F), and the code in it (null: untouched)
    boolean formatCells = false;
    boolean codeBox = false;
    String code = null;
    for (Action a : trajectory.actions()) {
      if (formatCells) {
        if (a instanceof Action.Key k && k.keys().equals("alt+f")) codeBox = true;
        else if (a instanceof Action.Key k && k.keys().equals("ctrl+a") && codeBox) code = "";
        else if (a instanceof Action.Type t && codeBox && code != null && !t.text().contains("\n")) code += t.text();
        else if (a instanceof Action.Key k && k.keys().equals("Return") && code != null) {
          format(book, sheet, column, Math.max(selectionRight, column), row, selectionEnd, code);
          formatCells = false;
        } else throw EndStateModel.unmodelled(task, trajectory, "in the Format Cells dialog, " + a);
        continue;
      }
      if (menu != null) {
        String key = a instanceof Action.Key k ? k.keys() : null;
        if (menu.equals("insert") && "c".equals(key)) {
          wizard = true;
          chartType = 0;
        } else if (menu.equals("format") && "o".equals(key)) {
          menu = "conditional";
          continue;
        } else if (menu.equals("conditional") && "c".equals(key)) {
          conditional = true;
          field = 0;
          conditions = new ArrayList<>();
          conditions.add(new Object[] {0, "", ""});
        } else if (menu.equals("styles") && key != null && key.length() == 1) {
          cellStyle(book, sheet, column, row, key);
        } else {
          throw EndStateModel.unmodelled(task, trajectory, "in the " + menu + " menu, " + a);
        }
        menu = null;
        continue;
      }
      if (wizard) {
        if (a instanceof Action.Key k && k.keys().matches("Down( Down)*")) chartType += k.keys().split(" ").length;
        else if (a instanceof Action.Key k && k.keys().equals("Return")) {
          chart(sheet, column, Math.max(selectionRight, column), row, selectionEnd, chartType);
          wizard = false;
        } else throw EndStateModel.unmodelled(task, trajectory, "in the Chart Wizard, " + a);
        continue;
      }
      if (conditional) {
        Object[] current = conditions.getLast();
        if (a instanceof Action.Key k && k.keys().equals("Tab")) field++;
        else if (a instanceof Action.Key k && k.keys().equals("shift+Tab") && field > 0) field--;
        else if (a instanceof Action.Key k && k.keys().equals("alt+a")) {
          // Add: a new condition below the others, the focus left on the Add button
          conditions.add(new Object[] {0, "", ""});
          field = 4;
        } else if (a instanceof Action.Key k && field == 1 && k.keys().matches("Down( Down)*")) current[0] = (int) current[0] + k.keys().split(" ").length;
        else if (a instanceof Action.Type t && field == 2) current[1] = current[1] + t.text();
        else if (a instanceof Action.Type t && field == 3) current[2] = t.text();
        else if (a instanceof Action.Key k && k.keys().equals("Return")) {
          for (Object[] c : conditions) conditionalRule(book, sheet, column, row, selectionEnd, (int) c[0], (String) c[1], (String) c[2]);
          conditional = false;
        } else throw EndStateModel.unmodelled(task, trajectory, "in the Conditional Formatting dialog, " + a);
        continue;
      }
      if (sheetMenu) {
        if (!(a instanceof Action.Key k && k.keys().equals("s"))) throw EndStateModel.unmodelled(task, trajectory, "in the Sheet menu, " + a);
        sheetMenu = false;
        insertDialog = true;
        nameBox = false;
        after = false;
        sheetName = null;
        continue;
      }
      if (insertDialog) {
        if (a instanceof Action.Key k && k.keys().equals("alt+a")) after = true;
        else if (a instanceof Action.Key k && k.keys().equals("alt+m")) nameBox = true;
        else if (a instanceof Action.Key k && k.keys().equals("ctrl+a") && nameBox) sheetName = "";
        else if (a instanceof Action.Type t && nameBox && sheetName != null && !t.text().contains("\n")) sheetName += t.text();
        else if (a instanceof Action.Key k && k.keys().equals("Return")) {
          if (!after) throw EndStateModel.unmodelled(task, trajectory, "Insert Sheet before the current sheet");
          sheet = insertSheet(book, sheet, sheetName);
          insertDialog = false;
          column = 0;
          row = 0;
          selectionEnd = 0;
          selectionRight = -1;
        } else throw EndStateModel.unmodelled(task, trajectory, "in the Insert Sheet dialog, " + a);
        continue;
      }
      switch (a) {
        case Action.Key k when k.keys().equals("alt+s") -> sheetMenu = true;
        case Action.Key k when k.keys().equals("alt+i") -> menu = "insert";
        case Action.Key k when k.keys().equals("alt+o") -> menu = "format";
        case Action.Key k when k.keys().equals("alt+y") -> menu = "styles";
        case Action.Key k when k.keys().equals("ctrl+1") -> {
          formatCells = true;
          codeBox = false;
          code = null;
        }
        case Action.Key k when k.keys().equals("Escape") -> { }
        case Action.Key k -> {
          for (String key : k.keys().split(" ")) {
            if (!key.startsWith("shift+") && !key.startsWith("ctrl+shift+") && !key.equals("ctrl+i")) selectionRight = -1;
            switch (key) {
              case "ctrl+Home" -> { column = 0; row = 0; selectionEnd = 0; }
              case "Right" -> { column++; selectionEnd = row; }
              case "Down" -> { row++; selectionEnd = row; }
              case "Up" -> { row = Math.max(0, row - 1); selectionEnd = row; }
              case "shift+Down" -> selectionEnd++;
              case "shift+Right" -> selectionRight = Math.max(selectionRight, column) + 1;
              case "ctrl+shift+1" -> format(book, sheet, column, Math.max(selectionRight, column), row, selectionEnd, "#,##0.00");
              case "ctrl+shift+2" -> format(book, sheet, column, Math.max(selectionRight, column), row, selectionEnd, "0.00E+00");
              case "ctrl+shift+5" -> format(book, sheet, column, Math.max(selectionRight, column), row, selectionEnd, "0.00%");
              case "ctrl+i" -> italic(book, sheet, column, Math.max(selectionRight, column), row, selectionEnd);
              case "ctrl+d" -> fillDown(sheet, column, row, selectionEnd);
              case "ctrl+s" -> save(book, home, file);
              default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key);
            }
          }
        }
        case Action.Type t -> {
          if (!t.text().endsWith("\n")) throw EndStateModel.unmodelled(task, trajectory, "an entry without Return: " + t);
          for (String value : t.text().substring(0, t.text().length() - 1).split("\n", -1)) {
            put(cell(sheet, column, row), value);
            row++;
            selectionEnd = row;
          }
        }
        case Action.Click c when c.y() == 51 && (c.x() == 596 || c.x() == 572) -> sort(sheet, column, c.x() == 596);
        default -> throw EndStateModel.unmodelled(task, trajectory, a);
      }
    }
  }

  /**
   * The Insert Sheet dialog's OK with After current sheet: a new sheet right after the current one,
   * named as typed or, left alone, Calc's default SheetN (the least N above the sheet count no sheet
   * has); it becomes the current and only selected sheet, its cursor on A1.
   */
  private static Sheet insertSheet(XSSFWorkbook book, Sheet current, String typed) {
    String name = typed;
    if (name == null || name.isEmpty()) {
      int n = book.getNumberOfSheets() + 1;
      while (book.getSheet("Sheet" + n) != null) n++;
      name = "Sheet" + n;
    }
    int at = book.getSheetIndex(current) + 1;
    Sheet created = book.createSheet(name);
    book.setSheetOrder(name, at);
    for (int i = 0; i < book.getNumberOfSheets(); i++) book.getSheetAt(i).setSelected(i == at);
    book.setActiveSheet(at);
    return created;
  }

  /** The Chart Wizard's types by place in its list: Column, Bar, Pie, Area, Line. */
  private static final List<org.apache.poi.xddf.usermodel.chart.ChartTypes> CHART_TYPES = List.of(
      org.apache.poi.xddf.usermodel.chart.ChartTypes.BAR, org.apache.poi.xddf.usermodel.chart.ChartTypes.BAR,
      org.apache.poi.xddf.usermodel.chart.ChartTypes.PIE, org.apache.poi.xddf.usermodel.chart.ChartTypes.AREA,
      org.apache.poi.xddf.usermodel.chart.ChartTypes.LINE);

  /**
   * The wizard's Finish on the selection: the first row labels the series, the first column the
   * categories, and each other column is a series of the rows below the first, as Calc makes it.
   */
  private static void chart(Sheet sheet, int left, int right, int top, int bottom, int place) {
    if (place >= CHART_TYPES.size()) throw new IllegalArgumentException("the model knows the wizard's first five chart types only");
    var s = (org.apache.poi.xssf.usermodel.XSSFSheet) sheet;
    var drawing = s.createDrawingPatriarch();
    var chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, right + 2, 1, right + 9, 16));
    var type = CHART_TYPES.get(place);
    var data = type == org.apache.poi.xddf.usermodel.chart.ChartTypes.PIE ? chart.createData(type, null, null)
        : chart.createData(type, chart.createCategoryAxis(org.apache.poi.xddf.usermodel.chart.AxisPosition.BOTTOM),
            chart.createValueAxis(org.apache.poi.xddf.usermodel.chart.AxisPosition.LEFT));
    var categories = org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory.fromStringCellRange(s,
        new org.apache.poi.ss.util.CellRangeAddress(top + 1, bottom, left, left));
    for (int c = left + 1; c <= right; c++) {
      data.addSeries(categories, org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory.fromNumericCellRange(s,
          new org.apache.poi.ss.util.CellRangeAddress(top + 1, bottom, c, c)));
    }
    chart.plot(data);
  }

  /** Calc's cell styles the models use, by the letter that picks them in a list: their background and font colours. */
  private static final java.util.Map<String, String[]> STYLES = java.util.Map.of(
      "b", new String[] {"FFCCCC", "CC0000"}, "g", new String[] {"CCFFCC", "006600"});

  /** The dialog's OK: a "cell value is" rule on the selected cells of the column, its operator by place below "is equal to". */
  private static void conditionalRule(XSSFWorkbook book, Sheet sheet, int column, int top, int bottom, int place, String operand, String style) {
    byte[] operators = {org.apache.poi.ss.usermodel.ComparisonOperator.EQUAL, org.apache.poi.ss.usermodel.ComparisonOperator.LT,
        org.apache.poi.ss.usermodel.ComparisonOperator.GT, org.apache.poi.ss.usermodel.ComparisonOperator.LE,
        org.apache.poi.ss.usermodel.ComparisonOperator.GE, org.apache.poi.ss.usermodel.ComparisonOperator.NOT_EQUAL};
    String[] colours = STYLES.get(style.toLowerCase(java.util.Locale.ROOT));
    if (place >= operators.length || colours == null) throw new IllegalArgumentException("the model knows no operator " + place + " or style " + style);
    var formats = sheet.getSheetConditionalFormatting();
    var rule = formats.createConditionalFormattingRule(operators[place], operand);
    rule.createPatternFormatting().setFillBackgroundColor(new org.apache.poi.xssf.usermodel.XSSFColor(java.util.HexFormat.of().parseHex(colours[0])));
    rule.createFontFormatting().setFontColor(new org.apache.poi.xssf.usermodel.XSSFColor(java.util.HexFormat.of().parseHex(colours[1])));
    formats.addConditionalFormatting(new org.apache.poi.ss.util.CellRangeAddress[] {
        new org.apache.poi.ss.util.CellRangeAddress(Math.min(top, bottom), Math.max(top, bottom), column, column)}, rule);
  }

  /** A cell style from the Styles menu: its background as the cell's own solid fill, its font colour. */
  private static void cellStyle(XSSFWorkbook book, Sheet sheet, int column, int row, String letter) {
    String[] colours = STYLES.get(letter);
    if (colours == null) throw new IllegalArgumentException("the model knows no style " + letter);
    restyle(book, sheet, column, column, row, row, s -> {
      var x = (org.apache.poi.xssf.usermodel.XSSFCellStyle) s;
      x.setFillForegroundColor(new org.apache.poi.xssf.usermodel.XSSFColor(java.util.HexFormat.of().parseHex(colours[0])));
      x.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
    });
  }

  /** Calc's number format shortcuts: the selection's cells get the format, each keeping the rest of its style. */
  private static void format(XSSFWorkbook book, Sheet sheet, int left, int right, int top, int bottom, String code) {
    short id = book.createDataFormat().getFormat(code);
    restyle(book, sheet, left, right, top, bottom, s -> s.setDataFormat(id));
  }

  /** Ctrl+I: italics on for the whole selection when its first cell has none, else off. */
  private static void italic(XSSFWorkbook book, Sheet sheet, int left, int right, int top, int bottom) {
    boolean on = !book.getFontAt(cell(sheet, left, top).getCellStyle().getFontIndex()).getItalic();
    restyle(book, sheet, left, right, top, bottom, s -> {
      var old = book.getFontAt(s.getFontIndex());
      var f = book.createFont();
      f.setFontName(old.getFontName());
      f.setFontHeightInPoints(old.getFontHeightInPoints());
      f.setBold(old.getBold());
      f.setItalic(on);
      s.setFont(f);
    });
  }

  private static void restyle(XSSFWorkbook book, Sheet sheet, int left, int right, int top, int bottom,
      java.util.function.Consumer<org.apache.poi.ss.usermodel.CellStyle> edit) {
    for (int r = Math.min(top, bottom); r <= Math.max(top, bottom); r++) {
      for (int c = left; c <= right; c++) {
        Cell cell = cell(sheet, c, r);
        var style = book.createCellStyle();
        style.cloneStyleFrom(cell.getCellStyle());
        edit.accept(style);
        cell.setCellStyle(style);
      }
    }
  }

  private static Cell cell(Sheet sheet, int column, int row) {
    Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
    return r.getCell(column) == null ? r.createCell(column) : r.getCell(column);
  }

  private static void put(Cell cell, String value) {
    cell.setBlank();
    if (value.startsWith("=")) cell.setCellFormula(excelSyntax(value.substring(1)));
    else if (value.matches("-?[0-9]+(\\.[0-9]+)?")) cell.setCellValue(Double.parseDouble(value));
    else cell.setCellValue(value);
  }

  /**
   * A formula as typed in Calc, in the Excel syntax POI reads: ';' separates arguments, and a
   * reference to another sheet, $Sheet1.B$2 or Sheet1.B2, becomes Sheet1!B$2 (a range's second
   * end, without a sheet, is on the same sheet in both).
   */
  static String excelSyntax(String formula) {
    return formula.replace(';', ',')
        .replaceAll("(?<![A-Za-z0-9_.$])\\$?([A-Za-z_][A-Za-z0-9_]*)\\.(\\$?[A-Za-z]{1,3}\\$?[0-9]+)", "$1!$2");
  }

  /** The top cell's formula into each cell below it, its relative row references shifted. */
  private static void fillDown(Sheet sheet, int column, int top, int bottom) {
    Cell first = cell(sheet, column, top);
    if (first.getCellType() != CellType.FORMULA) throw new IllegalArgumentException("the model fills down formulas only");
    String formula = first.getCellFormula();
    for (int r = top + 1; r <= bottom; r++) {
      int shift = r - top;
      put(cell(sheet, column, r), "=" + shiftRows(formula, shift));
    }
  }

  /** A1-style references without '$' before the row move down by {@code shift} rows. */
  static String shiftRows(String formula, int shift) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\$?[A-Z]{1,3})(\\$?)([0-9]+)").matcher(formula);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int rowNumber = Integer.parseInt(m.group(3));
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + m.group(2) + (m.group(2).isEmpty() ? rowNumber + shift : rowNumber)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The rows under the header (row 1) down to the table's last row, by the cursor's column. */
  private static void sort(Sheet sheet, int column, boolean descending) {
    int width = sheet.getRow(0).getLastCellNum();
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null || row.getCell(0) == null) break;
      List<Object> values = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        Cell cell = row.getCell(c);
        values.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue() : cell.getStringCellValue());
      }
      rows.add(values);
    }
    Comparator<List<Object>> order = Comparator.comparing(v -> v.get(column) instanceof Double d ? String.format("%030.6f", d) : v.get(column).toString());
    rows.sort(descending ? order.reversed() : order);
    for (int i = 0; i < rows.size(); i++) {
      for (int c = 0; c < width; c++) {
        Object v = rows.get(i).get(c);
        Cell cell = cell(sheet, c, i + 1);
        if (v instanceof Double d) cell.setCellValue(d);
        else cell.setCellValue(v.toString());
      }
    }
  }

  private static void save(XSSFWorkbook book, ScratchHome home, String file) {
    book.getCreationHelper().createFormulaEvaluator().evaluateAll();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      book.write(out);
      Files.write(home.host(file), out.toByteArray());
      home.chown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
