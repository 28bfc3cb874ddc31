package io.deskforge.apps.writer;

import io.deskforge.apps.check.SavedState;
import io.deskforge.task.check.Reading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF files a task exports (Writer's File &gt; Export as PDF), read on the host with Apache PDFBox
 * from the saved bytes. Read-only: setup never writes one, since a PDF is what the agent makes. A
 * PDF keeps lines, not paragraphs, so text reads as its words with every run of white space one
 * space. Queries:
 *
 * <ul>
 *   <li>{@code pages}: how many pages (text); the last page dropped.
 *   <li>{@code text}: the whole document's text; its first and last lines dropped (where a title
 *       or a closing line an edit adds is, missing), every page blanked.
 *   <li>{@code page N text}: page N's text (absent when there are fewer pages); the page's first
 *       and last lines dropped, the page blanked.
 * </ul>
 *
 * <p>A file that does not start with {@code %PDF-} or does not parse (a .docx or .odt saved under
 * a .pdf name) reads as unreadable, so a check fails closed; every query is also mutated into that.
 */
public final class PdfFormat extends ReadOnlyFormat<PdfFormat.Query> {
  private static final Pattern PAGE = Pattern.compile("page\\s+([1-9][0-9]{0,3})\\s+text");
  private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  static final String GUIDE = """
      write_document: none (a PDF is exported by the agent, never written by setup)
      document_query: pages (how many, e.g. "3") | text (the whole text, white space runs as one space) |
        page N text (page N's text, from 1; absent when the PDF has fewer pages)""";

  /** A parsed query: the page (0 for the whole document) and what it reads. */
  record Query(String what, int page) {
    static Query parse(String query) {
      String q = query == null ? "" : query.strip();
      if (q.equals("pages") || q.equals("text")) return new Query(q, 0);
      Matcher m = PAGE.matcher(q);
      if (m.matches()) return new Query("text", Integer.parseInt(m.group(1)));
      throw new IllegalArgumentException("not a .pdf query: '" + query + "'; ask pages, text or page N text");
    }
  }

  public PdfFormat() {
    super(List.of("pdf"), GUIDE, "a PDF is what the agent exports", Query::parse);
  }

  @Override
  Reading read(byte[] bytes, String path, Query q) {
    return read(pages(bytes, path), q);
  }

  static Reading read(List<String> pages, Query q) {
    if (q.what().equals("pages")) return Reading.text(Integer.toString(pages.size()));
    if (q.page() == 0) return Reading.text(String.join(" ", pages.stream().filter(p -> !p.isEmpty()).toList()));
    return q.page() > pages.size() ? Reading.absent() : Reading.text(pages.get(q.page() - 1));
  }

  /**
   * Each page's text, white space collapsed; throws {@link IllegalArgumentException} naming the path
   * when the bytes are no PDF or do not parse.
   */
  static List<String> pages(byte[] bytes, String path) {
    return lines(bytes, path).stream().map(ls -> String.join(" ", ls)).toList();
  }

