package io.deskforge.apps.check;

import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopPaths;
import io.deskforge.desktop.ExecResult;
import io.deskforge.desktop.UnreadableFileException;
import io.deskforge.task.export.ExportCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spreadsheet files through Gnumeric's {@code ssconvert}, run inside the desktop by the privileged
 * side as the desktop user: reading computed
 * values (recalculated, as the spreadsheet shows them), writing a sheet from rows, changing a cell.
 * ssconvert reads and writes .gnumeric, .xlsx, .ods and .csv alike. The commands are public so an
 * export runs the very same ones on another machine.
 */
public final class Spreadsheets {
  private Spreadsheets() {}

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** The computed values of a sheet (null sheet: the first), row by row; null when the file is missing. */
  public static List<List<String>> read(Desktop desktop, String path, String sheet) {
    return read(SavedState.of(desktop), path, sheet);
  }

  /** The same, in any saved state. */
  public static List<List<String>> read(SavedState state, String path, String sheet) {
    if (!state.exists(path)) return null;
    // ssconvert would follow a link and block on a FIFO: only a regular file of sane size goes to it
    state.requireReadableFile(path);
    // as the desktop user, who owns the file: root in a container may lack the right to read it
    ExecResult r = state.execAsUser(readCommand(path, sheet), state.callTimeout());
    if (!r.ok()) {
      throw new UnreadableFileException("ssconvert could not read " + path + (sheet == null ? "" : " sheet " + sheet)
          + ": " + lastLines(r.stderr()));
    }
    return Csv.parse(r.stdoutText());
  }

  /** The command printing a sheet's computed values (recalculated) as CSV on its standard output. */
  public static List<String> readCommand(String path, String sheet) {
    List<String> cmd = new ArrayList<>(List.of("ssconvert", "--recalc", "--export-type=Gnumeric_stf:stf_csv"));
    if (sheet != null) cmd.add("--export-options=sheet=" + sheet);
    cmd.addAll(List.of(path, "fd://1"));
    return cmd;
  }

  /** Whether a file is one ssconvert reads as a spreadsheet, by its extension. */
  public static boolean isSpreadsheet(String path) {
    return path.matches("(?i).*\\.(gnumeric|xlsx|xls|ods)$");
  }

  public static String cell(List<List<String>> rows, CellRef ref) {
    if (ref.row() >= rows.size()) return "";
    List<String> row = rows.get(ref.row());
    return ref.column() < row.size() ? row.get(ref.column()) : "";
  }

  /** The rectangle {@code A1:C4} of a sheet's values, padded with empty cells. */
  public static List<List<String>> range(List<List<String>> rows, String range) {
    String[] ends = range.split(":");
    if (ends.length != 2) throw new IllegalArgumentException("not a range: '" + range + "'");
    CellRef from = CellRef.parse(ends[0]);
    CellRef to = CellRef.parse(ends[1]);
    List<List<String>> out = new ArrayList<>();
    for (int r = Math.min(from.row(), to.row()); r <= Math.max(from.row(), to.row()); r++) {
      List<String> line = new ArrayList<>();
      for (int c = Math.min(from.column(), to.column()); c <= Math.max(from.column(), to.column()); c++) {
        line.add(cell(rows, CellRef.of(c, r)));
      }
      out.add(line);
    }
    return out;
  }

  /** Writes rows (literals, or formulas starting with '=') as a spreadsheet owned by the desktop user. */
  public static void write(Desktop desktop, String path, List<List<String>> rows) {
    String scratch = DesktopPaths.RUN + "/.sheet-" + Long.toHexString(System.nanoTime());
    ExportCatalog.FilePlan plan = writePlan(path, rows, scratch);
    try {
      plan.files().forEach((file, text) -> desktop.privileged().writeText(file, text));
      for (List<String> cmd : plan.commands()) {
        ExecResult r = desktop.privileged().execAsUser(cmd, TIMEOUT);
        if (!r.ok()) throw new IllegalStateException("ssconvert could not write " + path + ": " + lastLines(r.stderr()));
      }
    } finally {
      desktop.privileged().delete(scratch);
    }
  }

  /**
   * How a sheet is written from rows: as CSV, converted by ssconvert unless the target is CSV.
   * ssconvert names the sheet after the CSV file, so it is staged as {@code scratch/Sheet1.csv}.
   */
  public static ExportCatalog.FilePlan writePlan(String path, List<List<String>> rows, String scratch) {
    String csv = Csv.write(rows);
    if (path.endsWith(".csv")) return new ExportCatalog.FilePlan(Map.of(path, csv), List.of());
    String staged = scratch + "/Sheet1.csv";
    return new ExportCatalog.FilePlan(Map.of(staged, csv), List.of(List.of("ssconvert", staged, path)));
  }

  /** Sets one cell (a literal, or a formula) and writes the file back in its own format. */
  public static void setCell(Desktop desktop, String path, String cell, String value) {
    setCell(SavedState.of(desktop), path, cell, value);
  }

  /** The same, in any saved state. */
  public static void setCell(SavedState state, String path, String cell, String value) {
    String tmp = path + ".deskforge-tmp" + path.substring(path.lastIndexOf('.'));
    ExecResult r = state.execAsUser(List.of("sh", "-c", "ssconvert --set \"$1\" \"$2\" \"$3\" && mv \"$3\" \"$2\"",
        "sh", CellRef.parse(cell).a1() + "=" + value, path, tmp), TIMEOUT);
    if (!r.ok()) throw new IllegalStateException("ssconvert could not set " + cell + " in " + path + ": " + lastLines(r.stderr()));
  }

  private static String lastLines(String stderr) {
    List<String> lines = stderr.lines().filter(l -> !l.isBlank() && !l.contains("dconf")).toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }
}
