package io.deskforge.apps.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.AppTemplate;
import io.deskforge.apps.TaskFamily;
import io.deskforge.apps.check.CellRef;
import io.deskforge.apps.check.Csv;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.check.HostSavedState;
import io.deskforge.apps.check.SavedState;
import io.deskforge.apps.gnumeric.Gnumeric;
import io.deskforge.apps.gnumeric.SsconvertFormat;
import io.deskforge.desktop.AppLaunch;
import io.deskforge.desktop.ExecResult;
import io.deskforge.desktop.ready.Ready;
import io.deskforge.task.export.ExportCatalog;
import io.deskforge.task.spec.Getter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new document format is an app's own code: a test app contributing a plain-CSV spreadsheet
 * format is read by the getters, and its cells changed and exported, through the catalog alone.
 */
class DocumentFormatExtensionTest {
  @TempDir
  Path dir;

  /** A spreadsheet that is its CSV text: read with cat, written as is, a cell changed by rewriting the file. */
  static final class PlainCsvFormat implements DocumentFormat {
    @Override
    public Kind kind() {
      return Kind.SPREADSHEET;
    }

    @Override
    public List<String> extensions() {
      return List.of("csv");
    }

    @Override
    public List<String> readCommand(String path, String sheet) {
      return List.of("cat", path);
    }

    @Override
    public ExportCatalog.FilePlan writePlan(String path, List<List<String>> rows, String scratch) {
      return new ExportCatalog.FilePlan(Map.of(path, Csv.write(rows)), List.of());
    }

    @Override
    public void setCell(SavedState state, String path, String cell, String value) {
      List<List<String>> rows = new ArrayList<>();
      read(state, path, null).forEach(r -> rows.add(new ArrayList<>(r)));
      CellRef ref = CellRef.parse(cell);
      while (rows.size() <= ref.row()) rows.add(new ArrayList<>());
      List<String> row = rows.get(ref.row());
      while (row.size() <= ref.column()) row.add("");
      row.set(ref.column(), value);
      ExecResult r = state.execAsUser(List.of("sh", "-c", "printf '%s' \"$1\" > \"$2\"", "sh", Csv.write(rows), path), TIMEOUT);
      if (!r.ok()) throw new IllegalStateException(r.stderr());
    }
  }

  /** The app that brings it; it has no families, only the format. */
  static final class PlainCsvApp implements AppTemplate {
    @Override
    public String name() {
      return "plaincsv";
    }

    @Override
    public String description() {
      return "CSV files as spreadsheets (a test app)";
    }

    @Override
    public List<String> packages() {
      return List.of("coreutils");
    }

    @Override
    public AppLaunch launch(List<String> args) {
      return AppLaunch.of(name(), List.of("true"), Ready.windowReady("never"));
    }

    @Override
    public List<String> getters() {
      return List.of("spreadsheet_cell", "spreadsheet_range");
    }

    @Override
    public List<TaskFamily> families() {
      return List.of();
    }

    @Override
    public List<DocumentFormat> formats() {
      return List.of(new PlainCsvFormat());
    }
  }

  private String sheet(String text) throws IOException {
    Path file = dir.resolve("prices.csv");
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void theGettersReadAFormatOnlyATestAppContributes() throws IOException {
    AppCatalog catalog = AppCatalog.of(List.of(new PlainCsvApp()));
    String path = sheet("Item,Price\ntea,12.5\njam,30\n");
    GetterReader reader = new GetterReader(catalog.formats());
    HostSavedState state = new HostSavedState(dir);

    assertThat(reader.read(state, new Getter.SpreadsheetCell(path, null, "B3")).text()).isEqualTo("30");
    assertThat(reader.read(state, new Getter.SpreadsheetRange(path, null, "A2:B3")).rows())
        .containsExactly(List.of("tea", "12.5"), List.of("jam", "30"));
    assertThat(reader.read(state, new Getter.SpreadsheetCell(dir.resolve("none.csv").toString(), null, "A1")).present()).isFalse();
  }

  @Test
  void aCellIsChangedThroughTheFormatAndReadBackAsTheCheckerReadsIt() throws IOException {
    AppCatalog catalog = AppCatalog.of(List.of(new PlainCsvApp()));
    String path = sheet("Item,Price\ntea,12.5\n");
    HostSavedState state = new HostSavedState(dir);
    DocumentFormat format = catalog.formats().forPath(path, DocumentFormat.Kind.SPREADSHEET);

    format.setCell(state, path, "B2", "13.5");

    assertThat(new GetterReader(catalog.formats()).read(state, new Getter.SpreadsheetCell(path, null, "B2")).text()).isEqualTo("13.5");
    assertThat(format.fingerprint(state, path)).isEqualTo("Item,Price\ntea,13.5\n");
  }

  @Test
  void theExportAsksTheFormatForItsCommands() {
    AppCatalog catalog = AppCatalog.of(List.of(new PlainCsvApp()));
    assertThat(catalog.spreadsheetToCsv("/home/user/a.csv", null)).containsExactly("cat", "/home/user/a.csv");
    assertThat(catalog.spreadsheetWrite("/home/user/a.csv", List.of(List.of("x", "1")), "/tmp/s").files())
        .containsExactly(Map.entry("/home/user/a.csv", "x,1\n"));
  }

  @Test
  void aFileGoesToTheFormatClaimingItsExtensionElseToTheFirstOfItsKind() {
    DocumentFormats both = AppCatalog.of(List.of(new Gnumeric(), new PlainCsvApp())).formats();
    assertThat(both.forPath("/home/user/a.csv", DocumentFormat.Kind.SPREADSHEET)).isInstanceOf(PlainCsvFormat.class);
    assertThat(both.forPath("/home/user/a.XLSX", DocumentFormat.Kind.SPREADSHEET)).isInstanceOf(SsconvertFormat.class);
    assertThat(both.claiming("notes/a.txt")).isEmpty();
    // gnumeric alone: ssconvert serves a .csv too, as before formats were pluggable
    DocumentFormats shipped = AppCatalog.load().formats();
    assertThat(shipped.forPath("/home/user/a.csv", DocumentFormat.Kind.SPREADSHEET)).isInstanceOf(SsconvertFormat.class);
    assertThat(shipped.claiming("/home/user/a.csv")).isEmpty();
    assertThat(shipped.claiming("/home/user/a.ods")).get().isInstanceOf(SsconvertFormat.class);
  }

  @Test
  void noAppOfferingTheKindIsAClearError() {
    DocumentFormats none = AppCatalog.of(List.of(new PlainCsvApp())).formats();
    assertThatThrownBy(() -> none.forPath("/home/user/a.odt", DocumentFormat.Kind.TEXT_DOCUMENT))
        .hasMessageContaining("no app offers a text document format");
  }
}
