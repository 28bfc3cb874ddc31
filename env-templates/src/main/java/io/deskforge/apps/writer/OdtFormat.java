package io.deskforge.apps.writer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.check.SavedState;
import io.deskforge.task.check.Reading;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.odftoolkit.odfdom.doc.OdfTextDocument;
import org.odftoolkit.odfdom.incubator.doc.text.OdfTextExtractor;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * OpenDocument text (.odt) as LibreOffice Writer saves it, read on the host with the ODF Toolkit
 * (odfdom) from the saved bytes. Read-only for setup (tasks start from a .docx and the agent saves
 * the .odt). A file whose {@code mimetype} entry is not OpenDocument text (a .docx renamed .odt, a
 * document saved in Word's format under an .odt name) reads as unreadable. Paragraphs are the
 * body's {@code text:p} and {@code text:h} elements with text, in document order, from 1. Queries,
 * and how the audit changes what each reads:
 *
 * <ul>
 *   <li>{@code paragraphs} (items) and {@code text} (one line each): one paragraph's text changed,
 *       the last paragraph removed.
 *   <li>{@code paragraph N text}: changed. {@code paragraph N style}: the paragraph style's name as
 *       Writer shows it ("Heading 1": an automatic style's parent); set to Text Body.
 * </ul>
 *
 * <p>Every query is also mutated into the same words saved as a .docx under the .odt name.
 */
public final class OdtFormat extends ReadOnlyFormat<OdtFormat.Query> {
  static final String MIME = "application/vnd.oasis.opendocument.text";
  private static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  private static final String STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
  private static final Pattern NTH = Pattern.compile("paragraph\\s+([1-9][0-9]{0,4})\\s+(text|style)");
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String GUIDE = """
      write_document: none (tasks start from a .docx; the agent saves the .odt)
      document_query (paragraphs: the body's paragraphs and headings with text, from 1): paragraphs | text |
        paragraph N text | paragraph N style (e.g. "paragraph 1 style" reads Heading 1)""";

  /** A parsed query: what it reads and of which paragraph (0: all). */
  record Query(String what, int paragraph) {
    static Query parse(String query) {
      String q = query == null ? "" : query.strip();
      if (q.equals("paragraphs") || q.equals("text")) return new Query(q, 0);
      Matcher m = NTH.matcher(q);
      if (m.matches()) return new Query(m.group(2), Integer.parseInt(m.group(1)));
      throw new IllegalArgumentException("not an .odt query: '" + query + "'; ask paragraphs, text, paragraph N text or paragraph N style");
    }
  }

  public OdtFormat() {
    super(List.of("odt"), GUIDE, "write a .docx, which the agent saves as .odt", Query::parse);
  }

  @Override
  Reading read(byte[] bytes, String path, Query q) {
    try (OdtText doc = OdtText.parse(bytes, path)) {
      List<Element> ps = doc.paragraphs();
      if (q.paragraph() == 0) {
        List<String> texts = ps.stream().map(OdtText::text).toList();
        return q.what().equals("paragraphs") ? Reading.items(texts) : Reading.text(String.join("\n", texts));
      }
      if (q.paragraph() > ps.size()) return Reading.absent();
      Element p = ps.get(q.paragraph() - 1);
      return Reading.text(q.what().equals("text") ? OdtText.text(p) : doc.styleName(p));
    }
  }

  /** vm_reader.py's {@code Odt} reads every query as this format does, over content.xml and styles.xml. */
  @Override
  public Optional<ObjectNode> vmQuery(String query) {
    if (queryProblem(query).isPresent()) return Optional.empty();
    Query q = Query.parse(query);
    ObjectNode out = JSON.createObjectNode().put("format", "odt");
    out.putObject("q").put("what", q.what()).put("paragraph", q.paragraph());
    return Optional.of(out);
  }

  @Override
  public List<Mutation> mutations(String path, String query) {
    if (queryProblem(query).isPresent()) return List.of();
    Query q = Query.parse(query);
    List<Mutation> out = new ArrayList<>();
    int n = q.paragraph();
    if (q.what().equals("style")) {
      out.add(change("odt-style-changed:paragraph-" + n, path, (doc, ps) -> ps.get(n - 1).setAttributeNS(TEXT_NS, "text:style-name", "Text_20_body")));
    } else {
      out.add(change("odt-text-changed" + (n == 0 ? "" : ":paragraph-" + n), path, (doc, ps) -> {
        Element p = ps.get(n == 0 ? ps.size() - 1 : n - 1);
        p.appendChild(p.getOwnerDocument().createTextNode(" (draft)"));
      }));
      if (n == 0) out.add(change("odt-last-paragraph-removed", path, (doc, ps) -> ps.getLast().getParentNode().removeChild(ps.getLast())));
    }
    out.add(new Mutation("odt-saved-as-docx", state -> {
      // the same paragraphs as Word's format under the .odt name: "saved in the wrong format"
      ObjectNode content = JSON.createObjectNode();
      try (OdtText doc = OdtText.parse(state.readFile(path), path)) {
        doc.paragraphs().forEach(p -> content.withArray("paragraphs").add(OdtText.text(p)));
      }
      state.writeFile(path, DocxContent.build(content));
    }));
    return out;
  }

  private static Mutation change(String name, String path, java.util.function.BiConsumer<OdtText, List<Element>> edit) {
    return new Mutation(name, state -> {
      try (OdtText doc = OdtText.parse(state.readFile(path), path)) {
        List<Element> ps = doc.paragraphs();
        if (ps.isEmpty()) throw new IllegalStateException(path + " has no paragraph to change");
        edit.accept(doc, ps);
        state.writeFile(path, doc.bytes());
      }
    });
  }

  /** What a person sees: each paragraph with its style. */
  @Override
  public String fingerprint(SavedState state, String path) {
    if (!state.exists(path)) return "(missing)";
    state.requireReadableFile(path);
    try (OdtText doc = OdtText.parse(state.readFile(path), path)) {
      StringBuilder out = new StringBuilder();
      for (Element p : doc.paragraphs()) out.append(doc.styleName(p)).append(" | ").append(OdtText.text(p)).append('\n');
      return out.toString();
    } catch (IllegalArgumentException e) {
      return "(no .odt) " + e.getMessage();
    }
  }

  /** An .odt document open with odfdom. */
  record OdtText(OdfTextDocument odf) implements AutoCloseable {

    /** The document; throws {@link IllegalArgumentException} naming the path when it is no OpenDocument text. */
    static OdtText parse(byte[] bytes, String path) {
      String mime = mimetype(bytes);
      if (!MIME.equals(mime)) {
        throw new IllegalArgumentException(path + " is no OpenDocument text: its mimetype entry is "
            + (mime == null ? "missing (not an ODF package)" : "'" + mime + "'"));
      }
      try {
        return new OdtText(OdfTextDocument.loadDocument(new ByteArrayInputStream(bytes)));
      } catch (Exception e) {
        throw new IllegalArgumentException(path + " does not load as OpenDocument text: " + e.getMessage());
      }
    }

    /** The package's first entry, {@code mimetype}, as ODF requires; null when there is none. */
    private static String mimetype(byte[] bytes) {
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
          if (e.getName().equals("mimetype")) return new String(zip.readNBytes(200), StandardCharsets.US_ASCII).strip();
        }
        return null;
      } catch (IOException e) {
        return null;
      }
    }

    /** The body's paragraphs and headings with text, in document order. */
    List<Element> paragraphs() {
      try {
        Element body = odf.getContentRoot();
        List<Element> out = new ArrayList<>();
        collect(body, out);
        return out;
      } catch (Exception e) {
        throw new IllegalArgumentException("the document's body does not read: " + e.getMessage());
      }
    }

    private static void collect(Node node, List<Element> out) {
      NodeList children = node.getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        Node c = children.item(i);
        if (!(c instanceof Element e)) continue;
        if (TEXT_NS.equals(e.getNamespaceURI()) && ("p".equals(e.getLocalName()) || "h".equals(e.getLocalName()))) {
          if (!text(e).isBlank()) out.add(e);
        } else {
          collect(e, out);
        }
      }
    }

    /** A paragraph's text as Writer shows it (spaces, tabs and line breaks of text:s, text:tab, text:line-break included). */
    static String text(Element p) {
      // the extractor ends a paragraph with a line break of its own
      return OdfTextExtractor.newOdfTextExtractor((org.odftoolkit.odfdom.pkg.OdfElement) p).getText().replaceAll("[\\r\\n]+$", "");
    }

    /**
     * A paragraph's style's display name: an automatic style (P1) stands for its parent, the style
     * Writer shows; a name without a display name is shown with "_20_" as a space.
     */
    String styleName(Element p) {
      String name = p.getAttributeNS(TEXT_NS, "style-name");
      try {
        Element auto = style(odf.getContentDom(), name);
        if (auto != null && auto.hasAttributeNS(STYLE_NS, "parent-style-name")) name = auto.getAttributeNS(STYLE_NS, "parent-style-name");
        Element named = style(odf.getStylesDom(), name);
        if (named != null && named.hasAttributeNS(STYLE_NS, "display-name")) return named.getAttributeNS(STYLE_NS, "display-name");
      } catch (Exception e) {
        throw new IllegalArgumentException("the document's styles do not read: " + e.getMessage());
      }
      return name.isEmpty() ? "Default Paragraph Style" : name.replace("_20_", " ");
    }

    private static Element style(org.w3c.dom.Document dom, String name) {
      NodeList styles = dom.getElementsByTagNameNS(STYLE_NS, "style");
      for (int i = 0; i < styles.getLength(); i++) {
        Element s = (Element) styles.item(i);
        if (name.equals(s.getAttributeNS(STYLE_NS, "name")) && "paragraph".equals(s.getAttributeNS(STYLE_NS, "family"))) return s;
      }
      return null;
    }

    byte[] bytes() {
      try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
        odf.save(out);
        return out.toByteArray();
      } catch (Exception e) {
        throw new IllegalStateException("could not save the .odt document", e);
      }
    }

    @Override
    public void close() {
      odf.close();
    }
  }
}
