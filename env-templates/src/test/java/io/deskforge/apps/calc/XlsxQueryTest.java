package io.deskforge.apps.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.check.Reading;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code document_query} getter on workbooks LibreOffice itself saved: each query reads the
 * right value through the catalog's formats, a malformed query fails closed, and each mutation the
 * format offers changes exactly what its query reads.
 */
class XlsxQueryTest {
  @TempDir static Path home;
  static final GetterReader READER = new GetterReader(AppCatalog.load().formats());
  static final String MADE = "/home/user/made.xlsx";
  static final String CHART = "/home/user/chart.xlsx";

  @BeforeAll
  static void libreOfficeSavesTheWorkbooks() throws Exception {
    Files.writeString(home.resolve("made.fods"), XlsxWorkbookTest.FODS.strip(), StandardCharsets.UTF_8);
    // a bar chart over B2:B4, drawn by POI and then saved again by LibreOffice
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = book.createSheet("Sales");
      String[][] rows = {{"Region", "Sales"}, {"North", "12"}, {"South", "30"}, {"East", "7"}};
      for (int r = 0; r < rows.length; r++) {
        sheet.createRow(r).createCell(0).setCellValue(rows[r][0]);
        if (r == 0) sheet.getRow(r).createCell(1).setCellValue(rows[r][1]);
        else sheet.getRow(r).createCell(1).setCellValue(Double.parseDouble(rows[r][1]));
      }
      var chart = sheet.createDrawingPatriarch().createChart(sheet.getDrawingPatriarch().createAnchor(0, 0, 0, 0, 3, 1, 9, 15));
      var data = chart.createData(ChartTypes.BAR, chart.createCategoryAxis(org.apache.poi.xddf.usermodel.chart.AxisPosition.BOTTOM),
          chart.createValueAxis(org.apache.poi.xddf.usermodel.chart.AxisPosition.LEFT));
      data.addSeries(XDDFDataSourcesFactory.fromStringCellRange(sheet, org.apache.poi.ss.util.CellRangeAddress.valueOf("A2:A4")),
          XDDFDataSourcesFactory.fromNumericCellRange(sheet, org.apache.poi.ss.util.CellRangeAddress.valueOf("B2:B4")));
      chart.plot(data);
      book.write(out);
      Files.createDirectories(home.resolve("poi"));
      Files.write(home.resolve("poi/chart.xlsx"), out.toByteArray());
    }
    convert(home.resolve("made.fods"), "xlsx");
    convert(home.resolve("poi/chart.xlsx"), "xlsx");
  }

  private static void convert(Path src, String to) throws Exception {
    Process p = new ProcessBuilder("soffice", "-env:UserInstallation=" + home.resolve("profile").toUri(), "--headless",
        "--convert-to", to, "--outdir", home.toString(), src.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("soffice finished").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String name = src.getFileName().toString().replaceFirst("\\.[^.]+$", "." + to);
    assertThat(home.resolve(name)).as("soffice converted " + src + ": " + out).exists();
  }

  private static Reading ask(String path, String query) {
    return READER.read(new FolderState(home), new Getter.DocumentQuery(path, query));
  }

  @Test
  void eachCellPropertyReadsWhatLibreOfficeSaved() {
    assertThat(ask(MADE, "B3.formula").text()).isEqualTo("=B2*2+0.25");
    assertThat(ask(MADE, "Q3 Sales!B3.value").text()).isEqualTo("2469.25");
    assertThat(ask(MADE, "B2.number_format").text()).isEqualTo("#,##0.00");
    assertThat(ask(MADE, "A1.bold").flag()).isTrue();
    assertThat(ask(MADE, "A2.bold").flag()).isFalse();
    assertThat(ask(MADE, "A2.italic").flag()).isFalse();
    assertThat(ask(MADE, "A3.fill").text()).isEqualTo("FFFF00");
    assertThat(ask(MADE, "A1.align").text()).isEqualTo("general");
    assertThat(ask(MADE, "A1.font").text()).isNotBlank();
    assertThat(ask(MADE, "sheets").items()).containsExactly("Q3 Sales", "Notes");
  }

  @Test
  void whatACellDoesNotHaveReadsAsAbsent() {
    assertThat(ask(MADE, "B2.formula").present()).as("a number typed in has no formula").isFalse();
    assertThat(ask(MADE, "A2.fill").present()).isFalse();
  }

  @Test
  void chartsReadTheirKindAndTheRangeTheyPlot() {
    assertThat(ask(CHART, "charts").items()).containsExactly("bar");
    assertThat(ask(CHART, "Sales!chart_ranges").items()).singleElement().asString().contains("B$2:$B$4");
    assertThat(ask(MADE, "charts").items()).isEmpty();
  }

  @Test
  void aBadQueryAMissingSheetOrAMissingFileNeverReadsAsAValue() {
    assertThat(ask(MADE, "B3.colour").unreadable()).contains("not an .xlsx query");
    assertThat(ask(MADE, "Nope!B3.value").unreadable()).contains("no sheet named 'Nope'");
    assertThat(ask("/home/user/none.xlsx", "B3.value").present()).isFalse();
    assertThat(ask("/home/user/made.fods", "B3.value").unreadable()).contains("no app's document format claims");
    DocumentFormat xlsx = AppCatalog.load().formats().claiming(MADE).orElseThrow();
    assertThat(xlsx.queryProblem("B3.formula")).isEmpty();
    assertThat(xlsx.queryProblem("sheet 3")).get().asString().contains("CELL.formula");
  }

  @Test
  void eachMutationChangesWhatItsQueryReads() throws Exception {
    DocumentFormat xlsx = AppCatalog.load().formats().claiming(MADE).orElseThrow();
    byte[] original = Files.readAllBytes(home.resolve("made.xlsx"));
    for (String query : List.of("B3.formula", "B2.value", "B2.number_format", "A2.number_format", "A1.bold", "A3.fill", "sheets")) {
      Reading before = ask(MADE, query);
      List<DocumentFormat.Mutation> mutations = xlsx.mutations(MADE, query);
      assertThat(mutations).as(query).isNotEmpty();
      for (DocumentFormat.Mutation m : mutations) {
        Files.write(home.resolve("made.xlsx"), original);
        m.apply().accept(new FolderState(home));
        assertThat(ask(MADE, query)).as(m.name()).isNotEqualTo(before);
      }
    }
    // the formula replaced by its value keeps the value: only a checker asking for the formula sees it
    Files.write(home.resolve("made.xlsx"), original);
    xlsx.mutations(MADE, "B3.formula").get(0).apply().accept(new FolderState(home));
    assertThat(ask(MADE, "B3.value").text()).isEqualTo("2469.25");
    assertThat(READER.check(new FolderState(home), Checker.check(new Getter.DocumentQuery(MADE, "B3.formula"),
        new Metric.EqualsText("=B2*2+0.25", true, false))).passed()).isFalse();
    Files.write(home.resolve("made.xlsx"), original);
  }
}