  /** Each page's lines of text, each stripped and with white space collapsed, blank lines left out. */
  static List<List<String>> lines(byte[] bytes, String path) {
    if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException(path + " is no PDF: it does not start with %PDF-");
    }
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      List<List<String>> out = new ArrayList<>();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        out.add(stripper.getText(doc).lines().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty()).toList());
      }
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException(path + " does not parse as a PDF: " + e.getMessage());
    }
  }

  /**
   * vm_reader.py's {@code Pdf} reads every query as this format does: the same {@code %PDF-} test,
   * then each page's lines as PyMuPDF extracts them, stripped and collapsed as here. PyMuPDF, not
   * OSWorld's {@code check_pdf_pages} (pypdf): that metric raises on a file that is no PDF (a Word
   * file under the .pdf name), and OSWorld's evaluate() lets a metric's error end the run unscored
   * instead of scoring 0; and OSWorld has no metric that finds a phrase on one page.
   */
  @Override
  public Optional<com.fasterxml.jackson.databind.node.ObjectNode> vmQuery(String query) {
    if (queryProblem(query).isPresent()) return Optional.empty();
    Query q = Query.parse(query);
    var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("format", "pdf");
    out.putObject("q").put("what", q.what()).put("page", q.page());
    return Optional.of(out);
  }

  /**
   * PyMuPDF, which Debian and Ubuntu package as python3-fitz (Ubuntu 22.04, OSWorld's VM: 1.19):
   * a PDF's text has no faithful reader in python3's standard library (compressed streams, font
   * encodings and ToUnicode maps), and OSWorld's own evaluators read PDFs with it.
   */
  @Override
  public List<String> vmPackages() {
    return List.of("python3-fitz");
  }

  @Override
  public List<Mutation> mutations(String path, String query) {
    if (queryProblem(query).isPresent()) return List.of();
    Query q = Query.parse(query);
    List<Mutation> out = new ArrayList<>();
    if (q.what().equals("pages")) {
      out.add(new Mutation("pdf-page-dropped", state -> {
        try (PDDocument doc = Loader.loadPDF(state.readFile(path)); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
          doc.removePage(doc.getNumberOfPages() - 1);
          doc.save(bytes);
          state.writeFile(path, bytes.toByteArray());
        } catch (IOException e) {
          throw new IllegalStateException("could not drop a page of " + path, e);
        }
      }));
    } else {
      int page = q.page();
      String where = page == 0 ? "" : ":page-" + page;
      // a phrase an edit adds lands at an edge: a title at the start, a closing line at the end.
      // Both edge lines go, of the page or of the document (its first and last pages with text)
      out.add(rewrite("pdf-edge-lines-dropped" + where, path, pages -> {
        if (page > pages.size()) throw new IllegalStateException(path + " has no page " + page + " to change");
        int first = page > 0 ? page - 1 : 0;
        int last = page > 0 ? page - 1 : pages.size() - 1;
        while (page == 0 && first < last && pages.get(first).isEmpty()) first++;
        while (page == 0 && last > first && pages.get(last).isEmpty()) last--;
        List<String> head = new ArrayList<>(pages.get(first));
        if (!head.isEmpty()) head.removeFirst();
        pages.set(first, head);
        List<String> tail = new ArrayList<>(pages.get(last));
        if (!tail.isEmpty()) tail.removeLast();
        pages.set(last, tail);
      }));
      out.add(rewrite("pdf-blanked" + where, path, pages -> {
        if (page > pages.size()) throw new IllegalStateException(path + " has no page " + page + " to change");
        if (page == 0) pages.replaceAll(p -> List.of());
        else pages.set(page - 1, List.of());
      }));
    }
    out.add(new Mutation("pdf-not-a-pdf", state -> {
      // the same words as plain text: a checker that only greps the bytes would still pass
      List<String> pages = pages(state.readFile(path), path);
      state.writeFile(path, String.join("\n", pages).getBytes(StandardCharsets.UTF_8));
    }));
    return out;
  }

  /** Writes the PDF anew, a page for each page of the solved one with its lines in a standard font, after the edit. */
  private static Mutation rewrite(String name, String path, Consumer<List<List<String>>> edit) {
    return new Mutation(name, state -> {
      List<List<String>> pages = new ArrayList<>(lines(state.readFile(path), path));
      edit.accept(pages);
      state.writeFile(path, write(pages));
    });
  }

  /** A PDF with these pages of lines, in Helvetica. */
  static byte[] write(List<List<String>> pages) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (List<String> lines : pages) {
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
          cs.beginText();
          cs.setFont(font, 10);
          cs.setLeading(14);
          cs.newLineAtOffset(50, 790);
          for (String line : lines) {
            cs.showText(line.replaceAll("[^\\x20-\\x7e]", "?"));
            cs.newLine();
          }
          cs.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("could not write a PDF", e);
    }
  }

  /** What a person sees: each page's lines. */
  @Override
  public String fingerprint(SavedState state, String path) {
    if (!state.exists(path)) return "(missing)";
    state.requireReadableFile(path);
    try {
      StringBuilder out = new StringBuilder();
      List<List<String>> pages = lines(state.readFile(path), path);
      for (int i = 0; i < pages.size(); i++) out.append("page ").append(i + 1).append('\n').append(String.join("\n", pages.get(i))).append('\n');
      return out.toString();
    } catch (IllegalArgumentException e) {
      return "(no PDF) " + e.getMessage();
    }
  }
}
