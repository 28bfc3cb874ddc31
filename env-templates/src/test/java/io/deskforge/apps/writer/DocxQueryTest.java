package io.deskforge.apps.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskforge.apps.office.HostSoffice;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.check.HostSavedState;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.check.Reading;
import io.deskforge.task.spec.Getter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code document_query} getter on .docx documents LibreOffice itself saved: one converted
 * from a flat ODF text (a heading, centered, right-aligned and double-spaced, justified bold
 * paragraphs, a bold phrase, a table, a header, a footer with a page number, a landscape page),
 * and one that {@link DocxContent} wrote and LibreOffice opened and saved again, as a task's
 * document is. Each query reads the right value, what is not there reads as absent, a malformed
 * query or a file that is no document never reads as a value, and each mutation changes what its
 * query reads.
 */
class DocxQueryTest {
  static final String FODT = """
      <?xml version="1.0" encoding="UTF-8"?>
      <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
        office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
       <office:styles>
        <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:class="text"/>
       </office:styles>
       <office:automatic-styles>
        <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
        <style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end" fo:line-height="200%"/></style:style>
        <style:style style:name="P3" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:line-height="150%"/><style:text-properties style:font-name="DejaVu Sans" fo:font-family="'DejaVu Sans'" fo:font-weight="bold"/></style:style>
        <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
        <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="27.94cm" fo:page-height="21.59cm" style:print-orientation="landscape"/></style:page-layout>
       </office:automatic-styles>
       <office:master-styles>
        <style:master-page style:name="Standard" style:page-layout-name="pm1">
         <style:header><text:p>Quarterly memo</text:p></style:header>
         <style:footer><text:p>Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
        </style:master-page>
       </office:master-styles>
       <office:body><office:text>
        <text:h text:style-name="Heading_20_1" text:outline-level="1">Annual report</text:h>
        <text:p text:style-name="P1">A centered line.</text:p>
        <text:p text:style-name="P2">Right aligned and double spaced.</text:p>
        <text:p text:style-name="P3">Justified, one and a half, bold DejaVu.</text:p>
        <text:p text:style-name="Standard">Plain text with a <text:span text:style-name="T1">bold phrase</text:span> inside.</text:p>
        <table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>
         <table:table-row><table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Qty</text:p></table:table-cell></table:table-row>
         <table:table-row><table:table-cell office:value-type="string"><text:p>tea</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>12</text:p></table:table-cell></table:table-row>
        </table:table>
        <text:p text:style-name="Standard">Last words.</text:p>
       </office:text></office:body></office:document>
      """;
  /** Lists as Writer makes them: a bulleted and a numbered one, between plain paragraphs; "tea" bold everywhere, "jam" once not. */
  static final String LISTS_FODT = """
      <?xml version="1.0" encoding="UTF-8"?>
      <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
        office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
       <office:automatic-styles>
        <text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
        <text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/></text:list-style>
        <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
       </office:automatic-styles>
       <office:body><office:text>
        <text:p>Shopping with <text:span text:style-name="T1">tea</text:span> and jam:</text:p>
        <text:list text:style-name="L1">
         <text:list-item><text:p>green <text:span text:style-name="T1">tea</text:span></text:p></text:list-item>
         <text:list-item><text:p>apricot <text:span text:style-name="T1">jam</text:span></text:p></text:list-item>
        </text:list>
        <text:p>Steps to follow:</text:p>
        <text:list text:style-name="L2">
         <text:list-item><text:p>Boil the water</text:p></text:list-item>
         <text:list-item><text:p>Pour the <text:span text:style-name="T1">tea</text:span></text:p></text:list-item>
        </text:list>
        <text:p>Done.</text:p>
       </office:text></office:body></office:document>
      """;
  static final String CONTENT = """
      {"paragraphs": [{"text": "Field notes", "style": "Title"}, {"text": "Soil", "style": "Heading 2"},
        {"text": "The copper lantern was found by Ada.", "align": "justify", "spacing": 2},
        {"text": "Bold all through.", "bold": true, "align": "right"}, "Plain and simple."],
       "tables": [{"after": 2, "rows": [["a", "b"], ["c", "d"]]}], "header": "Draft"}""";

  @TempDir static Path home;
  static final GetterReader READER = new GetterReader(AppCatalog.load().formats());
  static HostSavedState STATE;
  static String made;
  static String resaved;
  static String lists;

