package io.deskforge.apps.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.check.SavedState;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.desktop.WindowInfo;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Getter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LibreOffice Calc in a sandbox desktop: the prepared profile shows no dialog, and what its GUI saves is what the getters read. */
class CalcOnDesktopTest {
  static final AppCatalog CATALOG = AppCatalog.load();
  @TempDir Path work;

  @Test
  void formulasTypedIntoCalcAndSavedAsXlsxAreReadWithTheirValuesAndNoDialogEverShows() {
    String file = "/home/user/prices.xlsx";
    try (DesktopProvider p = DesktopProviders.create("sandbox");
        Desktop d = p.create(CATALOG.desktopFor(List.of(Calc.NAME)).workRoot(work).build())) {
      d.start();
      CATALOG.formats().forPath(file, DocumentFormat.Kind.SPREADSHEET).write(d, file,
          List.of(List.of("Item", "Qty", "Price"), List.of("tea", "11", "12.5"), List.of("jam", "30", "2.25")));
      d.launch(CATALOG.get(Calc.NAME).launch(List.of(file)));
      assertThat(d.windows()).extracting(WindowInfo::title).containsExactly("prices.xlsx - LibreOffice Calc");
      List<Action> actions = new ArrayList<>(CalcGui.enter("D1", "Total"));
      actions.addAll(CalcGui.fillDown("D2:D3", "=B2*C2"));
      actions.addAll(CalcGui.enter("D4", "=SUM(D2:D3)"));
      actions.addAll(CalcGui.save(file));
      d.act(actions);
      d.settle(Duration.ofMillis(300), Duration.ofSeconds(5));
      // saving .xlsx asked nothing (keep format), and no tip, recovery or what's-new window came up
      assertThat(d.windows()).extracting(WindowInfo::title).containsExactly("prices.xlsx - LibreOffice Calc");
      GetterReader reader = new GetterReader(CATALOG.formats());
      assertThat(reader.read(d, new Getter.SpreadsheetRange(file, null, "D1:D4")).rows())
          .containsExactly(List.of("Total"), List.of("137.5"), List.of("67.5"), List.of("205"));
      XlsxWorkbook saved = XlsxFormat.workbook(SavedState.of(d), file);
      assertThat(saved.formula(null, "D3")).isEqualTo("=B3*C3");
      assertThat(saved.formula(null, "D4")).isEqualTo("=SUM(D2:D3)");
      assertThat(saved.bold(null, "A1")).as("the header written bold stays bold").isTrue();
      List<String> home = d.privileged().list("/home/user");
      assertThat(home).as("no lock file beside the document").noneMatch(n -> n.startsWith(".~lock"));
      assertThat(home.stream().filter(n -> !n.startsWith(".")).toList()).as("no backup or temporary file").containsExactly("prices.xlsx");
    }
  }
}
