package io.deskforge.apps.gnumeric;

import io.deskforge.apps.check.CellRef;
import io.deskforge.apps.check.Csv;
import io.deskforge.apps.check.SavedState;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.desktop.ExecResult;
import io.deskforge.task.export.ExportCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spreadsheet files through Gnumeric's {@code ssconvert}, run inside the desktop as its user:
 * reading computed values (recalculated, as the spreadsheet shows them), writing a sheet from rows,
 * changing a cell. ssconvert reads and writes .gnumeric, .xlsx, .ods and .csv alike; it claims
 * .gnumeric, .xls and .ods (.xlsx is LibreOffice Calc's {@code XlsxFormat}, read with POI), and
 * being the first spreadsheet format it also serves spreadsheet getters and setup steps on any
 * other path (a .csv, or an .xlsx in a catalog without Calc).
 */
public final class SsconvertFormat implements DocumentFormat {

  @Override
  public Kind kind() {
    return Kind.SPREADSHEET;
  }

  @Override
  public List<String> extensions() {
    return List.of("gnumeric", "xls", "ods");
  }

  @Override
  public List<String> readCommand(String path, String sheet) {
    List<String> cmd = new ArrayList<>(List.of("ssconvert", "--recalc", "--export-type=Gnumeric_stf:stf_csv"));
    if (sheet != null) cmd.add("--export-options=sheet=" + sheet);
    cmd.addAll(List.of(path, "fd://1"));
    return cmd;
  }

  /** As CSV, converted by ssconvert unless the target is CSV; ssconvert names the sheet after the file, so it is staged as {@code scratch/Sheet1.csv}. */
  @Override
  public ExportCatalog.FilePlan writePlan(String path, List<List<String>> rows, String scratch) {
    String csv = Csv.write(rows);
    if (path.endsWith(".csv")) return new ExportCatalog.FilePlan(Map.of(path, csv), List.of());
    String staged = scratch + "/Sheet1.csv";
    return new ExportCatalog.FilePlan(Map.of(staged, csv), List.of(List.of("ssconvert", staged, path)));
  }

  @Override
  public void setCell(SavedState state, String path, String cell, String value) {
    String tmp = path + ".deskforge-tmp" + path.substring(path.lastIndexOf('.'));
    ExecResult r = state.execAsUser(List.of("sh", "-c", "ssconvert --set \"$1\" \"$2\" \"$3\" && mv \"$3\" \"$2\"",
        "sh", CellRef.parse(cell).a1() + "=" + value, path, tmp), TIMEOUT);
    if (!r.ok()) throw new IllegalStateException("ssconvert could not set " + cell + " in " + path + ": " + DocumentFormat.lastLines(r.stderr()));
  }
}