  @BeforeAll
  static void libreOfficeSavesTheDocuments() throws Exception {
    STATE = new HostSavedState(home); // commands run there: a mutation writes the file back through one
    Files.writeString(home.resolve("made.fodt"), FODT.strip(), StandardCharsets.UTF_8);
    convert(home.resolve("made.fodt"));
    made = home.resolve("made.docx").toString();
    JsonNode content = new ObjectMapper().readTree(CONTENT);
    Files.createDirectories(home.resolve("poi"));
    Files.write(home.resolve("poi/resaved.docx"), DocxContent.build(content));
    convert(home.resolve("poi/resaved.docx"));
    resaved = home.resolve("resaved.docx").toString();
    Files.writeString(home.resolve("lists.fodt"), LISTS_FODT.strip(), StandardCharsets.UTF_8);
    convert(home.resolve("lists.fodt"));
    lists = home.resolve("lists.docx").toString();
  }

  static void convert(Path src) throws Exception {
    String out = HostSoffice.convert(src, "docx:MS Word 2007 XML", home, home.resolve("profile"));
    String name = src.getFileName().toString().replaceFirst("\\.[^.]+$", ".docx");
    assertThat(home.resolve(name)).as("soffice converted " + src + ": " + out).exists();
  }

  static Reading ask(String path, String query) {
    return READER.read(STATE, new Getter.DocumentQuery(path, query));
  }

  @Test
  void paragraphPropertiesReadWhatLibreOfficeSaved() {
    assertThat(ask(made, "paragraphs").items()).containsExactly("Annual report", "A centered line.", "Right aligned and double spaced.",
        "Justified, one and a half, bold DejaVu.", "Plain text with a bold phrase inside.", "Last words.");
    assertThat(ask(made, "text").text()).startsWith("Annual report\nA centered line.\n").endsWith("\nLast words.");
    assertThat(ask(made, "paragraph 1 style").text()).isEqualTo("Heading 1");
    assertThat(ask(made, "paragraph 2 style").text()).isEqualTo("Normal");
    assertThat(ask(made, "paragraph 2 alignment").text()).isEqualTo("center");
    assertThat(ask(made, "paragraph 3 alignment").text()).isEqualTo("right");
    assertThat(ask(made, "paragraph 3 line_spacing").text()).isEqualTo("2");
    assertThat(ask(made, "paragraph 4 line_spacing").text()).isEqualTo("1.5");
    assertThat(ask(made, "paragraph 4 alignment").text()).isEqualTo("justify");
    assertThat(ask(made, "paragraph 4 font").text()).isEqualTo("DejaVu Sans");
    assertThat(ask(made, "paragraph 4 bold").flag()).isTrue();
    assertThat(ask(made, "paragraph 5 bold").flag()).isFalse();
    assertThat(ask(made, "paragraph 5 font").text()).isEqualTo("Liberation Serif");
    assertThat(ask(made, "paragraph 2 line_spacing").text()).isEqualTo("1");
    assertThat(ask(made, "paragraph containing \"double spaced\" alignment").text()).isEqualTo("right");
    assertThat(ask(made, "paragraph containing \"Annual\" text").text()).isEqualTo("Annual report");
  }

  @Test
  void runsTablesHeadersFootersAndThePageReadWhatLibreOfficeSaved() {
    assertThat(ask(made, "find \"bold phrase\" bold").flag()).isTrue();
    assertThat(ask(made, "find \"Plain text\" bold").flag()).isFalse();
    assertThat(ask(made, "find \"phrase inside\" bold").flag()).as("only partly bold").isFalse();
    assertThat(ask(made, "tables").text()).isEqualTo("1");
    assertThat(ask(made, "table 1").rows()).containsExactly(List.of("Name", "Qty"), List.of("tea", "12"));
    assertThat(ask(made, "header text").text()).isEqualTo("Quarterly memo");
    assertThat(ask(made, "footer text").text()).isEqualTo("Page 1");
    assertThat(ask(made, "footer page_number").flag()).isTrue();
    assertThat(ask(made, "header page_number").flag()).isFalse();
    assertThat(ask(made, "page numbers").items()).containsExactly("footer");
    assertThat(ask(made, "page orientation").text()).isEqualTo("landscape");
  }

