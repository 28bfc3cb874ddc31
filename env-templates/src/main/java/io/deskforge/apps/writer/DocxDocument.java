package io.deskforge.apps.writer;

import io.deskforge.desktop.UnreadableFileException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlObject;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A saved .docx document as the checker reads it, on the host with Apache POI, from the file's
 * bytes: its body paragraphs (those with text, in order) and what a person sees of each (the
 * paragraph style's name, alignment, line spacing, font, boldness), with the properties a
 * paragraph does not set itself taken from its style and the styles that style is based on, then
 * the document defaults, as a word processor shows them; its tables, headers and footers, page
 * numbers and page orientation. Bytes that are not a .docx document throw {@link
 * UnreadableFileException}, so a check on them fails closed.
 *
 * <p>Properties are read from the XML elements themselves (w:jc, w:spacing, w:b, w:rFonts), which
 * keeps the reading independent of how POI's schema classes type each attribute.
 */
public final class DocxDocument {
  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final Pattern PAGE_FIELD = Pattern.compile("(?s)(instrText[^>]*>\\s*PAGE\\b)|(w:instr=\"\\s*PAGE\\b)");
  private final XWPFDocument doc;

  private DocxDocument(XWPFDocument doc) {
    this.doc = doc;
  }

  /** Parses a document; {@code what} names it in errors (a path). */
  public static DocxDocument parse(byte[] bytes, String what) {
    try {
      return new DocxDocument(new XWPFDocument(new ByteArrayInputStream(bytes)));
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFileException(what + " is not a readable .docx document: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
    }
  }

  XWPFDocument poi() {
    return doc;
  }

  byte[] bytes() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("could not write the document", e);
    }
  }

  // ------------------------------------------------------------------ paragraphs

  /** The body's paragraphs that hold text (not those in tables, headers or footers), in order. */
  public List<XWPFParagraph> paragraphs() {
    List<XWPFParagraph> out = new ArrayList<>();
    for (IBodyElement e : doc.getBodyElements()) {
      if (e instanceof XWPFParagraph p && !p.getText().isBlank()) out.add(p);
    }
    return out;
  }

  /** The texts of {@link #paragraphs()}. */
  public List<String> texts() {
    return paragraphs().stream().map(XWPFParagraph::getText).toList();
  }

  /** The first body paragraph whose text contains this, or null. */
  public XWPFParagraph containing(String text) {
    return paragraphs().stream().filter(p -> p.getText().contains(text)).findFirst().orElse(null);
  }

  /** The id of the paragraph's style: its own, or the document's default paragraph style. */
  String styleId(XWPFParagraph p) {
    String id = p.getStyleID();
    if (id != null && !id.isBlank()) return id;
    return defaultStyleId();
  }

  String defaultStyleId() {
    if (doc.getStyles() == null) return "Normal";
    for (var s : doc.getStyles().getCtStyles().getStyleList()) {
      Element e = (Element) s.getDomNode();
      if ("paragraph".equals(e.getAttributeNS(W, "type")) && isOn(e.getAttributeNS(W, "default"))) return s.getStyleId();
    }
    return "Normal";
  }

  /** The paragraph style's name as Writer lists it: "Heading 1", "Normal", "Title" (Word's lower-case built-in names capitalized). */
  public String styleName(XWPFParagraph p) {
    String id = styleId(p);
    XWPFStyle s = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
    String name = s == null || s.getName() == null ? id : s.getName();
    return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /** left, center, right or justify: the paragraph's own, else its styles', else left. */
  public String alignment(XWPFParagraph p) {
    Element jc = paragraphProperty(p, "jc");
    String v = jc == null ? "left" : jc.getAttributeNS(W, "val");
    return switch (v) {
      case "center" -> "center";
      case "right", "end" -> "right";
      case "both", "distribute", "lowKashida", "mediumKashida", "highKashida", "thaiDistribute" -> "justify";
      default -> "left";
    };
  }

  /**
   * The line spacing as a multiple of single lines ("1", "1.5", "2", "1.15"), or for a fixed or
   * minimum height "exactly 12pt" / "at least 12pt".
   */
  public String lineSpacing(XWPFParagraph p) {
    Element sp = paragraphPropertyWith(p, "spacing", "line");
    if (sp == null) return "1";
    BigDecimal line = new BigDecimal(sp.getAttributeNS(W, "line"));
    String rule = sp.getAttributeNS(W, "lineRule");
    if (rule.isEmpty() || rule.equals("auto")) return plain(line.divide(BigDecimal.valueOf(240), 2, RoundingMode.HALF_UP));
    String pt = plain(line.divide(BigDecimal.valueOf(20), 2, RoundingMode.HALF_UP)) + "pt";
    return (rule.equals("exact") ? "exactly " : "at least ") + pt;
  }

  /** The font of the paragraph's first run with text (its own, else its paragraph's styles', else the document's). */
  public String font(XWPFParagraph p) {
    for (XWPFRun r : p.getRuns()) {
      if (text(r).isBlank()) continue;
      return runFont(p, r);
    }
    Element f = runPropertyOfStyles(styleId(p), "rFonts");
    return f == null ? defaultFont() : f.getAttributeNS(W, "ascii");
  }

  /** Whether every run with text of the paragraph is bold. */
  public boolean bold(XWPFParagraph p) {
    boolean any = false;
    for (XWPFRun r : p.getRuns()) {
      if (text(r).isBlank()) continue;
      any = true;
      if (!runFlag(p, r, "b")) return false;
    }
    return any;
  }

  /** Whether every run with text of the paragraph is italic. */
  public boolean italic(XWPFParagraph p) {
    boolean any = false;
    for (XWPFRun r : p.getRuns()) {
      if (text(r).isBlank()) continue;
      any = true;
      if (!runFlag(p, r, "i")) return false;
    }
    return any;
  }

  /** The runs of the first body paragraph holding the text that cover its first occurrence, or null when no paragraph holds it within one paragraph. */
  public List<XWPFRun> runsOf(String text) {
    for (XWPFParagraph p : paragraphs()) {
      String all = p.getText();
      int at = all.indexOf(text);
      if (at < 0) continue;
      // POI's paragraph text is its runs' texts in order; runs that are not text (fields) may differ, so count along the runs
      List<XWPFRun> out = new ArrayList<>();
      StringBuilder seen = new StringBuilder();
      List<int[]> spans = new ArrayList<>();
      for (XWPFRun r : p.getRuns()) {
        int from = seen.length();
        seen.append(text(r));
        spans.add(new int[] {from, seen.length()});
      }
      int start = seen.indexOf(text);
      if (start < 0) continue;
      int end = start + text.length();
      for (int i = 0; i < spans.size(); i++) {
        int[] s = spans.get(i);
        if (s[1] > start && s[0] < end) out.add(p.getRuns().get(i));
      }
      return out;
    }
    return null;
  }

  /**
   * The runs covering every occurrence of the text in the body's paragraphs (occurrences do not
   * cross paragraph ends and do not overlap), one list per occurrence, in order; empty when there is none.
   */
  public List<List<XWPFRun>> runsOfAll(String text) {
    List<List<XWPFRun>> out = new ArrayList<>();
    if (text.isEmpty()) return out;
    for (XWPFParagraph p : paragraphs()) {
      StringBuilder seen = new StringBuilder();
      List<int[]> spans = new ArrayList<>();
      for (XWPFRun r : p.getRuns()) {
        int from = seen.length();
        seen.append(text(r));
        spans.add(new int[] {from, seen.length()});
      }
      for (int start = seen.indexOf(text); start >= 0; start = seen.indexOf(text, start + text.length())) {
        int end = start + text.length();
        List<XWPFRun> runs = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
          int[] s = spans.get(i);
          if (s[1] > start && s[0] < end) runs.add(p.getRuns().get(i));
        }
        out.add(runs);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ lists

  /**
   * Whether the paragraph is a list item and of what kind: "bullet" (a bulleted list), "numbered"
   * (numbers or letters) or "none". The numbering is the paragraph's own (w:numPr), else its
   * style chain's; a numbering id 0, a level whose format is "none", or a numbering the document
   * does not define reads as no list. The level's format is read from the numbering instance's
   * level override when it has one, else from its abstract numbering.
   */
  public String listKind(XWPFParagraph p) {
    Element numPr = child(child(p.getCTP().getDomNode(), "pPr"), "numPr");
    String numId = numPr == null ? null : val(child(numPr, "numId"));
    String ilvl = numPr == null ? null : val(child(numPr, "ilvl"));
    Set<String> seen = new HashSet<>();
    String id = styleId(p);
    while ((numId == null || ilvl == null) && id != null && seen.add(id)) {
      Node style = styleNode(id);
      if (style == null) break;
      Element viaStyle = child(child(style, "pPr"), "numPr");
      if (viaStyle != null) {
        if (numId == null) numId = val(child(viaStyle, "numId"));
        if (ilvl == null) ilvl = val(child(viaStyle, "ilvl"));
      }
      id = basedOn(style);
    }
    if (numId == null || numId.isBlank() || numId.equals("0")) return "none";
    String format = numberFormat(numId.strip(), ilvl == null || ilvl.isBlank() ? "0" : ilvl.strip());
    if (format == null || format.equals("none")) return "none";
    return format.equals("bullet") ? "bullet" : "numbered";
  }

  /** The w:numFmt of a numbering instance's level, or null when the document does not define it. */
  private String numberFormat(String numId, String ilvl) {
    var numbering = doc.getNumbering();
    if (numbering == null) return null;
    if (!numId.matches("[0-9]+")) return null;
    var num = numbering.getNum(new java.math.BigInteger(numId));
    if (num == null) return null;
    Node numNode = num.getCTNum().getDomNode();
    for (Node n = numNode.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "lvlOverride".equals(e.getLocalName()) && ilvl.equals(e.getAttributeNS(W, "ilvl"))) {
        String f = val(child(child(e, "lvl"), "numFmt"));
        if (f != null) return f;
      }
    }
    String abstractId = val(child(numNode, "abstractNumId"));
    if (abstractId == null || !abstractId.strip().matches("[0-9]+")) return null;
    var abs = numbering.getAbstractNum(new java.math.BigInteger(abstractId.strip()));
    if (abs == null) return null;
    for (Node n = abs.getCTAbstractNum().getDomNode().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "lvl".equals(e.getLocalName()) && ilvl.equals(e.getAttributeNS(W, "ilvl"))) {
        String f = val(child(e, "numFmt"));
        return f == null ? "decimal" : f;
      }
    }
    return null;
  }

  private static String val(Element e) {
    return e == null ? null : e.getAttributeNS(W, "val");
  }

  /** The paragraph of a run. */
  static XWPFParagraph paragraphOf(XWPFRun r) {
    return (XWPFParagraph) r.getParent();
  }

  /** Whether the run is bold (b) or italic (i): its own property, else its character style's, else its paragraph's styles'. */
  boolean runFlag(XWPFParagraph p, XWPFRun r, String flag) {
    Element rPr = child(r.getCTR().getDomNode(), "rPr");
    Element own = child(rPr, flag);
    if (own != null) return isOn(own.getAttributeNS(W, "val"));
    Element rStyle = child(rPr, "rStyle");
    if (rStyle != null) {
      Element viaStyle = runPropertyOfStyles(rStyle.getAttributeNS(W, "val"), flag);
      if (viaStyle != null) return isOn(viaStyle.getAttributeNS(W, "val"));
    }
    Element viaPara = runPropertyOfStyles(styleId(p), flag);
    if (viaPara != null) return isOn(viaPara.getAttributeNS(W, "val"));
    Element def = defaultRunProperty(flag);
    return def != null && isOn(def.getAttributeNS(W, "val"));
  }

  String runFont(XWPFParagraph p, XWPFRun r) {
    Element rPr = child(r.getCTR().getDomNode(), "rPr");
    Element own = child(rPr, "rFonts");
    if (own != null && !own.getAttributeNS(W, "ascii").isEmpty()) return own.getAttributeNS(W, "ascii");
    Element rStyle = child(rPr, "rStyle");
    if (rStyle != null) {
      Element viaStyle = runPropertyOfStyles(rStyle.getAttributeNS(W, "val"), "rFonts");
      if (viaStyle != null && !viaStyle.getAttributeNS(W, "ascii").isEmpty()) return viaStyle.getAttributeNS(W, "ascii");
    }
    Element viaPara = runPropertyOfStyles(styleId(p), "rFonts");
    if (viaPara != null && !viaPara.getAttributeNS(W, "ascii").isEmpty()) return viaPara.getAttributeNS(W, "ascii");
    return defaultFont();
  }

  private String defaultFont() {
    Element f = defaultRunProperty("rFonts");
    return f == null || f.getAttributeNS(W, "ascii").isEmpty() ? "Times New Roman" : f.getAttributeNS(W, "ascii");
  }

  /** A run's text as the paragraph's text counts it. */
  static String text(XWPFRun r) {
    String s = r.toString();
    return s == null ? "" : s;
  }

  /** A paragraph property element (jc, spacing, ...): the paragraph's own, else its style chain's, else the document default's. */
  private Element paragraphProperty(XWPFParagraph p, String name) {
    return paragraphPropertyWith(p, name, null);
  }

  /** As {@link #paragraphProperty}, looking only at elements that carry the attribute (a w:spacing may set only space before). */
  private Element paragraphPropertyWith(XWPFParagraph p, String name, String attribute) {
    Element own = has(child(child(p.getCTP().getDomNode(), "pPr"), name), attribute);
    if (own != null) return own;
    Set<String> seen = new HashSet<>();
    String id = styleId(p);
    while (id != null && seen.add(id)) {
      Node style = styleNode(id);
      if (style == null) break;
      Element e = has(child(child(style, "pPr"), name), attribute);
      if (e != null) return e;
      id = basedOn(style);
    }
    Node defaults = docDefaults();
    return has(child(child(child(defaults, "pPrDefault"), "pPr"), name), attribute);
  }

  private Element runPropertyOfStyles(String styleId, String name) {
    Set<String> seen = new HashSet<>();
    String id = styleId;
    while (id != null && seen.add(id)) {
      Node style = styleNode(id);
      if (style == null) break;
      Element e = child(child(style, "rPr"), name);
      if (e != null) return e;
      id = basedOn(style);
    }
    return null;
  }

  private Element defaultRunProperty(String name) {
    return child(child(child(docDefaults(), "rPrDefault"), "rPr"), name);
  }

  private Node docDefaults() {
    if (doc.getStyles() == null) return null;
    return child(doc.getStyles().getCtStyles().getDomNode(), "docDefaults");
  }

  private Node styleNode(String id) {
    if (doc.getStyles() == null || id == null) return null;
    XWPFStyle s = doc.getStyles().getStyle(id);
    return s == null ? null : s.getCTStyle().getDomNode();
  }

  private static String basedOn(Node style) {
    Element b = child(style, "basedOn");
    return b == null ? null : b.getAttributeNS(W, "val");
  }

  private static Element has(Element e, String attribute) {
    if (e == null || attribute == null) return e;
    return e.hasAttributeNS(W, attribute) ? e : null;
  }

  /** The first child element of this local name in the WordprocessingML namespace, or null. */
  static Element child(Node parent, String name) {
    if (parent == null) return null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName()) && W.equals(e.getNamespaceURI())) return e;
    }
    return null;
  }

  /** An on/off value: absent or empty means on. */
  static boolean isOn(String v) {
    return v == null || v.isEmpty() || v.equals("true") || v.equals("1") || v.equals("on");
  }

  private static String plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }

  // ------------------------------------------------------------------ tables, headers, footers, page

  public List<XWPFTable> tables() {
    return doc.getTables();
  }

  /** A table's cell texts, row by row. */
  public static List<List<String>> rows(XWPFTable t) {
    List<List<String>> out = new ArrayList<>();
    for (XWPFTableRow row : t.getRows()) {
      List<String> cells = new ArrayList<>();
      for (XWPFTableCell c : row.getTableCells()) cells.add(c.getText().strip());
      out.add(cells);
    }
    return out;
  }

  /** The page headers (or footers) the body's section uses, default one first; empty when there is none. */
  public List<XWPFHeaderFooter> headersOrFooters(boolean header) {
    List<XWPFHeaderFooter> out = new ArrayList<>();
    var policy = doc.getHeaderFooterPolicy();
    if (policy != null) {
      XWPFHeaderFooter first = header ? policy.getDefaultHeader() : policy.getDefaultFooter();
      if (first != null) out.add(first);
    }
    List<? extends XWPFHeaderFooter> all = header ? doc.getHeaderList() : doc.getFooterList();
    for (XWPFHeaderFooter h : all) if (!out.contains(h)) out.add(h);
    return out;
  }

  /** The default header's (or footer's) text with page fields as their shown number; null when there is none. */
  public String headerOrFooterText(boolean header) {
    List<XWPFHeaderFooter> hs = headersOrFooters(header);
    if (hs.isEmpty()) return null;
    List<String> lines = new ArrayList<>();
    for (XWPFParagraph p : hs.get(0).getParagraphs()) lines.add(p.getText());
    return String.join("\n", lines).strip();
  }

  /** Whether a header (or footer) holds a PAGE field (the page number, not typed digits). */
  public boolean hasPageField(boolean header) {
    for (XWPFHeaderFooter h : headersOrFooters(header)) {
      if (PAGE_FIELD.matcher(h._getHdrFtr().xmlText()).find()) return true;
    }
    return false;
  }

  /** portrait or landscape, from the body section's page size (wider than high: landscape), else its orient attribute. */
  public String orientation() {
    Element pgSz = pageSize();
    if (pgSz == null) return "portrait";
    String w = pgSz.getAttributeNS(W, "w");
    String h = pgSz.getAttributeNS(W, "h");
    if (!w.isEmpty() && !h.isEmpty()) return new BigDecimal(w).compareTo(new BigDecimal(h)) > 0 ? "landscape" : "portrait";
    return "landscape".equals(pgSz.getAttributeNS(W, "orient")) ? "landscape" : "portrait";
  }

  Element pageSize() {
    var body = doc.getDocument().getBody();
    if (!body.isSetSectPr()) return null;
    return child(body.getSectPr().getDomNode(), "pgSz");
  }

  /** The XML object behind a header or footer, for mutations. */
  static XmlObject xml(XWPFHeaderFooter h) {
    return h instanceof XWPFHeader hd ? hd._getHdrFtr() : ((XWPFFooter) h)._getHdrFtr();
  }
}
