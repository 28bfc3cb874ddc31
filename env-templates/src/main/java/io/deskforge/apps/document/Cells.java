package io.deskforge.apps.document;

import io.deskforge.apps.check.CellRef;
import java.util.ArrayList;
import java.util.List;

/** Cells and ranges of a table as a {@link DocumentFormat} reads it, whatever the format. */
public final class Cells {
  private Cells() {}

  /** One cell's value; empty beyond the table's end. */
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
}
