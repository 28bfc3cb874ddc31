package io.deskforge.apps.calc;

import io.deskforge.apps.check.CellRef;
import io.deskforge.desktop.UnreadableFileException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A saved .xlsx workbook as the checker reads it, on the host with Apache POI, from the file's
 * bytes: a cell's value as the sheet shows it, its formula, number format, boldness and fill, the
 * fill conditional formatting gives it; the sheets' names, their charts and conditional formats. Bytes that are not an .xlsx workbook (missing parts, another format under the
 * name, a zip bomb) throw {@link UnreadableFileException}, so a check on them fails closed.
 */
public final class XlsxWorkbook {
  private static final MathContext DIGITS = new MathContext(15);
  private final XSSFWorkbook book;
  private final DataFormatter formatter = new DataFormatter(Locale.US);

  private XlsxWorkbook(XSSFWorkbook book) {
    this.book = book;
  }

  /** Parses a workbook; {@code what} names it in errors (a path). */
  public static XlsxWorkbook parse(byte[] bytes, String what) {
    try {
      return new XlsxWorkbook(new XSSFWorkbook(new ByteArrayInputStream(bytes)));
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFileException(what + " is not a readable .xlsx workbook: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
    }
  }

  /** The sheets' names, in tab order. */
  public List<String> sheetNames() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < book.getNumberOfSheets(); i++) out.add(book.getSheetName(i));
    return out;
  }

  /** The values of a sheet (null: the first) as rows, up to its last used row and column. */
  public List<List<String>> rows(String sheet) {
    Sheet s = sheet(sheet);
    List<List<String>> out = new ArrayList<>();
    for (int r = 0; r <= s.getLastRowNum(); r++) {
      Row row = s.getRow(r);
      List<String> line = new ArrayList<>();
      if (row != null) for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) line.add(show(row.getCell(c)));
      while (!line.isEmpty() && line.get(line.size() - 1).isEmpty()) line.remove(line.size() - 1);
      out.add(line);
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
    return out;
  }

  /** A cell's value as the sheet shows it (a formula's last computed result); empty when blank. */
  public String value(String sheet, String cell) {
    return show(cell(sheet, cell));
  }

  /** A cell's formula with its leading '=' ({@code =C2*D2}), or null when it holds none. */
  public String formula(String sheet, String cell) {
    Cell c = cell(sheet, cell);
    return c != null && c.getCellType() == CellType.FORMULA ? "=" + c.getCellFormula() : null;
  }

  /** A cell's number format code ({@code General}, {@code #,##0.00}, {@code 0%}). */
  public String numberFormat(String sheet, String cell) {
    Cell c = cell(sheet, cell);
    return c == null ? "General" : c.getCellStyle().getDataFormatString();
  }

  /** Whether a cell's font is bold. */
  public boolean bold(String sheet, String cell) {
    Cell c = cell(sheet, cell);
    return c != null && book.getFontAt(c.getCellStyle().getFontIndex()).getBold();
  }

  /** A cell's solid fill as RRGGBB (upper case), or null when it has none. */
  public String fill(String sheet, String cell) {
    Cell c = cell(sheet, cell);
    if (c == null) return null;
    XSSFCellStyle style = (XSSFCellStyle) c.getCellStyle();
    if (style.getFillPattern() != FillPatternType.SOLID_FOREGROUND) return null;
    XSSFColor color = style.getFillForegroundXSSFColor();
    byte[] rgb = color == null ? null : color.getRGB();
    return rgb == null ? null : HexFormat.of().withUpperCase().formatHex(rgb, rgb.length - 3, rgb.length);
  }

  /** Whether a cell's font is italic. */
  public boolean italic(String sheet, String cell) {
    Cell c = cell(sheet, cell);
    return c != null && book.getFontAt(c.getCellStyle().getFontIndex()).getItalic();
  }

  /** A cell's font name ({@code Liberation Sans}). */
  public String fontName(String sheet, String cell) {
    Cell c = cell(sheet, cell);
    return c == null ? book.getFontAt(0).getFontName() : book.getFontAt(c.getCellStyle().getFontIndex()).getFontName();
  }

  /** A cell's horizontal alignment in lower case ({@code general}, {@code left}, {@code center}, {@code right}). */
  public String alignment(String sheet, String cell) {
    Cell c = cell(sheet, cell);
    return c == null ? "general" : c.getCellStyle().getAlignment().name().toLowerCase(Locale.ROOT);
  }

  /**
   * The charts on a sheet (null: the first), in drawing order, each as its kind of data ({@code
   * bar}, {@code line}, {@code pie}, {@code scatter}, {@code area}, ...; one per plot of the chart).
   */
  public List<String> charts(String sheet) {
    List<String> out = new ArrayList<>();
    if (!(sheet(sheet) instanceof org.apache.poi.xssf.usermodel.XSSFSheet s) || s.getDrawingPatriarch() == null) return out;
    for (var chart : s.getDrawingPatriarch().getCharts()) {
      for (var data : chart.getChartSeries()) {
        out.add(data.getClass().getSimpleName().replaceFirst("^XDDF", "").replaceFirst("ChartData$", "")
            .replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /**
   * The ranges the charts on a sheet plot as values, one per series, as a person writes them: no
   * '$', and the sheet named only when it is another than the chart's ({@code B2:B9}, {@code Data!B2:B9}).
   */
  public List<String> chartRanges(String sheet) {
    List<String> out = new ArrayList<>();
    if (!(sheet(sheet) instanceof org.apache.poi.xssf.usermodel.XSSFSheet s) || s.getDrawingPatriarch() == null) return out;
    for (var chart : s.getDrawingPatriarch().getCharts()) {
      for (var data : chart.getChartSeries()) {
        for (int i = 0; i < data.getSeriesCount(); i++) {
          var values = data.getSeries(i).getValuesData();
          if (values != null && values.getDataRangeReference() != null) out.add(range(values.getDataRangeReference(), s.getSheetName()));
        }
      }
    }
    return out;
  }

  /**
   * The conditional formats of a sheet (null: the first), one item per rule in the file's order:
   * its range, its test and the fill it gives ({@code E2:E51 greater_than 500 FFCCCC}). A
   * comparison reads as its operator ({@code greater_than}, {@code between}, ...) and operand(s);
   * any other rule as its kind and formula ({@code expression $E2>500}); a rule that sets no fill
   * ends in {@code none}. A rule follows the data, unlike a fill given to the cells themselves,
   * which {@link #fill} reads.
   */
  public List<String> conditionalFormats(String sheet) {
    List<String> out = new ArrayList<>();
    if (!(sheet(sheet) instanceof org.apache.poi.xssf.usermodel.XSSFSheet s)) return out;
    var formats = s.getSheetConditionalFormatting();
    for (int i = 0; i < formats.getNumConditionalFormattings(); i++) {
      var format = formats.getConditionalFormattingAt(i);
      List<String> ranges = new ArrayList<>();
      for (var r : format.getFormattingRanges()) ranges.add(r.formatAsString());
      for (int j = 0; j < format.getNumberOfRules(); j++) {
        var rule = format.getRule(j);
        StringBuilder item = new StringBuilder(String.join(",", ranges)).append(' ');
        if (rule.getConditionType() == org.apache.poi.ss.usermodel.ConditionType.CELL_VALUE_IS) {
          item.append(OPERATORS.getOrDefault(rule.getComparisonOperation(), "operator_" + rule.getComparisonOperation()));
        } else {
          item.append(rule.getConditionType() == null ? "unknown" : rule.getConditionType().type);
        }
        if (rule.getFormula1() != null) item.append(' ').append(rule.getFormula1());
        if (rule.getFormula2() != null) item.append(' ').append(rule.getFormula2());
        item.append(' ').append(conditionalFill(rule.getPatternFormatting()));
        out.add(item.toString());
      }
    }
    return out;
  }

  /**
   * The fill the sheet's conditional formats give a cell as its value is now (RRGGBB), or {@code
   * none} when no rule that sets a fill applies: the rules evaluated by POI as a spreadsheet
   * evaluates them, the first by priority that sets a fill winning. A fill given to the cell itself
   * is no conditional fill.
   */
  public String conditionalFill(String sheet, String cell) {
    Cell c = cell(sheet, cell);
    if (c == null) return "none";
    var evaluator = new org.apache.poi.ss.formula.ConditionalFormattingEvaluator(book,
        (org.apache.poi.ss.formula.WorkbookEvaluatorProvider) book.getCreationHelper().createFormulaEvaluator());
    for (var rule : evaluator.getConditionalFormattingForCell(c)) {
      String fill = conditionalFill((org.apache.poi.xssf.usermodel.XSSFPatternFormatting) rule.getRule().getPatternFormatting());
      if (!fill.equals("none")) return fill;
    }
    return "none";
  }

  private static final java.util.Map<Byte, String> OPERATORS = java.util.Map.of(
      org.apache.poi.ss.usermodel.ComparisonOperator.BETWEEN, "between",
      org.apache.poi.ss.usermodel.ComparisonOperator.NOT_BETWEEN, "not_between",
      org.apache.poi.ss.usermodel.ComparisonOperator.EQUAL, "equal",
      org.apache.poi.ss.usermodel.ComparisonOperator.NOT_EQUAL, "not_equal",
      org.apache.poi.ss.usermodel.ComparisonOperator.GT, "greater_than",
      org.apache.poi.ss.usermodel.ComparisonOperator.LT, "less_than",
      org.apache.poi.ss.usermodel.ComparisonOperator.GE, "greater_or_equal",
      org.apache.poi.ss.usermodel.ComparisonOperator.LE, "less_or_equal");

  /** A rule's fill as RRGGBB: a differential format keeps a solid fill's colour as its background colour (LibreOffice writes bgColor). */
  private static String conditionalFill(org.apache.poi.xssf.usermodel.XSSFPatternFormatting fill) {
    if (fill == null) return "none";
    XSSFColor color = fill.getFillBackgroundColorColor();
    if (color == null || color.getRGB() == null) color = fill.getFillForegroundColorColor();
    byte[] rgb = color == null ? null : color.getRGB();
    return rgb == null ? "none" : HexFormat.of().withUpperCase().formatHex(rgb, rgb.length - 3, rgb.length);
  }

  /** A chart's range reference ({@code 'Q3 Sales'!$B$2:$B$9}) without '$', and without the sheet when it is {@code own}. */
  static String range(String reference, String own) {
    String r = reference.replace("$", "");
    int bang = r.lastIndexOf('!');
    if (bang < 0) return r;
    String sheet = r.substring(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length() > 1) sheet = sheet.substring(1, sheet.length() - 1).replace("''", "'");
    return sheet.equals(own) ? r.substring(bang + 1) : r;
  }

  /** A sheet for a change of its conditional formats. */
  org.apache.poi.xssf.usermodel.XSSFSheet conditionalSheet(String sheet) {
    return (org.apache.poi.xssf.usermodel.XSSFSheet) sheet(sheet);
  }

  /** The cell itself, made when missing, for a change. */
  Cell editable(String sheet, String cell) {
    CellRef ref = CellRef.parse(cell);
    Sheet s = sheet(sheet);
    Row row = s.getRow(ref.row()) == null ? s.createRow(ref.row()) : s.getRow(ref.row());
    return row.getCell(ref.column()) == null ? row.createCell(ref.column()) : row.getCell(ref.column());
  }

  private Cell cell(String sheet, String cell) {
    CellRef ref = CellRef.parse(cell);
    Row row = sheet(sheet).getRow(ref.row());
    return row == null ? null : row.getCell(ref.column());
  }

  private Sheet sheet(String name) {
    if (book.getNumberOfSheets() == 0) throw new UnreadableFileException("the workbook has no sheet");
    if (name == null) return book.getSheetAt(0);
    Sheet s = book.getSheet(name);
    if (s == null) throw new UnreadableFileException("the workbook has no sheet named '" + name + "'; it has " + sheetNames());
    return s;
  }

  /** What a cell shows: numbers in General format as plain decimals (15 digits, no trailing zeros), others as formatted. */
  private String show(Cell c) {
    if (c == null) return "";
    CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    return switch (type) {
      case STRING -> c.getStringCellValue();
      case BOOLEAN -> c.getBooleanCellValue() ? "TRUE" : "FALSE";
      case ERROR -> FormulaError.forInt(c.getErrorCellValue()).getString();
      case NUMERIC -> {
        double d = c.getNumericCellValue();
        String format = c.getCellStyle().getDataFormatString();
        if (!DateUtil.isCellDateFormatted(c) && (format == null || format.equalsIgnoreCase("General"))) yield plain(d);
        yield formatter.formatRawCellContents(d, c.getCellStyle().getDataFormat(), format);
      }
      default -> "";
    };
  }

  static String plain(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
    BigDecimal n = new BigDecimal(d).round(DIGITS).stripTrailingZeros();
    return n.scale() < 0 ? n.setScale(0).toPlainString() : n.toPlainString();
  }

  /** The workbook's bytes as .xlsx. */
  byte[] bytes() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("could not write the workbook", e);
    }
  }

  XSSFWorkbook book() {
    return book;
  }
}
