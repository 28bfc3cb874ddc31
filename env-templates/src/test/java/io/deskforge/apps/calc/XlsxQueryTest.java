package io.deskforge.apps.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.office.HostSoffice;
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
  static final String RULES = "/home/user/rules.xlsx";
  /** Amounts in A2:A4 with a rule "value greater than 500" giving a light red background (a cell style, as Calc's dialog applies), and B3 filled red by hand. */
  static final String RULES_FODS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
        xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
        office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
       <office:automatic-styles><style:style style:name="red" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffcccc"/></style:style></office:automatic-styles>
       <office:styles>
        <style:style style:name="Bad" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffcccc"/><style:text-properties fo:color="#cc0000"/></style:style>
       </office:styles>
       <office:body><office:spreadsheet>
        <table:table table:name="Sheet1">
         <table:table-row><table:table-cell office:value-type="string"><text:p>Amount</text:p></table:table-cell></table:table-row>
         <table:table-row><table:table-cell office:value-type="float" office:value="100"/></table:table-row>
         <table:table-row><table:table-cell office:value-type="float" office:value="700"/><table:table-cell table:style-name="red" office:value-type="float" office:value="700"/></table:table-row>
         <table:table-row><table:table-cell office:value-type="float" office:value="501"/></table:table-row>
         <calcext:conditional-formats>
          <calcext:conditional-format calcext:target-range-address="Sheet1.A2:Sheet1.A4">
           <calcext:condition calcext:apply-style-name="Bad" calcext:value="&gt;500" calcext:base-cell-address="Sheet1.A2"/>
          </calcext:conditional-format>
         </calcext:conditional-formats>
        </table:table>
       </office:spreadsheet></office:body></office:document>
      """;

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
    Files.writeString(home.resolve("rules.fods"), RULES_FODS.strip(), StandardCharsets.UTF_8);
    convert(home.resolve("rules.fods"), "xlsx");
    convert(home.resolve("poi/chart.xlsx"), "xlsx");
  }

  private static void convert(Path src, String to) throws Exception {
    String out = HostSoffice.convert(src, to, home, home.resolve("profile"));
    String name = src.getFileName().toString().replaceFirst("\\.[^.]+$", "." + to);
    assertThat(home.resolve(name)).as("soffice converted " + src + ": " + out).exists();
  }

  private static FolderState state() {
    return new FolderState(home);
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
    assertThat(ask(CHART, "Sales!chart_ranges").items()).containsExactly("B2:B4");
    assertThat(ask(MADE, "charts").items()).isEmpty();
  }

  @Test
  void conditionalFormatsReadEachRuleAsLibreOfficeWroteIt() {
    // LibreOffice writes the rule as a cellIs rule whose differential format's fill is the style's background
    assertThat(ask(RULES, "Sheet1!conditional_formats").items()).containsExactly("A2:A4 greater_than 500 FFCCCC");
    assertThat(ask(RULES, "conditional_formats").items()).containsExactly("A2:A4 greater_than 500 FFCCCC");
    // a fill given by hand is no rule, though it looks the same
    assertThat(ask(RULES, "B3.fill").text()).isEqualTo("FFCCCC");
    assertThat(ask(MADE, "conditional_formats").items()).as("a fill given by hand is no rule").isEmpty();
    // the rule evaluated on each cell's value: 700 and 501 are above 500, 100 is not; B3's fill is its own, not a rule's
    assertThat(ask(RULES, "A3.conditional_fill").text()).isEqualTo("FFCCCC");
    assertThat(ask(RULES, "A4.conditional_fill").text()).isEqualTo("FFCCCC");
    assertThat(ask(RULES, "A2.conditional_fill").text()).isEqualTo("none");
    assertThat(ask(RULES, "B3.conditional_fill").text()).isEqualTo("none");
    assertThat(ask(RULES, "Z9.conditional_fill").text()).isEqualTo("none");
  }

  @Test
  void conditionalFormatMutationsRemoveTheRuleOrChangeItsOperand() throws Exception {
    DocumentFormat xlsx = AppCatalog.load().formats().claiming(RULES).orElseThrow();
    byte[] original = Files.readAllBytes(home.resolve("rules.xlsx"));
    List<DocumentFormat.Mutation> mutations = xlsx.mutations(RULES, "Sheet1!conditional_formats");
    assertThat(mutations).extracting(DocumentFormat.Mutation::name)
        .containsExactly("rule-removed:Sheet1", "operand-changed:Sheet1");
    mutations.get(0).apply().accept(new FolderState(home));
    assertThat(ask(RULES, "Sheet1!conditional_formats").items()).isEmpty();
    Files.write(home.resolve("rules.xlsx"), original);
    mutations.get(1).apply().accept(new FolderState(home));
    assertThat(ask(RULES, "Sheet1!conditional_formats").items()).containsExactly("A2:A4 greater_than 501 FFCCCC");
    assertThat(ask(RULES, "A4.conditional_fill").text()).as("501 is not above 501").isEqualTo("none");
    assertThat(ask(RULES, "A3.conditional_fill").text()).isEqualTo("FFCCCC");
    assertThat(xlsx.mutations(RULES, "A4.conditional_fill")).extracting(DocumentFormat.Mutation::name)
        .containsExactly("rule-removed:first-sheet", "operand-changed:first-sheet");
    Files.write(home.resolve("rules.xlsx"), original);
    // nothing to change on a workbook without rules: the mutation says so rather than passing silently
    byte[] made = Files.readAllBytes(home.resolve("made.xlsx"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> xlsx.mutations(MADE, "conditional_formats").get(0).apply().accept(new FolderState(home)))
        .hasMessageContaining("no conditional format to remove");
    Files.write(home.resolve("made.xlsx"), made);
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

  /** Every query the export's VM reader reads, on the workbooks, each mutation's state of the first, and files that are no workbook. */
  static final List<String> VM_QUERIES = List.of("B3.formula", "B2.formula", "A1.formula", "Q3 Sales!B3.value", "B3.value", "A1.value",
      "A2.value", "B1.value", "C9.value", "Notes!A1.value", "q3 sales!A3.value", "Nope!B3.value", "A1.bold", "A2.bold", "B1.bold",
      "Z99.bold", "A1.italic", "A2.italic", "A1.font", "B3.font", "Z99.font", "sheets");
  /**
   * The number formats, asked apart: their mutations give a number a format, and its value then has
   * no faithful Python form (the VM reader fails closed on it, which the value queries above would count).
   */
  static final List<String> NUMBER_FORMAT_QUERIES = List.of("B2.number_format", "A2.number_format", "A1.number_format",
      "B3.number_format", "Z99.number_format", "Notes!A1.number_format");

  /** Number formats of a workbook POI writes: Calc's date codes typed in Format Cells, built-in ids (14, a reserved one) and none. */
  static final List<String> DATE_QUERIES = List.of("A1.number_format", "A2.number_format", "A3.number_format", "A4.number_format",
      "A5.number_format", "A6.number_format", "A7.number_format");

  static Path dates() throws java.io.IOException {
    Path file = home.resolve("dates.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
      XSSFSheet sheet = book.createSheet("Shipments");
      short[] formats = {book.createDataFormat().getFormat("YYYY/MM/DD"), book.createDataFormat().getFormat("mm/dd/yyyy"), 14, 0x1E,
          book.createDataFormat().getFormat("[$-409]MMM D, YYYY;@"), 0};
      for (int r = 0; r < formats.length; r++) {
        var cell = sheet.createRow(r).createCell(0);
        cell.setCellValue(45000 + r);
        var style = book.createCellStyle();
        style.setDataFormat(formats[r]);
        cell.setCellStyle(style);
      }
      sheet.createRow(6).createCell(0).setCellValue("no style of its own");
      book.write(out);
    }
    return file;
  }

  @Test
  void theExportsVmReaderReadsEveryQueryAsDeskforgeDoes() throws Exception {
    DocumentFormat xlsx = AppCatalog.load().formats().claiming(MADE).orElseThrow();
    Path made = home.resolve("made.xlsx");
    try (var vm = new io.deskforge.apps.osworld.VmDocumentReader()) {
      assertThat(VM_QUERIES).allSatisfy(q -> assertThat(vm.reader(MADE, q)).as(q).isPresent());
      for (String q : List.of("A3.fill", "A1.align", "conditional_formats")) {
        assertThat(vm.reader(MADE, q)).as("%s has no Python form yet", q).isEmpty();
      }
      // a number shown through a format (1,234.50) has no faithful Python form: the VM reader fails closed on it
      assertThat(ask(MADE, "B2.value").text()).isEqualTo("1,234.50");
      assertThat(vm.read(made, MADE, "B2.value", "text")).startsWith("(unreadable");
      List<String> wrong = new java.util.ArrayList<>(vm.disagreements("made", made, MADE, VM_QUERIES, q -> ask(MADE, q)));
      wrong.addAll(vm.disagreements("chart", home.resolve("chart.xlsx"), CHART, List.of("Sales!B2.value", "A4.value", "A1.bold", "sheets",
          "charts", "Sales!chart_ranges", "B3.conditional_fill", "Sales!B2.number_format", "A1.number_format"), q -> ask(CHART, q)));
      wrong.addAll(vm.disagreements("dates", dates(), "/home/user/dates.xlsx", DATE_QUERIES, q -> ask("/home/user/dates.xlsx", q)));
      wrong.addAll(vm.disagreements("made", made, MADE, List.of("charts", "chart_ranges", "B3.conditional_fill"), q -> ask(MADE, q)));
      // the rules' workbook and each of its mutations: what every cell's rules give it
      List<String> rules = List.of("A2.conditional_fill", "A3.conditional_fill", "A4.conditional_fill", "B3.conditional_fill",
          "Z9.conditional_fill", "Sheet1!A4.conditional_fill", "charts");
      Path rulesFile = home.resolve("rules.xlsx");
      byte[] rulesOriginal = Files.readAllBytes(rulesFile);
      wrong.addAll(vm.disagreements("rules", rulesFile, RULES, rules, q -> ask(RULES, q)));
      for (DocumentFormat.Mutation m : xlsx.mutations(RULES, "A3.conditional_fill")) {
        Files.write(rulesFile, rulesOriginal);
        m.apply().accept(state());
        wrong.addAll(vm.disagreements(m.name(), rulesFile, RULES, rules, q -> ask(RULES, q)));
      }
      Files.write(rulesFile, rulesOriginal);
      byte[] original = Files.readAllBytes(made);
      FolderState state = new FolderState(home);
      for (DocumentFormat.Mutation m : io.deskforge.apps.osworld.VmDocumentReader.mutations(xlsx, MADE, VM_QUERIES)) {
        Files.write(made, original);
        try {
          m.apply().accept(state);
        } catch (RuntimeException e) {
          continue; // nothing to change there (a sheet the workbook lacks)
        }
        wrong.addAll(vm.disagreements(m.name(), made, MADE, VM_QUERIES, q -> ask(MADE, q)));
      }
      for (DocumentFormat.Mutation m : io.deskforge.apps.osworld.VmDocumentReader.mutations(xlsx, MADE, NUMBER_FORMAT_QUERIES)) {
        Files.write(made, original);
        m.apply().accept(state);
        wrong.addAll(vm.disagreements(m.name(), made, MADE, NUMBER_FORMAT_QUERIES, q -> ask(MADE, q)));
      }
      Files.write(made, original);
      wrong.addAll(vm.disagreements("made", made, MADE, NUMBER_FORMAT_QUERIES, q -> ask(MADE, q)));
      Files.write(home.resolve("half.xlsx"), java.util.Arrays.copyOf(original, original.length / 2));
      Files.writeString(home.resolve("junk.xlsx"), "not a zip");
      Files.createDirectories(home.resolve("folder.xlsx"));
      for (String name : List.of("none.xlsx", "half.xlsx", "junk.xlsx", "folder.xlsx")) {
        wrong.addAll(vm.disagreements(name, home.resolve(name), "/home/user/" + name, List.of("A1.value", "sheets", "A1.bold", "A1.number_format"),
            q -> ask("/home/user/" + name, q)));
      }
      assertThat(wrong).as("queries the VM reader reads otherwise than deskforge").isEmpty();
    }
  }
}
