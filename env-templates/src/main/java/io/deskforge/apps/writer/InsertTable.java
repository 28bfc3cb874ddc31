package io.deskforge.apps.writer;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table from given data at the end of a draft: a header row and 5-10 rows of 2 or 3 columns
 * (an item, a quantity, and a price at difficulty 2), listed in the instruction, then save. The
 * rows are the difficulty: each is typed as a person types it, its cells with Tab between them,
 * then Tab to the next row (some 28 actions on average, 24-34). The checker reads the document's
 * only table cell by cell.
 */
final class InsertTable extends SeededFamily {
  static final String ID = Writer.NAME + ".insert-table";

  InsertTable() {
    super(ID, Writer.NAME, "add a table with given data at the end of a document, then save",
        List.of(
            "At the end of {file}, add a table of {cols} columns and {count} rows holding, row by row: {data}. Save the document as .docx.",
            "Append a table to {file} with this data (first row is the header): {data}. It has {count} rows and {cols} columns. Then save it.",
            "Insert a {count}-row, {cols}-column table after the last paragraph of {file}, filled with {data}; keep .docx when saving."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    int level = d.between(1, 2);
    int cols = level + 1;
    int n = d.between(5, 10);
    Manuscript m = Manuscript.draw(d, d.between(1, 3));
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("Item", "Qty"));
    if (cols == 3) header.add("Price");
    rows.add(header);
    Set<String> used = new HashSet<>();
    while (rows.size() < n + 1) {
      String item = d.noun();
      if (!used.add(item)) continue;
      List<String> row = new ArrayList<>(List.of(item, Integer.toString(d.between(2, 99))));
      if (cols == 3) row.add(d.between(1, 90) + "." + d.between(10, 99));
      rows.add(row);
    }
    String path = "/home/user/" + d.fileStem() + ".docx";
    FamilyTasks t = task(seed);
    List<String> rowTexts = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < cols; c++) t.fact(Fact.inInstruction("cell_" + (r + 1) + "_" + (c + 1), rows.get(r).get(c)));
      rowTexts.add(String.join(" | ", rows.get(r)));
    }
    t.fact(Fact.inInstruction("tables", "1"));
    List<List<String>> swapped = rows.stream().map(r -> {
      List<String> s = new ArrayList<>(r);
      String first = s.remove(0);
      s.add(1, first);
      return (List<String>) s;
    }).toList();
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(path));
    slots.put("cols", Integer.toString(cols));
    slots.put("count", Integer.toString(rows.size()));
    slots.put("data", String.join("; ", rowTexts));
    return t.param("file", path).param("rows", rows.size()).param("cols", cols).param("paragraphs", m.paragraphs().size())
        .instruction(instruction(d, slots) + " (1 table; cells separated by |)")
        .setup(new SetupStep.WriteDocument(path, m.content()))
        .setup(new SetupStep.Launch(Writer.NAME, List.of(path)))
        .checker(Checker.all(
            Checker.check(new Getter.DocumentQuery(path, "tables"), new Metric.EqualsText("1", true, false)),
            Checker.check(new Getter.DocumentQuery(path, "table 1"), new Metric.RowsEqual(rows))))
        .solution("Ctrl+End, Return, Table > Insert Table (Ctrl+F12) with the columns and rows, the cells typed with Tab between them; Ctrl+S",
            concat(WriterGui.insertTableAtEnd(rows), WriterGui.save(path)))
        .negative("not-saved", "inserts the filled table but never saves", WriterGui.insertTableAtEnd(rows))
        .negative("last-row-missing", "leaves the last row out, and saves", concat(WriterGui.insertTableAtEnd(rows.subList(0, rows.size() - 1)), WriterGui.save(path)))
        .negative("columns-swapped", "puts the first two columns the other way round, and saves", concat(WriterGui.insertTableAtEnd(swapped), WriterGui.save(path)))
        .build();
  }
}