  @Test
  void aDocumentWrittenFromContentKeepsItsStylesThroughLibreOffice() {
    assertThat(ask(resaved, "paragraphs").items()).containsExactly("Field notes", "Soil", "The copper lantern was found by Ada.",
        "Bold all through.", "Plain and simple.");
    assertThat(ask(resaved, "paragraph 1 style").text()).isEqualTo("Title");
    assertThat(ask(resaved, "paragraph 1 alignment").text()).as("from the Title style").isEqualTo("center");
    assertThat(ask(resaved, "paragraph 2 style").text()).isEqualTo("Heading 2");
    assertThat(ask(resaved, "paragraph 3 alignment").text()).isEqualTo("justify");
    assertThat(ask(resaved, "paragraph 3 line_spacing").text()).isEqualTo("2");
    assertThat(ask(resaved, "paragraph 3 style").text()).isEqualTo("Normal");
    assertThat(ask(resaved, "paragraph 4 bold").flag()).isTrue();
    assertThat(ask(resaved, "paragraph 4 alignment").text()).isEqualTo("right");
    assertThat(ask(resaved, "paragraph 5 alignment").text()).isEqualTo("left");
    assertThat(ask(resaved, "table 1").rows()).containsExactly(List.of("a", "b"), List.of("c", "d"));
    assertThat(ask(resaved, "header text").text()).isEqualTo("Draft");
    assertThat(ask(resaved, "page orientation").text()).isEqualTo("portrait");
  }

  @Test
  void listsAndEveryOccurrenceReadWhatLibreOfficeSaved() {
    assertThat(ask(lists, "paragraphs").items()).containsExactly("Shopping with tea and jam:", "green tea", "apricot jam", "Steps to follow:",
        "Boil the water", "Pour the tea", "Done.");
    assertThat(ask(lists, "paragraph 1 list").text()).isEqualTo("none");
    assertThat(ask(lists, "paragraph 2 list").text()).isEqualTo("bullet");
    assertThat(ask(lists, "paragraph containing \"apricot\" list").text()).isEqualTo("bullet");
    assertThat(ask(lists, "paragraph 4 list").text()).isEqualTo("none");
    assertThat(ask(lists, "paragraph 5 list").text()).isEqualTo("numbered");
    assertThat(ask(lists, "paragraph containing \"Pour\" list").text()).isEqualTo("numbered");
    assertThat(ask(lists, "paragraph 7 list").text()).isEqualTo("none");
    assertThat(ask(lists, "find all \"tea\" bold").flag()).isTrue();
    assertThat(ask(lists, "find all \"jam\" bold").flag()).as("bold once, not the first time").isFalse();
    assertThat(ask(lists, "find \"jam\" bold").flag()).isFalse();
    assertThat(ask(lists, "find all \"water\" bold").flag()).isFalse();
    assertThat(ask(lists, "find all \"water\" italic").flag()).isFalse();
  }

  @Test
  void aDocumentWithoutListsReadsNoneAndTextThatIsNowhereReadsAsAbsent() {
    assertThat(ask(resaved, "paragraph 3 list").text()).isEqualTo("none");
    assertThat(ask(made, "paragraph 1 list").text()).isEqualTo("none");
    assertThat(ask(made, "paragraph containing \"no such words\" list").present()).isFalse();
    assertThat(ask(lists, "find all \"coffee\" bold").present()).isFalse();
    assertThat(ask(made, "find all \"bold phrase\" bold").flag()).isTrue();
  }

  @Test
  void eachListAndEveryOccurrenceMutationChangesWhatItsQueryReads() throws Exception {
    DocumentFormat docx = AppCatalog.load().formats().claiming(lists).orElseThrow();
    byte[] original = Files.readAllBytes(Path.of(lists));
    List<String> queries = List.of("paragraph 1 list", "paragraph 2 list", "paragraph 5 list", "paragraph containing \"apricot\" list",
        "find all \"tea\" bold", "find all \"jam\" bold", "find all \"water\" italic");
    for (String query : queries) {
      Reading before = ask(lists, query);
      List<DocumentFormat.Mutation> mutations = docx.mutations(lists, query);
      assertThat(mutations).as(query).isNotEmpty();
      for (DocumentFormat.Mutation m : mutations) {
        Files.write(Path.of(lists), original);
        m.apply().accept(STATE);
        Reading after = ask(lists, query);
        assertThat(after).as(m.name()).isNotEqualTo(before);
        assertThat(after.unreadable()).as(m.name() + " leaves a readable document").isNull();
      }
      Files.write(Path.of(lists), original);
    }
    // the swap turns a bulleted item numbered, and a list taken away leaves the text as it was
    docx.mutations(lists, "paragraph 2 list").get(1).apply().accept(STATE);
    assertThat(ask(lists, "paragraph 2 list").text()).isEqualTo("numbered");
    Files.write(Path.of(lists), original);
    docx.mutations(lists, "paragraph 2 list").get(0).apply().accept(STATE);
    assertThat(ask(lists, "paragraph 2 list").text()).isEqualTo("none");
    assertThat(ask(lists, "paragraph 2 text").text()).isEqualTo("green tea");
    assertThat(ask(lists, "paragraph 3 list").text()).as("its neighbour stays in the list").isEqualTo("bullet");
    Files.write(Path.of(lists), original);
    assertThat(docx.fingerprint(STATE, lists)).contains("green **tea** [bullet]").contains("Boil the water [numbered]");
  }

