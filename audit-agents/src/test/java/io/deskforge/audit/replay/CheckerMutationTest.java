package io.deskforge.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.check.CellRef;
import io.deskforge.apps.check.SavedState;
import io.deskforge.apps.document.Cells;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.desktop.AppLaunch;
import io.deskforge.task.export.ExportCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import io.deskforge.task.spec.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which mutations of a solved state the replay tries, derived from real family tasks and the states
 * their reference solutions leave (given here as captured, so no desktop is needed; the replay
 * applies them in one, see BrokenTaskAuditTest). If derivation found nothing, a checker that
 * ignores the values it should check would pass every audit.
 */
class CheckerMutationTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  private static final io.deskforge.apps.document.DocumentFormats FORMATS = CATALOG.formats();

  private static PathState.File text(String s) {
    return new PathState.File(s.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> names(List<CheckerMutation> ms) {
    return ms.stream().map(m -> m.name() + " @ " + m.path()).toList();
  }

  @Test
  void aWrittenLineIsChangedAndUnwritten() {
    TaskSpec t = CATALOG.family("xterm.write-file").sample(4);
    String path = "/home/user/" + t.params().get("file");
    List<CheckerMutation> ms = CheckerMutation.derive(t, Map.of(path, text(t.params().get("line") + "\n")), Map.of(), FORMATS);
    assertThat(names(ms)).containsExactly("value-changed:line @ " + path, "not-saved @ " + path);
  }

  @Test
  void anAppendedLineIsChangedDroppedAndUnsaved() {
    TaskSpec t = CATALOG.family("mousepad.append-line").sample(4);
    String path = t.params().get("file");
    String original = t.privileged().fact("original").orElseThrow().value();
    String expected = t.privileged().fact("expected").orElseThrow().value();
    List<CheckerMutation> ms = CheckerMutation.derive(t, Map.of(path, text(expected)), Map.of(path, text(original)), FORMATS);
    // the multi-line facts (original, expected) are not single values to change
    assertThat(names(ms)).containsExactly("value-changed:line @ " + path, "item-missing:last-line @ " + path, "not-saved @ " + path);
  }

  @Test
  void atMostThreeValuesAreChangedPerFile() {
    TaskSpec t = CATALOG.family("mousepad.replace-word").sample(8);
    String path = t.checker().leaves().getFirst().getter().path();
    StringBuilder all = new StringBuilder();
    t.privileged().facts().forEach(f -> all.append(f.value()).append('\n'));
    List<CheckerMutation> ms = CheckerMutation.derive(t, Map.of(path, text(all.toString())), Map.of(path, text(all.toString())), FORMATS);
    assertThat(ms.stream().filter(m -> m.name().startsWith("value-changed:"))).hasSizeLessThanOrEqualTo(3).isNotEmpty();
    assertThat(names(ms)).as("an unchanged file has nothing to unsave").noneMatch(n -> n.startsWith("not-saved"));
  }

  @Test
  void aFileWithNoFactInItHasOneOfItsCharactersChanged() {
    TaskSpec t = CATALOG.family("xterm.write-file").sample(4);
    String path = "/home/user/" + t.params().get("file");
    List<CheckerMutation> ms = CheckerMutation.derive(t, Map.of(path, text("something else\n")), Map.of(), FORMATS);
    assertThat(names(ms)).containsExactly("value-changed:text @ " + path, "not-saved @ " + path);
  }

  @Test
  void aSpreadsheetCellTheCheckerReadsIsChanged() {
    TaskSpec t = CATALOG.family("gnumeric.enter-value").sample(4);
    var cell = (io.deskforge.task.spec.Getter.SpreadsheetCell) t.checker().leaves().getFirst().getter();
    List<CheckerMutation> ms = CheckerMutation.derive(t, Map.of(cell.path(), text("solved")), Map.of(cell.path(), text("start")), FORMATS);
    assertThat(names(ms)).containsExactly("value-changed:" + cell.cell() + " @ " + cell.path(),
        "moved-to-neighbour:" + cell.cell() + " @ " + cell.path(), "not-saved @ " + cell.path());
  }

  /** A spreadsheet format keeping its sheets in memory, contributed by a test app: no desktop, no gnumeric. */
  static final class MemorySheets implements DocumentFormat {
    final Map<String, List<List<String>>> files = new HashMap<>();

    @Override
    public Kind kind() {
      return Kind.SPREADSHEET;
    }

    @Override
    public List<String> extensions() {
      return List.of("memsheet");
    }

    @Override
    public List<String> readCommand(String path, String sheet) {
      throw new UnsupportedOperationException("read in memory");
    }

    @Override
    public ExportCatalog.FilePlan writePlan(String path, List<List<String>> rows, String scratch) {
      throw new UnsupportedOperationException("written in memory");
    }

    @Override
    public List<List<String>> read(SavedState state, String path, String sheet) {
      return files.get(path);
    }

    @Override
    public void setCell(SavedState state, String path, String cell, String value) {
      CellRef ref = CellRef.parse(cell);
      List<List<String>> rows = files.get(path);
      while (rows.size() <= ref.row()) rows.add(new ArrayList<>());
      List<String> row = rows.get(ref.row());
      while (row.size() <= ref.column()) row.add("");
      row.set(ref.column(), value);
    }
  }

  static AppTemplate appWith(DocumentFormat format) {
    return new AppTemplate() {
      public String name() { return "memsheet"; }
      public String description() { return "sheets in memory (a test app)"; }
      public List<String> packages() { return List.of(); }
      public AppLaunch launch(List<String> args) { throw new UnsupportedOperationException(); }
      public List<String> getters() { return List.of("spreadsheet_cell"); }
      public List<io.deskforge.apps.TaskFamily> families() { return List.of(); }
      @Override
      public List<DocumentFormat> formats() { return List.of(format); }
    };
  }

  @Test
  void aSpreadsheetCellIsChangedThroughTheFormatTheCatalogFinds() {
    TaskSpec t = CATALOG.family("gnumeric.enter-value").sample(4);
    var getter = (io.deskforge.task.spec.Getter.SpreadsheetCell) t.checker().leaves().getFirst().getter();
    CellRef ref = CellRef.parse(getter.cell());
    MemorySheets memory = new MemorySheets();
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r <= ref.row(); r++) rows.add(new ArrayList<>(java.util.Collections.nCopies(ref.column() + 2, "")));
    rows.get(ref.row()).set(ref.column(), "41");
    memory.files.put(getter.path(), rows);
    // the only spreadsheet format of this catalog: it serves the task's file whatever its extension
    var formats = AppCatalog.of(List.of(appWith(memory))).formats();

    List<CheckerMutation> ms = CheckerMutation.derive(t, Map.of(getter.path(), text("solved")), Map.of(getter.path(), text("start")), formats);
    ms.get(0).apply().accept(null); // value-changed: the format needs no desktop
    assertThat(Cells.cell(rows, ref)).isEqualTo("42");
    ms.get(1).apply().accept(null); // moved-to-neighbour
    assertThat(Cells.cell(rows, ref)).isEmpty();
    assertThat(Cells.cell(rows, CellRef.of(ref.column() + 1, ref.row()))).isEqualTo("42");
  }

  @Test
  void aFolderLosesItsLastEntryAndARenamedFileItsNewName() {
    TaskSpec t = CATALOG.family("xterm.rename-file").sample(4);
    List<String> paths = t.checker().leaves().stream().map(l -> l.getter().path()).distinct().toList();
    String to = paths.get(0);
    String from = paths.get(1);
    Map<String, PathState> solved = new LinkedHashMap<>();
    solved.put(to, text(t.privileged().fact("content").orElseThrow().value()));
    solved.put(from, new PathState.Absent());
    Map<String, PathState> initial = Map.of(from, text(t.privileged().fact("content").orElseThrow().value()));
    assertThat(names(CheckerMutation.derive(t, solved, initial, FORMATS))).contains("not-saved @ " + to, "not-saved @ " + from);

    TaskSpec dir = CATALOG.family("xterm.make-directory").sample(4);
    String made = dir.checker().leaves().getFirst().getter().path();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("a.txt", new byte[] {1});
    entries.put("sub/", new byte[0]);
    List<CheckerMutation> ms = CheckerMutation.derive(dir, Map.of(made, new PathState.Folder(entries)), Map.of(), FORMATS);
    assertThat(names(ms)).containsExactly("item-missing:sub/ @ " + made, "not-saved @ " + made);
    assertThat(names(CheckerMutation.derive(dir, Map.of(made, new PathState.Folder(Map.of())), Map.of(), FORMATS)))
        .containsExactly("not-saved @ " + made);
  }

  @Test
  void aStateTheSolutionDidNotChangeGivesNothingToMutate() {
    // what the replay refuses to verify: nothing would show the checker notices a wrong state
    TaskSpec dir = CATALOG.family("xterm.make-directory").sample(4);
    String made = dir.checker().leaves().getFirst().getter().path();
    Map<String, PathState> same = Map.of(made, new PathState.Folder(Map.of()));
    assertThat(CheckerMutation.derive(dir, same, same, FORMATS)).isEmpty();
  }

  @Test
  void perturbingKeepsTheShapeOfAValue() {
    assertThat(CheckerMutation.perturb("41")).isEqualTo("42");
    assertThat(CheckerMutation.perturb("2.5")).isEqualTo("3.5");
    assertThat(CheckerMutation.perturb("pear")).isEqualTo("peas");
    assertThat(CheckerMutation.perturb("Fizz")).isEqualTo("Fiza");
    assertThat(CheckerMutation.perturb("ABZ")).isEqualTo("ABA");
    assertThat(CheckerMutation.perturb("total: 7!")).isEqualTo("totam: 7!");
    assertThat(CheckerMutation.perturb("?!")).isEqualTo("?!x");
  }
}
