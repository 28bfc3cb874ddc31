package io.deskforge.apps.writer;

import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.check.Reading;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The {@code document_query} language of .docx documents. Paragraphs are the body's paragraphs
 * that hold text, numbered from 1; a checker that must not depend on where a paragraph ended up
 * (a task that inserts paragraphs) names it by a text it contains. What each query reads, and how
 * the audit changes it so that a checker asking it must notice:
 *
 * <ul>
 *   <li>{@code paragraphs}: the paragraphs' texts (items); one paragraph's text changed, the last one removed.
 *   <li>{@code text}: the same texts as one text, a line each; changed the same ways.
 *   <li>{@code paragraph N PROP} and {@code paragraph containing "TEXT" PROP} (absent when there is
 *       no such paragraph), PROP one of: {@code text} (changed; the paragraph removed), {@code
 *       style} (the paragraph style's name, "Heading 1"; set to another style), {@code alignment}
 *       (left, center, right, justify; changed), {@code line_spacing} ("1", "1.5", "2"; changed),
 *       {@code font} (the first run's font; changed), {@code bold}, {@code italic} (every run;
 *       toggled), {@code list} (bullet, numbered or none: whether the paragraph is a list item and
 *       of which kind; none taken out of its list, or put into a bulleted one; a list item's
 *       list swapped for one of the other kind).
 *   <li>{@code find all "TEXT" bold|italic}: whether every run covering every occurrence of the
 *       text in the body's paragraphs is bold (absent when it occurs nowhere); the last
 *       occurrence's runs made regular when all are, else every occurrence's runs set.
 *   <li>{@code find "TEXT" bold|italic}: whether every run covering the first occurrence of the
 *       text is bold (absent when no paragraph holds it); toggled on those runs.
 *   <li>{@code tables}: how many tables the body has (text); a table removed, or one added.
 *       {@code table N}: the cells' texts of table N, row by row (rows); a cell changed.
 *   <li>{@code header text}, {@code footer text}: the default header's or footer's text (absent
 *       when there is none); changed. {@code header page_number}, {@code footer page_number}:
 *       whether it holds a PAGE field (flag); the field replaced by the number typed as text.
 *       {@code page numbers}: where PAGE fields are (items: header, footer); the same change.
 *   <li>{@code page orientation}: portrait or landscape; swapped.
 * </ul>
 */
record DocxQuery(String kind, int index, String text, String property) {
  static final List<String> PROPS = List.of("text", "style", "alignment", "line_spacing", "font", "bold", "italic", "list");
  private static final Pattern NTH = Pattern.compile("paragraph\\s+([1-9][0-9]{0,4})\\s+(" + String.join("|", PROPS) + ")");
  private static final Pattern CONTAINING = Pattern.compile("paragraph\\s+containing\\s+\"(.+)\"\\s+(" + String.join("|", PROPS) + ")");
  private static final Pattern FIND_ALL = Pattern.compile("find\\s+all\\s+\"(.+)\"\\s+(bold|italic)");
  private static final Pattern FIND = Pattern.compile("find\\s+\"(.+)\"\\s+(bold|italic)");
  private static final Pattern TABLE = Pattern.compile("table\\s+([1-9][0-9]{0,3})");
  private static final Pattern HEADER = Pattern.compile("(header|footer)\\s+(text|page_number)");

  static final String GUIDE = """
      write_document content: {"paragraphs": [{"text": "Annual report", "style": "Heading 1", "align": "center", "bold": true,
        "italic": false, "spacing": 1.5, "font": "Liberation Sans",
        "page_break": true (a new page before it)}, "a plain paragraph as a string", ...],
        "tables": [{"after": 2, "rows": [["Name", "Qty"], ["tea", "12"]]}] (after: the number of paragraphs before it),
        "header": "text", "footer": "text", "page_numbers": "footer" | "header", "landscape": true}; styles: Normal, Title,
        Subtitle, Heading 1, Heading 2, Heading 3, Body Text, Quotations; align: left, center, right, justify
      document_query (paragraphs are the body's paragraphs with text, from 1): paragraphs | text |
        paragraph N text|style|alignment|line_spacing|font|bold|italic|list (e.g. "paragraph 3 style" reads Heading 1,
        "paragraph 2 alignment" reads center, "paragraph 1 line_spacing" reads 2, "paragraph 4 list" reads bullet,
        numbered or none) |
        paragraph containing "TEXT" PROP (the first paragraph holding TEXT; absent when none) |
        find "TEXT" bold|italic (every run covering TEXT) | find all "TEXT" bold|italic (every occurrence of TEXT) | tables (how many) | table N (rows of cells) |
        header text | footer text | header page_number | footer page_number (a PAGE field there) | page numbers |
        page orientation (portrait or landscape)""";

  /** The query parsed, or an {@link IllegalArgumentException} naming what is wrong. */
  static DocxQuery parse(String query) {
    String q = query == null ? "" : query.strip();
    Matcher m;
    if (q.equals("paragraphs") || q.equals("text") || q.equals("tables") || q.equals("page numbers") || q.equals("page orientation")) {
      return new DocxQuery(q, 0, null, null);
    }
    if ((m = NTH.matcher(q)).matches()) return new DocxQuery("paragraph", Integer.parseInt(m.group(1)), null, m.group(2));
    if ((m = CONTAINING.matcher(q)).matches()) return new DocxQuery("containing", 0, m.group(1), m.group(2));
    if ((m = FIND_ALL.matcher(q)).matches()) return new DocxQuery("find all", 0, m.group(1), m.group(2));
    if ((m = FIND.matcher(q)).matches()) return new DocxQuery("find", 0, m.group(1), m.group(2));
    if ((m = TABLE.matcher(q)).matches()) return new DocxQuery("table", Integer.parseInt(m.group(1)), null, null);
    if ((m = HEADER.matcher(q)).matches()) return new DocxQuery(m.group(1), 0, null, m.group(2));
    throw new IllegalArgumentException("not a .docx query: '" + query + "'; ask paragraphs, text, paragraph N PROP or paragraph containing \"TEXT\" PROP"
        + " (PROP: " + String.join(", ", PROPS) + "), find \"TEXT\" bold|italic, find all \"TEXT\" bold|italic, tables, table N, header text, footer text,"
        + " header page_number, footer page_number, page numbers or page orientation");
  }

  Reading read(DocxDocument doc) {
    return switch (kind) {
      case "paragraphs" -> Reading.items(doc.texts());
      case "text" -> Reading.text(String.join("\n", doc.texts()));
      case "paragraph", "containing" -> {
        XWPFParagraph p = paragraph(doc);
        yield p == null ? Reading.absent() : property(doc, p);
      }
      case "find" -> {
        List<XWPFRun> runs = doc.runsOf(text);
        if (runs == null) yield Reading.absent();
        yield Reading.flag(allFlag(doc, runs, property.equals("bold") ? "b" : "i"));
      }
      case "find all" -> {
        List<List<XWPFRun>> all = doc.runsOfAll(text);
        if (all.isEmpty()) yield Reading.absent();
        yield Reading.flag(all.stream().allMatch(runs -> allFlag(doc, runs, property.equals("bold") ? "b" : "i")));
      }
      case "tables" -> Reading.text(Integer.toString(doc.tables().size()));
      case "table" -> index > doc.tables().size() ? Reading.absent() : Reading.rows(DocxDocument.rows(doc.tables().get(index - 1)));
      case "header", "footer" -> {
        boolean header = kind.equals("header");
        if (property.equals("page_number")) yield Reading.flag(doc.hasPageField(header));
        String t = doc.headerOrFooterText(header);
        yield t == null ? Reading.absent() : Reading.text(t);
      }
      case "page numbers" -> {
        List<String> where = new ArrayList<>();
        if (doc.hasPageField(true)) where.add("header");
        if (doc.hasPageField(false)) where.add("footer");
        yield Reading.items(where);
      }
      case "page orientation" -> Reading.text(doc.orientation());
      default -> throw new IllegalStateException(kind);
    };
  }

  private XWPFParagraph paragraph(DocxDocument doc) {
    if (kind.equals("containing")) return doc.containing(text);
    List<XWPFParagraph> ps = doc.paragraphs();
    return index > ps.size() ? null : ps.get(index - 1);
  }

  private Reading property(DocxDocument doc, XWPFParagraph p) {
    return switch (property) {
      case "text" -> Reading.text(p.getText());
      case "style" -> Reading.text(doc.styleName(p));
      case "alignment" -> Reading.text(doc.alignment(p));
      case "line_spacing" -> Reading.text(doc.lineSpacing(p));
      case "font" -> Reading.text(doc.font(p));
      case "bold" -> Reading.flag(doc.bold(p));
      case "italic" -> Reading.flag(doc.italic(p));
      case "list" -> Reading.text(doc.listKind(p));
      default -> throw new IllegalStateException(property);
    };
  }

  private static boolean allFlag(DocxDocument doc, List<XWPFRun> runs, String flag) {
    for (XWPFRun r : runs) if (!doc.runFlag(DocxDocument.paragraphOf(r), r, flag)) return false;
    return !runs.isEmpty();
  }

  /**
   * The query as vm_reader.py reads it on OSWorld's VM, following {@link DocxDocument}'s reading
   * (the style chain, the document defaults, runs in links and fields) over the package's XML:
   * every query. The page-number ones look for a PAGE field (a complex field's instruction text or
   * a simple field's instruction) in every header or footer part, as {@link DocxDocument#hasPageField} does;
   * not OSWorld's {@code has_page_numbers_in_footers}, which passes on any digit in a footer's first
   * paragraph, a number typed by hand too (the page-numbers family's near miss).
   */
  java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> vmQuery() {
    var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("format", "docx");
    var q = out.putObject("q").put("kind", kind).put("index", index);
    if (text != null) q.put("text", text);
    if (property != null) q.put("property", property);
    return java.util.Optional.of(out);
  }

  // ------------------------------------------------------------------ mutations

  /** The changes to a solved document that a checker asking this query must notice. */
  List<DocumentFormat.Mutation> mutations(String path) {
    String what = kind.equals("containing") || kind.startsWith("find") ? "\"" + text + "\"" : kind.equals("paragraph") ? "paragraph " + index : kind;
    List<DocumentFormat.Mutation> out = new ArrayList<>();
    switch (kind) {
      case "paragraphs", "text" -> {
        out.add(change("text-changed:" + kind, path, doc -> {
          List<XWPFParagraph> ps = doc.paragraphs();
          appendText(ps.get(ps.size() / 2));
        }));
        out.add(change("paragraph-removed:" + kind, path, doc -> remove(doc, doc.paragraphs().getLast())));
      }
      case "paragraph", "containing" -> {
        switch (property) {
          case "text" -> {
            out.add(change("text-changed:" + what, path, doc -> appendText(must(doc))));
            out.add(change("paragraph-removed:" + what, path, doc -> remove(doc, must(doc))));
          }
          case "style" -> out.add(change("style-changed:" + what, path, doc -> {
            XWPFParagraph p = must(doc);
            String now = doc.styleId(p);
            String def = doc.defaultStyleId();
            if (!now.equals(def)) p.setStyle(def);
            else p.setStyle(otherStyle(doc, now));
          }));
          case "alignment" -> out.add(change("alignment-changed:" + what, path, doc -> {
            XWPFParagraph p = must(doc);
            p.setAlignment(doc.alignment(p).equals("left") ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
          }));
          case "line_spacing" -> out.add(change("spacing-changed:" + what, path, doc -> {
            XWPFParagraph p = must(doc);
            p.setSpacingBetween(doc.lineSpacing(p).equals("1") ? 2.0 : 1.0, LineSpacingRule.AUTO);
          }));
          case "font" -> out.add(change("font-changed:" + what, path, doc -> {
            XWPFParagraph p = must(doc);
            String to = doc.font(p).equals("DejaVu Sans Mono") ? "Liberation Serif" : "DejaVu Sans Mono";
            for (XWPFRun r : p.getRuns()) r.setFontFamily(to);
          }));
          case "bold", "italic" -> out.add(change("style-dropped:" + what + ":" + property, path, doc -> {
            XWPFParagraph p = must(doc);
            boolean now = property.equals("bold") ? doc.bold(p) : doc.italic(p);
            for (XWPFRun r : p.getRuns()) {
              if (property.equals("bold")) r.setBold(!now);
              else r.setItalic(!now);
            }
          }));
          case "list" -> {
            out.add(change("list-changed:" + what, path, doc -> {
              XWPFParagraph p = must(doc);
              if (doc.listKind(p).equals("none")) putInList(doc, p, true);
              else takeOutOfList(doc, p);
            }));
            out.add(change("list-kind-swapped:" + what, path, doc -> {
              XWPFParagraph p = must(doc);
              String now = doc.listKind(p);
              putInList(doc, p, !now.equals("bullet"));
            }));
          }
          default -> { }
        }
      }
      case "find all" -> out.add(change("style-dropped:all " + what + ":" + property, path, doc -> {
        List<List<XWPFRun>> all = doc.runsOfAll(text);
        if (all.isEmpty()) throw new IllegalStateException("\"" + text + "\" occurs nowhere; there is nothing to change");
        String flag = property.equals("bold") ? "b" : "i";
        boolean now = all.stream().allMatch(runs -> allFlag(doc, runs, flag));
        for (List<XWPFRun> runs : now ? List.of(all.getLast()) : all) {
          for (XWPFRun r : runs) {
            if (property.equals("bold")) r.setBold(!now);
            else r.setItalic(!now);
          }
        }
      }));
      case "find" -> out.add(change("style-dropped:" + what + ":" + property, path, doc -> {
        List<XWPFRun> runs = doc.runsOf(text);
        if (runs == null) throw new IllegalStateException("no paragraph holds \"" + text + "\"; there is nothing to change");
        boolean now = allFlag(doc, runs, property.equals("bold") ? "b" : "i");
        for (XWPFRun r : runs) {
          if (property.equals("bold")) r.setBold(!now);
          else r.setItalic(!now);
        }
      }));
      case "tables" -> out.add(change("table-count-changed", path, doc -> {
        List<XWPFTable> ts = doc.tables();
        if (ts.isEmpty()) doc.poi().createTable(1, 1).getRow(0).getCell(0).setText("x");
        else doc.poi().removeBodyElement(doc.poi().getPosOfTable(ts.getLast()));
      }));
      case "table" -> out.add(change("cell-changed:table " + index, path, doc -> {
        if (index > doc.tables().size()) throw new IllegalStateException("there is no table " + index);
        XWPFTable t = doc.tables().get(index - 1);
        var row = t.getRows().getLast();
        var cell = row.getTableCells().getLast();
        cell.getParagraphs().getLast().createRun().setText("x");
      }));
      case "header", "footer" -> {
        boolean header = kind.equals("header");
        if (property.equals("text")) {
          out.add(change(kind + "-text-changed", path, doc -> {
            List<XWPFHeaderFooter> hs = doc.headersOrFooters(header);
            if (hs.isEmpty()) throw new IllegalStateException("there is no " + kind);
            appendText(hs.get(0).getParagraphs().getLast());
          }));
        } else {
          out.add(change(kind + "-page-number-typed", path, doc -> typePageNumbers(doc.headersOrFooters(header))));
        }
      }
      case "page numbers" -> out.add(change("page-number-typed", path, doc -> {
        typePageNumbers(doc.headersOrFooters(true));
        typePageNumbers(doc.headersOrFooters(false));
      }));
      case "page orientation" -> out.add(change("orientation-swapped", path, DocxQuery::swapOrientation));
      default -> { }
    }
    return out;
  }

  private XWPFParagraph must(DocxDocument doc) {
    XWPFParagraph p = paragraph(doc);
    if (p == null) throw new IllegalStateException("no paragraph " + (text == null ? "" + index : "holds \"" + text + "\"") + "; there is nothing to change");
    return p;
  }

  /** The paragraph made an item of a new list, bulleted or numbered (its level kept, else the first). */
  private static void putInList(DocxDocument doc, XWPFParagraph p, boolean bullet) {
    XWPFNumbering numbering = doc.poi().getNumbering() != null ? doc.poi().getNumbering() : doc.poi().createNumbering();
    BigInteger next = BigInteger.ONE;
    for (XWPFAbstractNum a : numbering.getAbstractNums()) {
      BigInteger id = a.getCTAbstractNum().getAbstractNumId();
      if (id != null && id.compareTo(next) >= 0) next = id.add(BigInteger.ONE);
    }
    CTAbstractNum ct = CTAbstractNum.Factory.newInstance();
    ct.setAbstractNumId(next);
    for (int l = 0; l < 9; l++) {
      CTLvl lvl = ct.addNewLvl();
      lvl.setIlvl(BigInteger.valueOf(l));
      lvl.addNewStart().setVal(BigInteger.ONE);
      lvl.addNewNumFmt().setVal(bullet ? STNumberFormat.BULLET : STNumberFormat.DECIMAL);
      lvl.addNewLvlText().setVal(bullet ? "\u2022" : "%" + (l + 1) + ".");
    }
    BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(ct, numbering));
    // a numbering id no instance has (POI's own pick, the count plus one, may be taken in a document Writer saved)
    BigInteger numId = BigInteger.ONE;
    for (var n : numbering.getNums()) {
      BigInteger id = n.getCTNum().getNumId();
      if (id != null && id.compareTo(numId) >= 0) numId = id.add(BigInteger.ONE);
    }
    numbering.addNum(abstractId, numId);
    BigInteger level = p.getNumIlvl();
    p.setNumID(numId);
    p.setNumILvl(level == null ? BigInteger.ZERO : level);
  }

  /** The paragraph's own numbering removed; if its style still makes it a list item, numbering 0 (none) set on it. */
  private static void takeOutOfList(DocxDocument doc, XWPFParagraph p) {
    var pPr = p.getCTP().getPPr();
    if (pPr != null && pPr.isSetNumPr()) pPr.unsetNumPr();
    if (!doc.listKind(p).equals("none")) p.setNumID(BigInteger.ZERO);
  }

  private static void appendText(XWPFParagraph p) {
    p.createRun().setText(" x");
  }

  private static void remove(DocxDocument doc, XWPFParagraph p) {
    int pos = 0;
    for (IBodyElement e : doc.poi().getBodyElements()) {
      if (e == p) break;
      pos++;
    }
    doc.poi().removeBodyElement(pos);
  }

  /** A paragraph style of the document other than this one (a heading when there is one), or "Heading1". */
  private static String otherStyle(DocxDocument doc, String not) {
    if (doc.poi().getStyles() == null) return "Heading1";
    String any = null;
    for (var s : doc.poi().getStyles().getCtStyles().getStyleList()) {
      Element e = (Element) s.getDomNode();
      if (!"paragraph".equals(e.getAttributeNS(DocxDocument.W, "type")) || s.getStyleId().equals(not)) continue;
      if (s.getStyleId().startsWith("Heading")) return s.getStyleId();
      if (any == null) any = s.getStyleId();
    }
    return any == null ? "Heading1" : any;
  }

  /** Each paragraph of these headers or footers that holds a field becomes its text as typed: the number, no longer a field. */
  private static void typePageNumbers(List<XWPFHeaderFooter> hs) {
    for (XWPFHeaderFooter h : hs) {
      for (XWPFParagraph p : h.getParagraphs()) {
        String shown = p.getText();
        Node ctp = p.getCTP().getDomNode();
        List<Node> drop = new ArrayList<>();
        for (Node n = ctp.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (!"pPr".equals(n.getLocalName())) drop.add(n);
        }
        if (drop.isEmpty()) continue;
        drop.forEach(ctp::removeChild);
        p.createRun().setText(shown.isEmpty() ? "1" : shown);
      }
    }
  }

  private static void swapOrientation(DocxDocument doc) {
    var body = doc.poi().getDocument().getBody();
    var sect = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
    Element pgSz = DocxDocument.child(sect.getDomNode(), "pgSz");
    boolean landscape = doc.orientation().equals("landscape");
    if (pgSz == null) {
      sect.addNewPgSz();
      pgSz = DocxDocument.child(sect.getDomNode(), "pgSz");
      pgSz.setAttributeNS(DocxDocument.W, "w:w", "12240");
      pgSz.setAttributeNS(DocxDocument.W, "w:h", "15840");
    }
    String w = pgSz.getAttributeNS(DocxDocument.W, "w");
    String h = pgSz.getAttributeNS(DocxDocument.W, "h");
    long a = w.isEmpty() ? 12240 : Long.parseLong(w);
    long b = h.isEmpty() ? 15840 : Long.parseLong(h);
    long small = Math.min(a, b);
    long large = Math.max(a, b);
    pgSz.setAttributeNS(DocxDocument.W, "w:w", Long.toString(landscape ? small : large));
    pgSz.setAttributeNS(DocxDocument.W, "w:h", Long.toString(landscape ? large : small));
    pgSz.setAttributeNS(DocxDocument.W, "w:orient", landscape ? "portrait" : "landscape");
  }

  private static DocumentFormat.Mutation change(String name, String path, Consumer<DocxDocument> edit) {
    return new DocumentFormat.Mutation(name, state -> {
      DocxDocument doc = DocxFormat.document(state, path);
      if (doc == null) throw new IllegalStateException(path + " is missing; there is nothing to change");
      edit.accept(doc);
      state.writeFile(path, doc.bytes());
    });
  }
}
