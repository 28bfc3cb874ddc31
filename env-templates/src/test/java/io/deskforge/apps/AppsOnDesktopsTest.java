package io.deskforge.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.task.action.Action;
import io.deskforge.task.check.Reading;
import io.deskforge.task.spec.Getter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The apps on real desktops of both providers, read through their privileged getters. */
class AppsOnDesktopsTest {
  static final List<String> PROVIDERS = DesktopProviders.names();
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir Path work;

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void aFormulaTypedIntoGnumericAndSavedIsReadAsItsComputedValue(String provider) {
    String sheet = "/home/user/prices.gnumeric";
    try (DesktopProvider p = DesktopProviders.create(provider);
        Desktop d = p.create(CATALOG.desktopFor(List.of("gnumeric")).workRoot(work).build())) {
      d.start();
      CATALOG.formats().forPath(sheet, DocumentFormat.Kind.SPREADSHEET).write(d, sheet, List.of(List.of("Item", "Price"), List.of("tea", "12.5"), List.of("jam", "30")));
      d.launch(CATALOG.get("gnumeric").launch(List.of(sheet)));
      d.act(List.of(Action.key("ctrl+Home"), Action.key("Right Down Down Down"), Action.type("=B2*2+B3\n"),
          Action.key("ctrl+s"), Action.waitForWindow("^prices\\.gnumeric - Gnumeric$")));
      d.settle(Duration.ofMillis(150), Duration.ofSeconds(5));
      Reading cell = new GetterReader(CATALOG.formats()).read(d, new Getter.SpreadsheetCell(sheet, null, "B4"));
      assertThat(cell.text()).isEqualTo("55");
      Reading range = new GetterReader(CATALOG.formats()).read(d, new Getter.SpreadsheetRange(sheet, null, "A2:B3"));
      assertThat(range.rows()).containsExactly(List.of("tea", "12.5"), List.of("jam", "30"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PROVIDERS")
  void aCommandTypedIntoXtermChangesFilesTheGettersSee(String provider) {
    try (DesktopProvider p = DesktopProviders.create(provider);
        Desktop d = p.create(CATALOG.desktopFor(List.of("xterm")).workRoot(work).build())) {
      d.start();
      d.launch(CATALOG.get("xterm").launch(List.of()));
      d.act(Action.type("mkdir -p ~/out/logs && printf 'one\\ntwo\\n' > ~/out/list.txt\n"));
      d.settle(Duration.ofMillis(150), Duration.ofSeconds(5));
      assertThat(new GetterReader(CATALOG.formats()).read(d, new Getter.DirListing("/home/user/out")).items()).containsExactly("list.txt", "logs");
      assertThat(new GetterReader(CATALOG.formats()).read(d, new Getter.FileExists("/home/user/out/logs", "dir")).flag()).isTrue();
      assertThat(new GetterReader(CATALOG.formats()).read(d, new Getter.FileExists("/home/user/out/logs", "file")).flag()).isFalse();
      assertThat(new GetterReader(CATALOG.formats()).read(d, new Getter.FileText("/home/user/out/list.txt")).text()).isEqualTo("one\ntwo\n");
      assertThat(new GetterReader(CATALOG.formats()).read(d, new Getter.FileText("/home/user/out/none.txt")).present()).isFalse();
    }
  }
}
