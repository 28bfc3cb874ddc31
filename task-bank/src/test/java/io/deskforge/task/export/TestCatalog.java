package io.deskforge.task.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the app catalog answers for the sample tasks' apps (mousepad, gnumeric, files, chromium), written out
 * here because task-bank cannot depend on env-templates.
 */
final class TestCatalog implements ExportCatalog {
  /** Small, so a test can pass the limit. */
  static final long READ_BYTES = 4096;
  static final TestCatalog INSTANCE = new TestCatalog(READ_BYTES);
  /** A read limit that whole databases fit in. */
  static final TestCatalog LARGER_FILES = new TestCatalog(1 << 20);

  private final long readBytes;

  private TestCatalog(long readBytes) {
    this.readBytes = readBytes;
  }

  long readBytes() {
    return readBytes;
  }

  @Override
  public List<String> packages(String app) {
    return switch (app) {
      case "mousepad" -> List.of("mousepad");
      case "gnumeric" -> List.of("gnumeric");
      case "files" -> List.of("nautilus");
      case "chromium" -> List.of("chromium");
      case "libreoffice-calc" -> List.of("libreoffice-calc");
      case "nodewiki" -> List.of("nodejs");
      default -> throw new IllegalArgumentException("unknown app '" + app + "'; known apps: chromium, files, gnumeric, mousepad");
    };
  }

  /** A Node.js wiki from npm, as TiddlyWiki is. */
  @Override
  public List<String> npmPackages(String app) {
    return app.equals("nodewiki") ? List.of("nodewiki@5.3.8") : List.of();
  }

  @Override
  public List<String> launchCommand(String app, List<String> args) {
    List<String> out = new ArrayList<>(List.of(app));
    out.addAll(args);
    return out;
  }

  @Override
  public List<String> spreadsheetToCsv(String path, String sheet) {
    List<String> out = new ArrayList<>(List.of("ssconvert", "--recalc", "--export-type=Gnumeric_stf:stf_csv"));
    if (sheet != null) out.add("--export-options=sheet=" + sheet);
    out.addAll(List.of(path, "fd://1"));
    return out;
  }

  /** A workbook cell's boldness, as Calc's format maps it; nothing else. */
  @Override
  public java.util.Optional<OsworldCheck> documentCheck(String path, String query, io.deskforge.task.spec.Metric metric) {
    if (!query.endsWith(".bold") || !(metric instanceof io.deskforge.task.spec.Metric.IsTrue)) return java.util.Optional.empty();
    var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    var result = json.objectNode().put("type", "vm_file").put("path", path).put("dest", path.substring(path.lastIndexOf('/') + 1));
    var options = json.objectNode();
    var rule = options.putArray("rules").addObject().put("type", "check_cell").put("sheet_idx", 0).put("coordinate", query.replace(".bold", ""));
    rule.putObject("props").putObject("font_bold").put("method", "eq").put("ref", true);
    return java.util.Optional.of(new OsworldCheck("compare_table", result, null, options));
  }

  /** A workbook cell's value, as Calc's format gives it to the VM reader, and a PDF's page count; nothing else. */
  @Override
  public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> documentReader(String path, String query) {
    if (path.endsWith(".pdf") && query.equals("pages")) {
      var reader = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("format", "pdf");
      reader.putObject("q").put("what", "pages").put("page", 0);
      return java.util.Optional.of(reader);
    }
    if (!query.endsWith(".value")) return java.util.Optional.empty();
    var reader = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("format", "xlsx");
    reader.putObject("q").put("property", "value").put("column", 2).put("row", 1);
    return java.util.Optional.of(reader);
  }

  /** A PDF's reader needs PyMuPDF, as Writer's format says; no other document's reader needs a package. */
  @Override
  public List<String> documentReaderPackages(String path) {
    return path.endsWith(".pdf") ? List.of("python3-fitz") : List.of();
  }

  @Override
  public FilePlan documentWrite(String path, com.fasterxml.jackson.databind.JsonNode content, String scratch) {
    return new FilePlan(Map.of(scratch + "/content.json", content.toString()), List.of(List.of("write-document", scratch + "/content.json", path)));
  }


  @Override
  public ReadLimits readLimits() {
    return new ReadLimits(readBytes, java.time.Duration.ofSeconds(20));
  }

  @Override
  public FilePlan spreadsheetWrite(String path, List<List<String>> rows, String scratch) {
    StringBuilder csv = new StringBuilder();
    rows.forEach(r -> csv.append(String.join(",", r)).append('\n'));
    return new FilePlan(Map.of(scratch + "/Sheet1.csv", csv.toString()), List.of(List.of("ssconvert", scratch + "/Sheet1.csv", path)));
  }
}
