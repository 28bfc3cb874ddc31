package io.deskforge.apps.calc;

import io.deskforge.apps.check.CellRef;
import io.deskforge.apps.check.Csv;
import io.deskforge.apps.check.SavedState;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.check.Reading;
import io.deskforge.task.export.ExportCatalog;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * .xlsx workbooks as LibreOffice Calc saves them, read on the host with Apache POI from the saved
 * bytes (no converter runs on the agent's file): values as the sheet shows them. Written from rows
 * by POI too (numbers as numbers, '=' as formulas, the header row bold), staged into the desktop as
 * base64 and decoded there by the desktop user, so the file is the user's and an export runs the
 * same plan. A cell change is the same round trip.
 */
public final class XlsxFormat implements DocumentFormat {
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");
  private static final String DECODE = "base64 -d \"$1\" > \"$2.deskforge-tmp\" && mv \"$2.deskforge-tmp\" \"$2\"";

  @Override
  public Kind kind() {
    return Kind.SPREADSHEET;
  }

  @Override
  public List<String> extensions() {
    return List.of("xlsx");
  }

  /** The host reads the saved bytes with POI; no command runs inside the desktop. */
  @Override
  public List<List<String>> read(SavedState state, String path, String sheet) {
    if (!state.exists(path)) return null;
    state.requireReadableFile(path);
    return XlsxWorkbook.parse(state.readFile(path), path).rows(sheet);
  }

  /** The workbook of a saved state, or null when the file is missing. */
  public static XlsxWorkbook workbook(SavedState state, String path) {
    if (!state.exists(path)) return null;
    state.requireReadableFile(path);
    return XlsxWorkbook.parse(state.readFile(path), path);
  }

  /**
   * For an export's VM, where the host's POI is not: LibreOffice converts every sheet to CSV
   * ({@code file-Sheet.csv}) in a scratch folder, and the one asked for is printed. Its profile
   * lives in the user's temporary folder, outside the home, and is made once: a fresh profile per
   * read costs seconds.
   */
  @Override
  public List<String> readCommand(String path, String sheet) {
    String script = "d=$(mktemp -d) && p=\"${TMPDIR:-/tmp}/deskforge-soffice-read-$(id -u)\" &&"
        + " soffice -env:UserInstallation=file://$p --headless --convert-to"
        + " 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' --outdir \"$d\" \"$1\" >/dev/null 2>&1;"
        + " b=$(basename \"$1\" .xlsx); if [ -n \"$2\" ]; then f=\"$d/$b-$2.csv\"; else f=$(ls \"$d\"/\"$b\"-*.csv | head -n 1); fi;"
        + " cat \"$f\"; r=$?; rm -rf \"$d\"; exit $r";
    return List.of("sh", "-c", script, "sh", path, sheet == null ? "" : sheet);
  }

  @Override
  public ExportCatalog.FilePlan writePlan(String path, List<List<String>> rows, String scratch) {
    String staged = scratch + "/workbook.b64";
    String b64 = Base64.getEncoder().encodeToString(workbookOf(rows));
    return new ExportCatalog.FilePlan(Map.of(staged, b64), List.of(List.of("sh", "-c", DECODE, "sh", staged, path)));
  }

  @Override
  public void setCell(SavedState state, String path, String cell, String value) {
    XlsxWorkbook wb = XlsxWorkbook.parse(state.readFile(path), path);
    XSSFWorkbook book = wb.book();
    CellRef ref = CellRef.parse(cell);
    Sheet sheet = book.getSheetAt(0);
    Row row = sheet.getRow(ref.row()) == null ? sheet.createRow(ref.row()) : sheet.getRow(ref.row());
    if (value.isEmpty()) {
      Cell c = row.getCell(ref.column());
      if (c != null) row.removeCell(c);
    } else {
      put(row.getCell(ref.column()) == null ? row.createCell(ref.column()) : row.getCell(ref.column()), value);
    }
    XlsxQuery.recalculate(wb);
    state.writeFile(path, wb.bytes());
  }

  @Override
  public String guide() {
    return XlsxQuery.GUIDE;
  }

  /** See {@link XlsxQuery} for the queries; a missing sheet or a file that is no workbook reads as unreadable. */
  @Override
  public Reading query(SavedState state, String path, String query) {
    XlsxQuery q;
    try {
      q = XlsxQuery.parse(query);
    } catch (IllegalArgumentException e) {
      return Reading.unreadable(e.getMessage());
    }
    return q.read(XlsxWorkbook.parse(state.readFile(path), path));
  }

  @Override
  public Optional<String> queryProblem(String query) {
    try {
      XlsxQuery.parse(query);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** See {@link XlsxQuery#osworldCheck}: OSWorld's compare_table with a check_cell rule, for the styles it reads alike. */
  @Override
  public Optional<ExportCatalog.OsworldCheck> osworldCheck(String path, String query, io.deskforge.task.spec.Metric metric) {
    return queryProblem(query).isPresent() ? Optional.empty() : XlsxQuery.parse(query).osworldCheck(path, metric);
  }

  /** See {@link XlsxQuery#vmQuery}: values, formulas, bold, italic, font, sheets, charts and conditional fills; not the formats, fills, alignment or the rules' list. */
  @Override
  public Optional<com.fasterxml.jackson.databind.node.ObjectNode> vmQuery(String query) {
    return queryProblem(query).isPresent() ? Optional.empty() : XlsxQuery.parse(query).vmQuery();
  }

  @Override
  public List<Mutation> mutations(String path, String query) {
    return queryProblem(query).isPresent() ? List.of() : XlsxQuery.parse(query).mutations(path);
  }

  /** Every sheet, by name and values: a renamed sheet or a change on any sheet shows. */
  @Override
  public String fingerprint(SavedState state, String path) {
    XlsxWorkbook wb = workbook(state, path);
    if (wb == null) return "(missing)";
    StringBuilder out = new StringBuilder();
    for (String name : wb.sheetNames()) out.append("# ").append(name).append('\n').append(Csv.write(wb.rows(name)));
    return out.toString();
  }

  /** An .xlsx workbook of one sheet ("Sheet1") holding the rows; the first row bold, as a header. */
  static byte[] workbookOf(List<List<String>> rows) {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Sheet sheet = book.createSheet("Sheet1");
      XSSFFont bold = book.createFont();
      bold.setBold(true);
      XSSFCellStyle header = book.createCellStyle();
      header.setFont(bold);
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          String v = rows.get(r).get(c);
          if (v == null || v.isEmpty()) continue;
          Cell cell = row.createCell(c);
          put(cell, v);
          if (r == 0 && rows.size() > 1) cell.setCellStyle(header);
        }
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("could not build a workbook", e);
    }
  }

  private static void put(Cell cell, String v) {
    // a value set on a formula cell only replaces its cached result, which the next recalculation undoes
    cell.setBlank();
    if (v.startsWith("=") && v.length() > 1) cell.setCellFormula(v.substring(1));
    else if (NUMBER.matcher(v).matches()) cell.setCellValue(Double.parseDouble(v));
    else cell.setCellValue(v);
  }
}
