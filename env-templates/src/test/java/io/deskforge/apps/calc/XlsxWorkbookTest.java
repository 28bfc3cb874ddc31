package io.deskforge.apps.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskforge.apps.office.HostSoffice;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.desktop.UnreadableFileException;
import io.deskforge.task.check.CheckResult;
import io.deskforge.task.check.Reading;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .xlsx getters on a workbook LibreOffice itself wrote (a flat ODF spreadsheet converted by
 * {@code soffice --headless}: a renamed sheet, a bold header, a number format, a fill, a formula)
 * and on one POI wrote from rows; what is missing or not a workbook never reads as a value.
 */
class XlsxWorkbookTest {
  static final String FODS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
        xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
        office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
       <office:automatic-styles>
        <number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
        <style:style style:name="bold" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
        <style:style style:name="money" style:family="table-cell" style:data-style-name="N2"/>
        <style:style style:name="yellow" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffff00"/></style:style>
       </office:automatic-styles>
       <office:body><office:spreadsheet>
        <table:table table:name="Q3 Sales">
         <table:table-row><table:table-cell table:style-name="bold" office:value-type="string"><text:p>Item</text:p></table:table-cell><table:table-cell table:style-name="bold" office:value-type="string"><text:p>Amount</text:p></table:table-cell></table:table-row>
         <table:table-row><table:table-cell office:value-type="string"><text:p>tea</text:p></table:table-cell><table:table-cell table:style-name="money" office:value-type="float" office:value="1234.5"/></table:table-row>
         <table:table-row><table:table-cell table:style-name="yellow" office:value-type="string"><text:p>jam</text:p></table:table-cell><table:table-cell table:formula="of:=[.B2]*2+0.25" office:value-type="float" office:value="2469.25"/></table:table-row>
        </table:table>
        <table:table table:name="Notes"><table:table-row><table:table-cell office:value-type="string"><text:p>n</text:p></table:table-cell></table:table-row></table:table>
       </office:spreadsheet></office:body></office:document>
      """;
  @TempDir static Path home;
  static XlsxWorkbook byLibreOffice;

  @BeforeAll
  static void libreOfficeWritesAWorkbook() throws Exception {
    Path src = home.resolve("made.fods");
    Files.writeString(src, FODS.strip(), StandardCharsets.UTF_8);
    String out = HostSoffice.convert(src, "xlsx", home, home.resolve("profile"));
    assertThat(home.resolve("made.xlsx")).as("soffice converted: " + out).exists();
    byLibreOffice = XlsxWorkbook.parse(Files.readAllBytes(home.resolve("made.xlsx")), "made.xlsx");
  }

  @Test
  void sheetNamesAreReadInTabOrder() {
    assertThat(byLibreOffice.sheetNames()).containsExactly("Q3 Sales", "Notes");
  }

  @Test
  void aValueReadsAsTheSheetShowsItWithItsNumberFormat() {
    assertThat(byLibreOffice.value("Q3 Sales", "B2")).isEqualTo("1,234.50");
    assertThat(byLibreOffice.numberFormat("Q3 Sales", "B2")).isEqualTo("#,##0.00");
    assertThat(byLibreOffice.numberFormat("Q3 Sales", "A2")).isEqualTo("General");
  }

  @Test
  void aFormulaReadsAsItsFormulaAndItsComputedValue() {
    assertThat(byLibreOffice.formula("Q3 Sales", "B3")).isEqualTo("=B2*2+0.25");
    assertThat(byLibreOffice.value("Q3 Sales", "B3")).isEqualTo("2469.25");
    assertThat(byLibreOffice.formula("Q3 Sales", "B2")).as("a plain number has no formula").isNull();
  }

  @Test
  void boldAndFillAreReadPerCellAndAbsentWhereNotSet() {
    assertThat(byLibreOffice.bold("Q3 Sales", "A1")).isTrue();
    assertThat(byLibreOffice.bold("Q3 Sales", "A2")).isFalse();
    assertThat(byLibreOffice.fill("Q3 Sales", "A3")).isEqualTo("FFFF00");
    assertThat(byLibreOffice.fill("Q3 Sales", "A2")).isNull();
    assertThat(byLibreOffice.fill("Q3 Sales", "Z99")).as("a cell never written").isNull();
  }

  @Test
  void rowsOfTheFirstOrANamedSheet() {
    assertThat(byLibreOffice.rows(null)).containsExactly(List.of("Item", "Amount"), List.of("tea", "1,234.50"), List.of("jam", "2469.25"));
    assertThat(byLibreOffice.rows("Notes")).containsExactly(List.of("n"));
  }

  @Test
  void aSheetThatIsNotThereIsUnreadableNotEmpty() {
    assertThatThrownBy(() -> byLibreOffice.rows("Sheet1")).isInstanceOf(UnreadableFileException.class).hasMessageContaining("Q3 Sales");
  }

  @Test
  void rowsWrittenByTheFormatReadBackExactlyWithABoldHeader() {
    List<List<String>> rows = List.of(List.of("Order", "Qty", "Unit Price"), List.of("SO-1", "3", "12.37"), List.of("SO-2", "10", "0.5"));
    XlsxWorkbook wb = XlsxWorkbook.parse(XlsxFormat.workbookOf(rows), "rows.xlsx");
    assertThat(wb.rows(null)).isEqualTo(rows);
    assertThat(wb.sheetNames()).containsExactly("Sheet1");
    assertThat(wb.bold(null, "B1")).isTrue();
    assertThat(wb.bold(null, "B2")).isFalse();
  }

  @Test
  void generalNumbersReadAsPlainDecimalsWithoutBinaryNoise() {
    assertThat(XlsxWorkbook.plain(7 * 12.35)).isEqualTo("86.45");
    assertThat(XlsxWorkbook.plain(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(XlsxWorkbook.plain(1e6)).isEqualTo("1000000");
  }

  @Test
  void aMissingWorkbookReadsAsAbsentAndFailsTheCheck() throws Exception {
    FolderState state = new FolderState(Files.createDirectories(home.resolve("empty")));
    GetterReader reader = new GetterReader(AppCatalog.load().formats());
    Getter cell = new Getter.SpreadsheetCell("/home/user/none.xlsx", null, "A1");
    assertThat(reader.read(state, cell).present()).isFalse();
    CheckResult r = reader.check(state, Checker.check(cell, new Metric.EqualsText("", true, false)));
    assertThat(r.passed()).isFalse();
  }

  @Test
  void bytesThatAreNotAWorkbookReadAsUnreadableAndFailTheCheck() throws Exception {
    Path dir = Files.createDirectories(home.resolve("bad"));
    Files.writeString(dir.resolve("corrupt.xlsx"), "PK\u0003\u0004 not really a zip");
    Files.copy(home.resolve("made.fods"), dir.resolve("flat.xlsx")); // another format under the name
    FolderState state = new FolderState(dir);
    GetterReader reader = new GetterReader(AppCatalog.load().formats());
    for (String name : List.of("corrupt.xlsx", "flat.xlsx")) {
      Getter cell = new Getter.SpreadsheetCell("/home/user/" + name, null, "A1");
      Reading reading = reader.read(state, cell);
      assertThat(reading.unreadable()).as(name).isNotNull();
      assertThat(reader.check(state, Checker.check(cell, new Metric.Matches(".*"))).passed()).as(name).isFalse();
    }
  }
}
