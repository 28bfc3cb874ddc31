package io.deskforge.apps.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.check.GetterReader;
import io.deskforge.apps.check.HostSavedState;
import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.apps.office.HostSoffice;
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
 * {@link PdfFormat} and {@link OdtFormat} on files LibreOffice itself wrote: a three-page .docx
 * (written by {@link DocxContent} with page breaks, as the export-pdf family's draft is) exported
 * by soffice as PDF and saved as .odt. Each query reads what the document holds, a Word file under
 * a .pdf or .odt name reads as unreadable (never as a value), and each mutation changes what its
 * query reads.
 */
class PdfOdtFormatTest {
  static final String CONTENT = """
      {"paragraphs": [{"text": "Quiet harbor report", "style": "Heading 1"}, "Green river budget",
        "The river runs past the mill. The mill grinds grain.",
        {"text": "Calm orchard schedule", "page_break": true}, "The orchard blooms in spring.",
        {"text": "Amber meadow goals", "page_break": true}, "Bees visit daily.", "Approved by Dana Reyes"]}""";

  @TempDir static Path home;
  static final GetterReader READER = new GetterReader(AppCatalog.load().formats());
  static HostSavedState STATE;
  static String pdf;
  static String odt;
  static String docx;

  @BeforeAll
  static void libreOfficeExportsAndSaves() throws Exception {
    STATE = new HostSavedState(home);
    Files.createDirectories(home.resolve("src"));
    Path source = home.resolve("src/report.docx");
    Files.write(source, DocxContent.build(new ObjectMapper().readTree(CONTENT)));
    convert(source, "pdf:writer_pdf_Export", "report.pdf");
    convert(source, "odt", "report.odt");
    pdf = home.resolve("report.pdf").toString();
    odt = home.resolve("report.odt").toString();
    docx = source.toString();
  }

  static void convert(Path src, String filter, String name) throws Exception {
    String out = HostSoffice.convert(src, filter, home, home.resolve("profile"));
    assertThat(home.resolve(name)).as("soffice converted " + src + ": " + out).exists();
  }

  static Reading ask(String path, String query) {
    return READER.read(STATE, new Getter.DocumentQuery(path, query));
  }

  @Test
  void aPdfLibreOfficeExportedReadsItsPagesAndText() {
    assertThat(ask(pdf, "pages").text()).isEqualTo("3");
    assertThat(ask(pdf, "page 1 text").text()).isEqualTo("Quiet harbor report Green river budget The river runs past the mill. The mill grinds grain.");
    assertThat(ask(pdf, "page 2 text").text()).isEqualTo("Calm orchard schedule The orchard blooms in spring.");
    assertThat(ask(pdf, "page 3 text").text()).endsWith("Bees visit daily. Approved by Dana Reyes");
    assertThat(ask(pdf, "text").text()).startsWith("Quiet harbor report").contains("spring. Amber meadow").endsWith("Dana Reyes");
    assertThat(ask(pdf, "page 4 text").present()).as("no such page").isFalse();
  }

  @Test
  void aWordFileOrTextUnderAPdfNameNeverReadsAsAValue() throws Exception {
    Path fake = home.resolve("word.pdf");
    Files.copy(Path.of(docx), fake);
    assertThat(ask(fake.toString(), "pages").unreadable()).contains("is no PDF");
    Files.writeString(fake, "%PDF-1.7 and nothing else");
    assertThat(ask(fake.toString(), "page 1 text").unreadable()).contains("does not parse as a PDF");
    assertThat(ask(home.resolve("none.pdf").toString(), "pages").present()).isFalse();
    assertThat(ask(pdf, "page one text").unreadable()).contains("not a .pdf query");
    DocumentFormat format = AppCatalog.load().formats().claiming(pdf).orElseThrow();
    assertThat(format).isInstanceOf(PdfFormat.class);
    assertThatThrownBy(() -> format.contentPlan(pdf, null, "/tmp/x")).hasMessageContaining("read-only");
  }

  @Test
  void eachPdfMutationChangesWhatItsQueryReads() throws Exception {
    assertEveryMutationChanges(pdf, List.of("pages", "text", "page 1 text", "page 3 text"));
    DocumentFormat format = AppCatalog.load().formats().claiming(pdf).orElseThrow();
    byte[] original = Files.readAllBytes(Path.of(pdf));
    format.mutations(pdf, "page 3 text").getFirst().apply().accept(STATE);
    assertThat(ask(pdf, "page 3 text").text()).doesNotContain("Dana Reyes").contains("Bees visit daily.");
    assertThat(ask(pdf, "pages").text()).isEqualTo("3");
    Files.write(Path.of(pdf), original);
    format.mutations(pdf, "page 1 text").getFirst().apply().accept(STATE);
    assertThat(ask(pdf, "page 1 text").text()).as("the title, at the page's start, goes").doesNotContain("Quiet harbor report")
        .contains("Green river budget");
    Files.write(Path.of(pdf), original);
  }

  /**
   * The OSWorld export's VM reader (vm_reader.py with PyMuPDF, on Debian's python3) reads every
   * query as PDFBox does here: on LibreOffice's PDF, on each mutation of it, and on files that are
   * no PDF or a broken one (the Word file, nothing, the header alone, the PDF cut short at several points).
   */
  @Test
  void theExportsVmReaderReadsEveryPdfQueryAsThisFormatDoes() throws Exception {
    List<String> queries = List.of("pages", "text", "page 1 text", "page 2 text", "page 3 text", "page 4 text");
    DocumentFormat format = AppCatalog.load().formats().claiming(pdf).orElseThrow();
    assertThat(format.vmPackages()).containsExactly("python3-fitz");
    byte[] original = Files.readAllBytes(Path.of(pdf));
    List<String> wrong = new java.util.ArrayList<>();
    try (var vm = new io.deskforge.apps.osworld.VmDocumentReader()) {
      assertThat(queries).allSatisfy(q -> assertThat(vm.reader(pdf, q)).as(q).isPresent());
      wrong.addAll(vm.disagreements("exported", Path.of(pdf), pdf, queries, q -> ask(pdf, q)));
      for (DocumentFormat.Mutation m : io.deskforge.apps.osworld.VmDocumentReader.mutations(format, pdf, List.of("pages", "text", "page 1 text"))) {
        try {
          m.apply().accept(STATE);
          wrong.addAll(vm.disagreements(m.name(), Path.of(pdf), pdf, queries, q -> ask(pdf, q)));
        } finally {
          Files.write(Path.of(pdf), original);
        }
      }
      String bad = home.resolve("broken.pdf").toString();
      java.util.Map<String, byte[]> broken = new java.util.LinkedHashMap<>();
      broken.put("the Word file", Files.readAllBytes(Path.of(docx)));
      broken.put("an empty file", new byte[0]);
      broken.put("the header alone", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
      for (int percent : new int[] {25, 50, 75, 90, 99}) {
        broken.put("the first " + percent + "%", java.util.Arrays.copyOf(original, original.length * percent / 100));
      }
      broken.put("all but its last 10 bytes", java.util.Arrays.copyOf(original, original.length - 10));
      broken.put("all but its last 100 bytes", java.util.Arrays.copyOf(original, original.length - 100));
      for (var b : broken.entrySet()) {
        Files.write(Path.of(bad), b.getValue());
        wrong.addAll(vm.disagreements(b.getKey(), Path.of(bad), bad, queries, q -> ask(bad, q)));
      }
    }
    assertThat(wrong).as("queries the VM reader reads otherwise than PDFBox").isEmpty();
  }

  @Test
  void anOdtLibreOfficeSavedReadsItsParagraphsAndStyles() {
    assertThat(ask(odt, "paragraphs").items()).containsExactly("Quiet harbor report", "Green river budget",
        "The river runs past the mill. The mill grinds grain.", "Calm orchard schedule", "The orchard blooms in spring.",
        "Amber meadow goals", "Bees visit daily.", "Approved by Dana Reyes");
    assertThat(ask(odt, "text").text()).startsWith("Quiet harbor report\nGreen river budget\n").endsWith("\nApproved by Dana Reyes");
    assertThat(ask(odt, "paragraph 1 style").text()).isEqualTo("Heading 1");
    assertThat(ask(odt, "paragraph 2 text").text()).isEqualTo("Green river budget");
    assertThat(ask(odt, "paragraph 9 text").present()).isFalse();
  }

  @Test
  void aWordFileRenamedOdtNeverReadsAsAValue() throws Exception {
    Path renamed = home.resolve("renamed.odt");
    Files.copy(Path.of(docx), renamed);
    assertThat(ask(renamed.toString(), "text").unreadable()).contains("is no OpenDocument text").contains("missing");
    Files.writeString(renamed, "plain words");
    assertThat(ask(renamed.toString(), "paragraphs").unreadable()).contains("is no OpenDocument text");
    assertThat(ask(odt, "paragraph 1 colour").unreadable()).contains("not an .odt query");
  }

  @Test
  void eachOdtMutationChangesWhatItsQueryReads() throws Exception {
    assertEveryMutationChanges(odt, List.of("paragraphs", "text", "paragraph 1 style", "paragraph 2 text"));
    DocumentFormat format = AppCatalog.load().formats().claiming(odt).orElseThrow();
    assertThat(format.fingerprint(STATE, odt)).contains("Heading 1 | Quiet harbor report").contains("| Approved by Dana Reyes");
    assertThat(format.mutations(odt, "text").stream().map(DocumentFormat.Mutation::name)).contains("odt-saved-as-docx");
  }

  /** Each mutation of each query, applied to a fresh copy, changes the reading: to another value, or to unreadable for a wrong format. */
  private static void assertEveryMutationChanges(String path, List<String> queries) throws Exception {
    DocumentFormat format = AppCatalog.load().formats().claiming(path).orElseThrow();
    byte[] original = Files.readAllBytes(Path.of(path));
    for (String query : queries) {
      Reading before = ask(path, query);
      assertThat(before.unreadable()).as(query).isNull();
      List<DocumentFormat.Mutation> mutations = format.mutations(path, query);
      assertThat(mutations).as(query).hasSizeGreaterThanOrEqualTo(2);
      for (DocumentFormat.Mutation m : mutations) {
        Files.write(Path.of(path), original);
        m.apply().accept(STATE);
        Reading after = ask(path, query);
        assertThat(after).as(m.name() + " on " + query).isNotEqualTo(before);
        if (m.name().contains("not-a-pdf") || m.name().contains("as-docx")) {
          assertThat(after.unreadable()).as(m.name()).isNotNull();
        } else {
          assertThat(after.unreadable()).as(m.name() + " leaves a readable document").isNull();
        }
      }
      Files.write(Path.of(path), original);
    }
  }
}