  @Test
  void whatTheDocumentDoesNotHaveReadsAsAbsent() {
    assertThat(ask(resaved, "footer text").present()).isFalse();
    assertThat(ask(resaved, "page numbers").items()).isEmpty();
    assertThat(ask(resaved, "footer page_number").flag()).isFalse();
    assertThat(ask(made, "paragraph 40 style").present()).isFalse();
    assertThat(ask(made, "paragraph containing \"no such words\" style").present()).isFalse();
    assertThat(ask(made, "find \"no such words\" bold").present()).isFalse();
    assertThat(ask(made, "table 2").present()).isFalse();
  }

  @Test
  void aBadQueryAMissingFileOrAFileThatIsNoDocumentNeverReadsAsAValue() throws Exception {
    assertThat(ask(made, "paragraph 1 colour").unreadable()).contains("not a .docx query");
    assertThat(ask(home.resolve("none.docx").toString(), "paragraphs").present()).isFalse();
    Files.writeString(home.resolve("fake.docx"), "not a zip");
    assertThat(ask(home.resolve("fake.docx").toString(), "paragraphs").unreadable()).contains("not a readable .docx");
    DocumentFormat docx = AppCatalog.load().formats().claiming(made).orElseThrow();
    assertThat(docx.queryProblem("paragraph containing \"x\" style")).isEmpty();
    assertThat(docx.queryProblem("paragraph 2 list")).isEmpty();
    assertThat(docx.queryProblem("find all \"x\" italic")).isEmpty();
    assertThat(docx.queryProblem("find all \"x\" list")).get().asString().contains("find all");
    assertThat(docx.queryProblem("B3.formula")).get().asString().contains("paragraph N PROP");
  }

  @Test
  void eachMutationChangesWhatItsQueryReads() throws Exception {
    DocumentFormat docx = AppCatalog.load().formats().claiming(made).orElseThrow();
    byte[] original = Files.readAllBytes(Path.of(made));
    List<String> queries = List.of("paragraphs", "text", "paragraph 1 style", "paragraph 2 style", "paragraph 2 alignment",
        "paragraph 3 alignment", "paragraph 3 line_spacing", "paragraph 2 line_spacing", "paragraph 4 font", "paragraph 4 bold",
        "paragraph 5 bold", "paragraph containing \"double spaced\" text", "paragraph containing \"centered\" alignment",
        "find \"bold phrase\" bold", "find \"Plain text\" bold", "tables", "table 1", "header text", "footer text",
        "footer page_number", "page numbers", "page orientation");
    for (String query : queries) {
      Reading before = ask(made, query);
      List<DocumentFormat.Mutation> mutations = docx.mutations(made, query);
      assertThat(mutations).as(query).isNotEmpty();
      for (DocumentFormat.Mutation m : mutations) {
        Files.write(Path.of(made), original);
        m.apply().accept(STATE);
        Reading after = ask(made, query);
        assertThat(after).as(m.name()).isNotEqualTo(before);
        assertThat(after.unreadable()).as(m.name() + " leaves a readable document").isNull();
      }
      Files.write(Path.of(made), original);
    }
    // the page number typed as text still shows "Page 1": only a checker asking for the field sees it
    docx.mutations(made, "footer page_number").get(0).apply().accept(STATE);
    assertThat(ask(made, "footer text").text()).isEqualTo("Page 1");
    Files.write(Path.of(made), original);
  }

