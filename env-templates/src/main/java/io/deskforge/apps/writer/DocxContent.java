package io.deskforge.apps.writer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * A .docx document built by POI from a {@code write_document} step's content (see {@link
 * DocxQuery#GUIDE}): paragraphs with a paragraph style, alignment, line spacing, font, bold and
 * italic, a page break before; tables placed after a given paragraph; a header and a footer, optionally with a PAGE
 * field; the page turned landscape. Its styles are Word's built-in ones under their usual ids
 * (Heading1, Title), which LibreOffice maps to its own Heading 1 and Title; Liberation fonts.
 */
final class DocxContent {
  private DocxContent() {}

  /** Style display name -> id in the documents written here. */
  static final Map<String, String> STYLES = new LinkedHashMap<>();

  static {
    STYLES.put("Normal", "Normal");
    STYLES.put("Title", "Title");
    STYLES.put("Subtitle", "Subtitle");
    STYLES.put("Heading 1", "Heading1");
    STYLES.put("Heading 2", "Heading2");
    STYLES.put("Heading 3", "Heading3");
    STYLES.put("Body Text", "BodyText");
    STYLES.put("Quotations", "Quotations");
  }

  private static final String STYLES_XML = """
      <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:cs="Liberation Serif"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>
      <w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
      <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>
      <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:b/><w:sz w:val="56"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:sz w:val="32"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:b/><w:sz w:val="36"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:b/><w:sz w:val="32"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="140" w:after="120"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:b/><w:sz w:val="28"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="140" w:line="276" w:lineRule="auto"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Quotations"><w:name w:val="Quotations"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="567" w:right="567"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
      </w:styles>""";

  /** The document the content describes; bad content throws {@link IllegalArgumentException} naming what is wrong. */
  static byte[] build(JsonNode content) {
    if (content == null || !content.isObject()) throw new IllegalArgumentException("a .docx content is an object with 'paragraphs'");
    JsonNode paragraphs = content.get("paragraphs");
    if (paragraphs == null || !paragraphs.isArray()) throw new IllegalArgumentException("the .docx content has no 'paragraphs' array");
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createStyles().setStyles(StylesDocument.Factory.parse(STYLES_XML).getStyles());
      List<JsonNode> tables = new ArrayList<>();
      if (content.has("tables")) content.get("tables").forEach(tables::add);
      int i = 0;
      for (JsonNode t : tables) if (after(t) == 0) table(doc, t);
      for (JsonNode p : paragraphs) {
        paragraph(doc.createParagraph(), p, true);
        i++;
        for (JsonNode t : tables) if (after(t) == i) table(doc, t);
      }
      for (JsonNode t : tables) {
        if (after(t) > i) throw new IllegalArgumentException("a table comes after paragraph " + after(t) + ", but there are only " + i);
      }
      CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
      boolean landscape = content.path("landscape").asBoolean(false);
      var pgSz = sect.addNewPgSz();
      pgSz.setW(BigInteger.valueOf(landscape ? 15840 : 12240));
      pgSz.setH(BigInteger.valueOf(landscape ? 12240 : 15840));
      if (landscape) pgSz.setOrient(org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation.LANDSCAPE);
      var mar = sect.addNewPgMar();
      for (String side : List.of("top", "bottom", "left", "right")) {
        ((org.w3c.dom.Element) mar.getDomNode()).setAttributeNS(DocxDocument.W, "w:" + side, "1134");
      }
      String numbers = content.path("page_numbers").asText("");
      if (!numbers.isEmpty() && !numbers.equals("header") && !numbers.equals("footer")) {
        throw new IllegalArgumentException("page_numbers is 'header' or 'footer', not '" + numbers + "'");
      }
      if (content.hasNonNull("header") || numbers.equals("header")) {
        headerFooter(doc.createHeader(HeaderFooterType.DEFAULT), content.path("header").asText(""), numbers.equals("header"), "Header");
      }
      if (content.hasNonNull("footer") || numbers.equals("footer")) {
        headerFooter(doc.createFooter(HeaderFooterType.DEFAULT), content.path("footer").asText(""), numbers.equals("footer"), "Footer");
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException | org.apache.xmlbeans.XmlException e) {
      throw new IllegalStateException("could not build a .docx document", e);
    }
  }

  private static int after(JsonNode table) {
    return table.path("after").asInt(0);
  }

  private static void paragraph(XWPFParagraph p, JsonNode spec, boolean body) {
    String text = spec.isTextual() ? spec.asText() : spec.path("text").asText(null);
    if (text == null) throw new IllegalArgumentException("a paragraph is a string or an object with 'text', not " + spec);
    if (spec.isObject()) {
      String style = spec.path("style").asText("Normal");
      String id = STYLES.get(style);
      if (id == null) throw new IllegalArgumentException("unknown paragraph style '" + style + "'; use one of " + STYLES.keySet());
      if (!id.equals("Normal")) p.setStyle(id);
      if (spec.has("align")) p.setAlignment(alignment(spec.get("align").asText()));
      if (spec.has("spacing")) p.setSpacingBetween(spec.get("spacing").asDouble(), LineSpacingRule.AUTO);
      if (spec.path("page_break").asBoolean(false)) p.setPageBreak(true);
    }
    XWPFRun r = p.createRun();
    r.setText(text);
    if (spec.isObject()) {
      if (spec.path("bold").asBoolean(false)) r.setBold(true);
      if (spec.path("italic").asBoolean(false)) r.setItalic(true);
      if (spec.hasNonNull("font")) r.setFontFamily(spec.get("font").asText());
    }
  }

  static ParagraphAlignment alignment(String align) {
    return switch (align) {
      case "left" -> ParagraphAlignment.LEFT;
      case "center" -> ParagraphAlignment.CENTER;
      case "right" -> ParagraphAlignment.RIGHT;
      case "justify" -> ParagraphAlignment.BOTH;
      default -> throw new IllegalArgumentException("align is left, center, right or justify, not '" + align + "'");
    };
  }

  private static void table(XWPFDocument doc, JsonNode spec) {
    JsonNode rows = spec.get("rows");
    if (rows == null || !rows.isArray() || rows.isEmpty()) throw new IllegalArgumentException("a table needs 'rows', an array of rows of cells");
    int cols = 0;
    for (JsonNode r : rows) cols = Math.max(cols, r.size());
    XWPFTable t = doc.createTable(rows.size(), Math.max(cols, 1));
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).size(); c++) t.getRow(r).getCell(c).setText(rows.get(r).get(c).asText());
    }
  }

  private static void headerFooter(XWPFHeaderFooter hf, String text, boolean pageField, String style) {
    XWPFParagraph p = hf.getParagraphs().isEmpty() ? hf.createParagraph() : hf.getParagraphs().get(0);
    p.setStyle(style);
    if (!text.isEmpty()) p.createRun().setText(text + (pageField ? " " : ""));
    if (pageField) {
      p.createRun().getCTR().addNewFldChar().setFldCharType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.BEGIN);
      p.createRun().getCTR().addNewInstrText().setStringValue(" PAGE ");
      p.createRun().getCTR().addNewFldChar().setFldCharType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.SEPARATE);
      p.createRun().setText("1");
      p.createRun().getCTR().addNewFldChar().setFldCharType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.END);
    }
  }
}
