package io.deskforge.apps.calc;

import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.check.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The {@code document_query} language of .xlsx workbooks: one cell's property ({@code B7.formula},
 * {@code Summary!B2.number_format}), or a sheet's ({@code sheets}, {@code Sheet1!charts}). What
 * each reads, and how the audit changes it so that a checker asking it must notice:
 *
 * <ul>
 *   <li>{@code CELL.value}: the value as the sheet shows it; changed by one.
 *   <li>{@code CELL.formula}: the formula with its '=' (absent when the cell holds none); replaced by its own value.
 *   <li>{@code CELL.number_format}: the format code ({@code #,##0.00}); reset to General (General becomes {@code 0.00}).
 *   <li>{@code CELL.bold}, {@code CELL.italic}: flags; toggled.
 *   <li>{@code CELL.fill}: the solid fill as RRGGBB (absent when none); removed.
 *   <li>{@code CELL.conditional_fill}: the fill the sheet's conditional formats give the cell as its
 *       value is now (RRGGBB, {@code none} when no rule applies); changed as {@code conditional_formats} is.
 *   <li>{@code CELL.font}: the font's name. {@code CELL.align}: general, left, center, right, ...
 *   <li>{@code sheets}: the sheets' names in tab order; the last one removed (renamed when it is the only one).
 *   <li>{@code charts}: the kinds of data the sheet's charts plot ({@code bar}, {@code pie});
 *       {@code chart_ranges}: the ranges they plot as values ({@code B2:B6}, the sheet named only when it is another).
 *   <li>{@code conditional_formats}: each conditional formatting rule as its range, test and fill
 *       ({@code E2:E51 greater_than 500 FFCCCC}); the last rule removed, and the first comparison's
 *       operand changed by one.
 * </ul>
 */
record XlsxQuery(String sheet, String cell, String property) {
  private static final Pattern CELL = Pattern.compile(
      "(?:(?<sheet>[^!]{1,31})!)?(?<cell>\\$?[A-Za-z]{1,3}\\$?[0-9]{1,7})\\.(?<prop>value|formula|number_format|bold|italic|fill|conditional_fill|font|align)");
  private static final Pattern SHEET = Pattern.compile("(?:(?<sheet>[^!]{1,31})!)?(?<prop>sheets|charts|chart_ranges|conditional_formats)");

  static final String GUIDE = """
      write_document content: {"rows": [["Region", "Sales"], ["North", "12.5"], ...]} (first sheet; '=' starts a formula)
      document_query: CELL.value | CELL.formula | CELL.number_format | CELL.bold | CELL.italic | CELL.fill | CELL.conditional_fill | CELL.font | CELL.align,
        with CELL as B7 or Summary!B7 (e.g. "C2.formula" reads =A2*B2, "Summary!B2.number_format" reads #,##0.00,
        "A1.fill" reads FFFF00); CELL.conditional_fill (the fill conditional formatting gives the cell now, or none); sheets (the sheets' names); Sheet1!charts (bar, line, pie, ...); Sheet1!chart_ranges (B2:B6, or Other!B2:B6);
        Sheet1!conditional_formats (each rule as RANGE TEST FILL: "E2:E51 greater_than 500 FFCCCC")""";

  /** The query parsed, or an {@link IllegalArgumentException} naming what is wrong. */
  static XlsxQuery parse(String query) {
    String q = query == null ? "" : query.strip();
    Matcher m = CELL.matcher(q);
    if (m.matches()) return new XlsxQuery(m.group("sheet"), m.group("cell").replace("$", "").toUpperCase(Locale.ROOT), m.group("prop"));
    m = SHEET.matcher(q);
    if (m.matches()) {
      if (m.group("prop").equals("sheets") && m.group("sheet") != null) throw new IllegalArgumentException("'sheets' names a workbook's sheets; ask it without a sheet");
      return new XlsxQuery(m.group("sheet"), null, m.group("prop"));
    }
    throw new IllegalArgumentException("not an .xlsx query: '" + query + "'; ask CELL.value, CELL.formula, CELL.number_format, CELL.bold,"
        + " CELL.italic, CELL.fill, CELL.conditional_fill, CELL.font or CELL.align (CELL as B7 or Sheet2!B7), sheets, charts, chart_ranges or conditional_formats");
  }

  Reading read(XlsxWorkbook wb) {
    return switch (property) {
      case "value" -> Reading.text(wb.value(sheet, cell));
      case "formula" -> orAbsent(wb.formula(sheet, cell));
      case "number_format" -> Reading.text(wb.numberFormat(sheet, cell));
      case "bold" -> Reading.flag(wb.bold(sheet, cell));
      case "italic" -> Reading.flag(wb.italic(sheet, cell));
      case "fill" -> orAbsent(wb.fill(sheet, cell));
      case "conditional_fill" -> Reading.text(wb.conditionalFill(sheet, cell));
      case "font" -> Reading.text(wb.fontName(sheet, cell));
      case "align" -> Reading.text(wb.alignment(sheet, cell));
      case "sheets" -> Reading.items(wb.sheetNames());
      case "charts" -> Reading.items(wb.charts(sheet));
      case "chart_ranges" -> Reading.items(wb.chartRanges(sheet));
      case "conditional_formats" -> Reading.items(wb.conditionalFormats(sheet));
      default -> throw new IllegalStateException(property);
    };
  }

  private static Reading orAbsent(String s) {
    return s == null ? Reading.absent() : Reading.text(s);
  }

  /**
   * OSWorld's check of the same meaning, where there is one: {@code compare_table} on the file
   * fetched with {@code vm_file}, one {@code check_cell} rule whose property openpyxl reads as POI
   * does here (number_format, bold, italic, font), compared by {@code eq} with the expected text or
   * flag. The value (OSWorld reads it unformatted), the formula, the fill (ARGB there) and the sheet
   * queries have none yet.
   */
  java.util.Optional<io.deskforge.task.export.ExportCatalog.OsworldCheck> osworldCheck(String path, io.deskforge.task.spec.Metric metric) {
    String prop = switch (property) {
      case "number_format" -> "number_format";
      case "bold" -> "font_bold";
      case "italic" -> "font_italic";
      case "font" -> "font_name";
      default -> null;
    };
    if (prop == null) return java.util.Optional.empty();
    boolean flag = prop.equals("font_bold") || prop.equals("font_italic");
    com.fasterxml.jackson.databind.node.JsonNodeFactory json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    com.fasterxml.jackson.databind.node.ObjectNode rule = json.objectNode().put("method", "eq");
    switch (metric) {
      case io.deskforge.task.spec.Metric.EqualsText e when !flag && !e.trim() && !e.ignoreCase() -> rule.put("ref", e.expected());
      case io.deskforge.task.spec.Metric.IsTrue t when flag -> rule.put("ref", true);
      case io.deskforge.task.spec.Metric.IsFalse f when flag -> rule.put("ref", false);
      default -> {
        return java.util.Optional.empty();
      }
    }
    com.fasterxml.jackson.databind.node.ObjectNode result = json.objectNode().put("type", "vm_file").put("path", path)
        .put("dest", path.substring(path.lastIndexOf('/') + 1));
    com.fasterxml.jackson.databind.node.ObjectNode options = json.objectNode();
    com.fasterxml.jackson.databind.node.ObjectNode check = options.putArray("rules").addObject().put("type", "check_cell");
    if (sheet == null) check.put("sheet_idx", 0);
    else check.put("sheet_idx", "RN" + sheet);
    check.put("coordinate", cell);
    check.putObject("props").set(prop, rule);
    return java.util.Optional.of(new io.deskforge.task.export.ExportCatalog.OsworldCheck("compare_table", result, null, options));
  }

  /**
   * The query as vm_reader.py reads it on OSWorld's VM, where it reads as {@link #read} does: a
   * cell's value (strings, booleans, errors, and numbers in General format as {@link
   * XlsxWorkbook#plain} prints them; a number shown through another format reads as unreadable
   * there, since POI's DataFormatter has no faithful Python form), formula, bold, italic, font,
   * number format (the workbook's own code, else the built-in one POI names; an id that is neither
   * fails closed), and the sheets, the charts' kinds and plotted ranges, and the fill a cell gets from
   * "cell value is" rules with number operands (any other rule fails closed there). The fill,
   * alignment and the rules' list have none yet. (An exact number format goes to compare_table
   * first; a case-blind one, Calc's date codes, comes here: openpyxl reads a date-formatted cell as
   * a date, and OSWorld's check_cell then has no number format for it.)
   */
  java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> vmQuery() {
    if (!List.of("value", "formula", "bold", "italic", "font", "number_format", "sheets", "charts", "chart_ranges", "conditional_fill").contains(property)) {
      return java.util.Optional.empty();
    }
    var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("format", "xlsx");
    var q = out.putObject("q").put("property", property);
    if (sheet != null) q.put("sheet", sheet);
    if (cell != null) {
      io.deskforge.apps.check.CellRef ref = io.deskforge.apps.check.CellRef.parse(cell);
      q.put("column", ref.column()).put("row", ref.row());
    }
    return java.util.Optional.of(out);
  }

  /** The changes to a solved workbook that a checker asking this query must notice. */
  List<DocumentFormat.Mutation> mutations(String path) {
    String where = cell == null ? (sheet == null ? "" : sheet) : (sheet == null ? "" : sheet + "!") + cell;
    List<DocumentFormat.Mutation> out = new ArrayList<>();
    switch (property) {
      case "value" -> out.add(change("value-changed:" + where, path, wb -> {
        Cell c = wb.editable(sheet, cell);
        String now = wb.value(sheet, cell);
        c.setBlank();
        try {
          c.setCellValue(Double.parseDouble(now) + 1);
        } catch (NumberFormatException e) {
          c.setCellValue(now + "x");
        }
      }));
      case "formula" -> out.add(change("formula-replaced-by-value:" + where, path, wb -> {
        // the right number typed in by hand: what a checker of values alone cannot tell apart
        String shown = wb.value(sheet, cell);
        Cell c = wb.editable(sheet, cell);
        c.setBlank();
        try {
          c.setCellValue(Double.parseDouble(shown));
        } catch (NumberFormatException e) {
          c.setCellValue(shown);
        }
      }));
      case "number_format" -> out.add(change("format-changed:" + where, path, wb -> {
        // a format dropped to General, or General given one: either way the query reads another code
        boolean general = "General".equals(wb.numberFormat(sheet, cell));
        restyle(wb, sheet, cell, s -> s.setDataFormat((short) (general ? 2 : 0)));
      }));
      case "bold" -> out.add(change("style-dropped:" + where, path, wb -> font(wb, sheet, cell, f -> f.setBold(!f.getBold()))));
      case "italic" -> out.add(change("style-dropped:" + where, path, wb -> font(wb, sheet, cell, f -> f.setItalic(!f.getItalic()))));
      case "fill" -> out.add(change("fill-dropped:" + where, path, wb -> restyle(wb, sheet, cell, s -> s.setFillPattern(FillPatternType.NO_FILL))));
      case "sheets" -> out.add(change("sheet-removed", path, wb -> {
        XSSFWorkbook book = wb.book();
        if (book.getNumberOfSheets() > 1) book.removeSheetAt(book.getNumberOfSheets() - 1);
        else book.setSheetName(0, book.getSheetName(0) + "x");
      }));
      case "conditional_formats", "conditional_fill" -> {
        String rules = sheet == null ? "first-sheet" : sheet;
        out.add(change("rule-removed:" + rules, path, wb -> {
          var formats = wb.conditionalSheet(sheet).getSheetConditionalFormatting();
          int n = formats.getNumConditionalFormattings();
          if (n == 0) throw new IllegalStateException("the sheet has no conditional format to remove");
          formats.removeConditionalFormatting(n - 1);
        }));
        out.add(change("operand-changed:" + rules, path, wb -> {
          // the threshold off by one: a rule that looks the same and tests another value
          var formats = wb.conditionalSheet(sheet).getSheetConditionalFormatting();
          for (int i = 0; i < formats.getNumConditionalFormattings(); i++) {
            var format = formats.getConditionalFormattingAt(i);
            for (int j = 0; j < format.getNumberOfRules(); j++) {
              var rule = format.getRule(j);
              if (rule.getConditionType() != org.apache.poi.ss.usermodel.ConditionType.CELL_VALUE_IS || rule.getFormula1() == null) continue;
              String operand = rule.getFormula1();
              String changed;
              try {
                changed = new java.math.BigDecimal(operand).add(java.math.BigDecimal.ONE).toPlainString();
              } catch (NumberFormatException e) {
                changed = "(" + operand + ")+1";
              }
              // the rule made again with the other operand and the same fill, in its place
              var replacement = formats.createConditionalFormattingRule(rule.getComparisonOperation(), changed, rule.getFormula2());
              var fill = rule.getPatternFormatting();
              if (fill != null) {
                var copy = replacement.createPatternFormatting();
                if (fill.getFillBackgroundColorColor() != null) copy.setFillBackgroundColor(fill.getFillBackgroundColorColor());
              }
              format.setRule(j, replacement);
              return;
            }
          }
          throw new IllegalStateException("the sheet has no comparison rule whose operand could change");
        }));
      }
      default -> { }
    }
    return out;
  }

  private static DocumentFormat.Mutation change(String name, String path, Consumer<XlsxWorkbook> edit) {
    return new DocumentFormat.Mutation(name, state -> {
      XlsxWorkbook wb = XlsxFormat.workbook(state, path);
      if (wb == null) throw new IllegalStateException(path + " is missing; there is nothing to change");
      edit.accept(wb);
      recalculate(wb);
      state.writeFile(path, wb.bytes());
    });
  }

  /** A copy of the cell's style with one change, so that other cells sharing the style keep theirs. */
  private static void restyle(XlsxWorkbook wb, String sheet, String cell, Consumer<CellStyle> edit) {
    Cell c = wb.editable(sheet, cell);
    CellStyle copy = wb.book().createCellStyle();
    copy.cloneStyleFrom(c.getCellStyle());
    edit.accept(copy);
    c.setCellStyle(copy);
  }

  private static void font(XlsxWorkbook wb, String sheet, String cell, Consumer<Font> edit) {
    restyle(wb, sheet, cell, style -> {
      Font old = wb.book().getFontAt(style.getFontIndex());
      Font f = wb.book().createFont();
      f.setFontName(old.getFontName());
      f.setFontHeightInPoints(old.getFontHeightInPoints());
      f.setBold(old.getBold());
      f.setItalic(old.getItalic());
      f.setColor(old.getColor());
      edit.accept(f);
      style.setFont(f);
    });
  }

  static void recalculate(XlsxWorkbook wb) {
    try {
      wb.book().getCreationHelper().createFormulaEvaluator().evaluateAll();
    } catch (RuntimeException e) {
      // a function POI does not know keeps its last result; the changed cell itself is what counts
    }
  }
}