  @Test
  void theFingerprintShowsWhatAPersonSeesAndIgnoresASaveOfTheSameDocument() throws Exception {
    DocumentFormat docx = AppCatalog.load().formats().claiming(made).orElseThrow();
    String print = docx.fingerprint(STATE, made);
    assertThat(print).contains("p Heading 1 | left | 1 | Annual report").contains("**bold phrase**").contains("page landscape");
    byte[] original = Files.readAllBytes(Path.of(made));
    Files.write(Path.of(made), DocxDocument.parse(original, made).bytes());
    assertThat(docx.fingerprint(STATE, made)).isEqualTo(print);
    docx.mutations(made, "paragraph 2 alignment").get(0).apply().accept(STATE);
    assertThat(docx.fingerprint(STATE, made)).isNotEqualTo(print);
    Files.write(Path.of(made), original);
  }

  /** Every query the export's VM reader reads: on both documents, on each mutation's state of them, and on files that are no document. */
  static final List<String> VM_QUERIES = List.of("paragraphs", "text", "paragraph 1 style", "paragraph 2 style", "paragraph 1 alignment",
      "paragraph 2 alignment", "paragraph 3 alignment", "paragraph 4 alignment", "paragraph 5 alignment", "paragraph 3 line_spacing",
      "paragraph 2 line_spacing", "paragraph 4 line_spacing", "paragraph 4 font", "paragraph 5 font", "paragraph 1 font", "paragraph 4 bold",
      "paragraph 5 bold", "paragraph 3 italic", "paragraph 3 text", "paragraph 40 style", "paragraph containing \"double spaced\" text",
      "paragraph containing \"centered\" alignment", "paragraph containing \"no such words\" style", "paragraph containing \"Bold\" bold",
      "find \"bold phrase\" bold", "find \"Plain text\" bold", "find \"phrase inside\" bold", "find \"lantern\" italic",
      "find \"no such words\" bold", "tables", "table 1", "table 2", "header text", "footer text", "page orientation",
      "header page_number", "footer page_number", "page numbers");

  @Test
  void theExportsVmReaderReadsEveryQueryAsDeskforgeDoes() throws Exception {
    DocumentFormat docx = AppCatalog.load().formats().claiming(made).orElseThrow();
    try (var vm = new io.deskforge.apps.osworld.VmDocumentReader()) {
      assertThat(VM_QUERIES).allSatisfy(q -> assertThat(vm.reader(made, q)).as(q).isPresent());
      List<String> wrong = new java.util.ArrayList<>();
      for (String path : List.of(made, resaved)) {
        wrong.addAll(vm.disagreements(path, Path.of(path), path, VM_QUERIES, q -> ask(path, q)));
        byte[] original = Files.readAllBytes(Path.of(path));
        for (DocumentFormat.Mutation m : io.deskforge.apps.osworld.VmDocumentReader.mutations(docx, path, VM_QUERIES)) {
          try {
            m.apply().accept(STATE);
          } catch (IllegalStateException e) {
            continue; // nothing of that kind to change in this document
          }
          wrong.addAll(vm.disagreements(path + " " + m.name(), Path.of(path), path, VM_QUERIES, q -> ask(path, q)));
          Files.write(Path.of(path), original);
        }
      }
      Path empty = Files.write(home.resolve("empty.docx"), new byte[0]);
      Files.copy(Path.of(made), home.resolve("half.docx"));
      byte[] all = Files.readAllBytes(home.resolve("half.docx"));
      Files.write(home.resolve("half.docx"), java.util.Arrays.copyOf(all, all.length / 2));
      Files.writeString(home.resolve("junk.docx"), "not a zip");
      Files.createDirectories(home.resolve("folder.docx"));
      // the document with a part of 4 MiB of zeros: a zip bomb, which POI refuses and so must the reader
      try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(Path.of(made)));
          var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(home.resolve("bomb.docx")))) {
        for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
          in.transferTo(out);
        }
        out.putNextEntry(new java.util.zip.ZipEntry("word/media/zeros.bin"));
        out.write(new byte[4 << 20]);
      }
      for (String name : List.of("none.docx", "half.docx", "junk.docx", "folder.docx", "bomb.docx", empty.getFileName().toString())) {
        String path = home.resolve(name).toString();
        wrong.addAll(vm.disagreements(name, Path.of(path), path, List.of("paragraphs", "paragraph 1 bold", "table 1"), q -> ask(path, q)));
      }
      assertThat(wrong).as("queries the VM reader reads otherwise than deskforge").isEmpty();
    }
  }
}
