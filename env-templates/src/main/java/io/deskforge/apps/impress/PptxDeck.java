package io.deskforge.apps.impress;

import io.deskforge.desktop.UnreadableFileException;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.sl.usermodel.PaintStyle;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A saved .pptx presentation as the checker reads it, on the host with Apache POI (XSLF), from the
 * file's bytes: the slides in order, each with its title (the title placeholder's text), body (the
 * paragraphs of its other text placeholders and text boxes), speaker notes, layout, title alignment
 * and colour, and transition. Bytes that are no presentation throw {@link UnreadableFileException},
 * so a check on them fails closed. Also writes a deck from a {@link DeckSpec}.
 */
public final class PptxDeck {
  private final XMLSlideShow show;

  private PptxDeck(XMLSlideShow show) {
    this.show = show;
  }

  /** Parses a presentation; {@code what} names it in errors (a path). */
  public static PptxDeck parse(byte[] bytes, String what) {
    try {
      XMLSlideShow s = new XMLSlideShow(new ByteArrayInputStream(bytes));
      return new PptxDeck(s);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFileException(what + " is not a readable .pptx presentation: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
    }
  }

  static PptxDeck wrap(XMLSlideShow show) {
    return new PptxDeck(show);
  }

  XMLSlideShow show() {
    return show;
  }

  public int size() {
    return show.getSlides().size();
  }

  /** The slide at a 1-based position, or null when there is none. */
  XSLFSlide slide(int n) {
    List<XSLFSlide> slides = show.getSlides();
    return n >= 1 && n <= slides.size() ? slides.get(n - 1) : null;
  }

  /** The titles in slide order; a slide without a title reads as "". */
  public List<String> titles() {
    List<String> out = new ArrayList<>();
    for (XSLFSlide s : show.getSlides()) out.add(title(s));
    return out;
  }

  /** The 1-based position of the first slide whose title is this text (trimmed), or 0. */
  public int indexOfTitle(String title) {
    List<String> t = titles();
    for (int i = 0; i < t.size(); i++) if (t.get(i).strip().equals(title.strip())) return i + 1;
    return 0;
  }

  static boolean isTitle(XSLFShape shape) {
    if (!(shape instanceof XSLFTextShape ts) || ts.getPlaceholder() == null) return false;
    Placeholder p = ts.getPlaceholder();
    return p == Placeholder.TITLE || p == Placeholder.CENTERED_TITLE;
  }

  static XSLFTextShape titleShape(XSLFSlide slide) {
    for (XSLFShape sh : slide.getShapes()) if (isTitle(sh)) return (XSLFTextShape) sh;
    return null;
  }

  /** The title's text, its paragraphs joined by a space; "" when the slide has no title. */
  static String title(XSLFSlide slide) {
    XSLFTextShape t = titleShape(slide);
    if (t == null) return "";
    List<String> paras = new ArrayList<>();
    for (XSLFTextParagraph p : t.getTextParagraphs()) paras.add(p.getText().strip());
    return String.join(" ", paras.stream().filter(s -> !s.isEmpty()).toList());
  }

  /** The body's paragraphs, in order, blank ones left out: every text shape but the title, slide number, date and footer. */
  static List<String> body(XSLFSlide slide) {
    List<String> out = new ArrayList<>();
    for (XSLFShape sh : slide.getShapes()) {
      if (!(sh instanceof XSLFTextShape ts) || isTitle(sh)) continue;
      Placeholder p = ts.getPlaceholder();
      if (p == Placeholder.SLIDE_NUMBER || p == Placeholder.DATETIME || p == Placeholder.FOOTER || p == Placeholder.HEADER) continue;
      for (XSLFTextParagraph para : ts.getTextParagraphs()) {
        String text = para.getText().strip();
        if (!text.isEmpty()) out.add(text);
      }
    }
    return out;
  }

  /** The speaker notes' text (paragraphs joined by newlines), or null when the slide has none. */
  static String notes(XSLFSlide slide) {
    XSLFNotes notes = slide.getNotes();
    if (notes == null) return null;
    List<String> paras = new ArrayList<>();
    for (XSLFShape sh : notes.getShapes()) {
      if (!(sh instanceof XSLFTextShape ts)) continue;
      Placeholder p = ts.getPlaceholder();
      if (p != Placeholder.BODY) continue;
      for (XSLFTextParagraph para : ts.getTextParagraphs()) paras.add(para.getText().strip());
    }
    String text = String.join("\n", paras).strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * The slide's layout in the content's words, from the placeholders the slide itself holds (what
   * a person sees), not from the layout part it links to: LibreOffice links slides to layouts that
   * do not match them. title (a title and a subtitle), title_and_content (a title and a body),
   * two_content (a title and two bodies), title_only, blank (no placeholder), or other. A
   * placeholder of another kind (date, footer, slide number, picture) does not count.
   */
  static String layout(XSLFSlide slide) {
    boolean title = false;
    boolean subtitle = false;
    int content = 0;
    for (XSLFShape sh : slide.getShapes()) {
      if (!(sh instanceof XSLFTextShape ts) || !ts.isPlaceholder()) continue;
      // LibreOffice writes a content placeholder as a bare <p:ph/> (an "obj" of no index), which POI types as none
      Placeholder p = ts.getPlaceholder() == null ? Placeholder.CONTENT : ts.getPlaceholder();
      if (p == Placeholder.TITLE || p == Placeholder.CENTERED_TITLE) title = true;
      else if (p == Placeholder.SUBTITLE) subtitle = true;
      else if (p == Placeholder.BODY || p == Placeholder.CONTENT) content++;
    }
    if (title && subtitle && content == 0) return "title";
    if (title && !subtitle && content == 1) return "title_and_content";
    if (title && !subtitle && content == 2) return "two_content";
    if (title && !subtitle && content == 0) return "title_only";
    if (!title && !subtitle && content == 0) return "blank";
    return "other";
  }

  /** The title's first paragraph's alignment as shown (inherited from the layout and master when not set): left, center, right, justify; null without a title. */
  static String titleAlign(XSLFSlide slide) {
    XSLFTextShape t = titleShape(slide);
    if (t == null || t.getTextParagraphs().isEmpty()) return null;
    TextParagraph.TextAlign a = t.getTextParagraphs().get(0).getTextAlign();
    if (a == null) return "left";
    return switch (a) {
      case CENTER -> "center";
      case RIGHT -> "right";
      case JUSTIFY, JUSTIFY_LOW, DIST, THAI_DIST -> "justify";
      default -> "left";
    };
  }

  /** The colour of the title's first run with text, as RRGGBB; null without a title or a solid colour. */
  static String titleColor(XSLFSlide slide) {
    XSLFTextShape t = titleShape(slide);
    if (t == null) return null;
    for (XSLFTextParagraph p : t.getTextParagraphs()) {
      for (XSLFTextRun r : p.getTextRuns()) {
        if (r.getRawText() == null || r.getRawText().isBlank()) continue;
        PaintStyle paint = r.getFontColor();
        if (paint instanceof PaintStyle.SolidPaint solid) {
          Color c = solid.getSolidColor().getColor();
          return String.format("%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
        }
        return null;
      }
    }
    return null;
  }

  /**
   * The slide's transition effect by its element's name in the file (fade, push, wipe, cover,
   * split, ...), or null when it has none. POI's schema subset has no transitions, so the slide's
   * XML is read as it is: the first {@code p:transition} (in the fallback of an alternate content
   * too) and its first child element.
   */
  static String transition(XSLFSlide slide) {
    try (InputStream in = slide.getPackagePart().getInputStream()) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      var doc = f.newDocumentBuilder().parse(in);
      var list = doc.getElementsByTagNameNS("http://schemas.openxmlformats.org/presentationml/2006/main", "transition");
      if (list.getLength() == 0) return null;
      Element tr = (Element) list.item(0);
      for (Node c = tr.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c instanceof Element e) return e.getLocalName();
      }
      // LibreOffice writes an empty transition on every slide: no effect
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new UnreadableFileException("slide XML could not be read: " + e.getMessage());
    }
  }

  public byte[] bytes() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      show.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A presentation of these slides on POI's default master (16:9 is not needed: the 4:3 default shows the same). */
  static byte[] write(DeckSpec deck) {
    try (XMLSlideShow s = new XMLSlideShow()) {
      XSLFSlideMaster master = s.getSlideMasters().get(0);
      // outline (text) placeholders, not POI's "obj" ones: LibreOffice gives a slide of an "obj"
      // layout its Title, Object layout, and a new slide after it (Ctrl+M) an object frame that takes no text
      for (XSLFSlideLayout layout : master.getSlideLayouts()) {
        for (XSLFShape sh : layout.getShapes()) {
          if (sh instanceof XSLFTextShape ts && ts.getPlaceholder() == Placeholder.CONTENT) ts.setPlaceholder(Placeholder.BODY);
        }
      }
      for (DeckSpec.Slide spec : deck.slides()) {
        SlideLayout type = switch (spec.layout()) {
          case "title" -> SlideLayout.TITLE;
          case "title_only" -> SlideLayout.TITLE_ONLY;
          case "blank" -> SlideLayout.BLANK;
          default -> SlideLayout.TITLE_AND_CONTENT;
        };
        XSLFSlide slide = s.createSlide(master.getLayout(type));
        for (XSLFShape sh : List.copyOf(slide.getShapes())) {
          if (!(sh instanceof XSLFTextShape ts)) continue;
          if (isTitle(sh)) {
            ts.setText(spec.title());
          } else if (ts.getPlaceholder() == Placeholder.BODY || ts.getPlaceholder() == Placeholder.SUBTITLE
              || ts.getPlaceholder() == Placeholder.CONTENT) {
            if (ts.getPlaceholder() == Placeholder.CONTENT) ts.setPlaceholder(Placeholder.BODY);
            if (spec.body().isEmpty()) {
              slide.removeShape(sh);
            } else {
              ts.clearText();
              for (String line : spec.body()) ts.addNewTextParagraph().addNewTextRun().setText(line);
            }
          }
        }
        if (spec.notes() != null && !spec.notes().isBlank()) {
          XSLFNotes notes = s.getNotesSlide(slide);
          for (XSLFShape sh : notes.getShapes()) {
            if (sh instanceof XSLFTextShape ts && ts.getPlaceholder() == Placeholder.BODY) {
              ts.setText(spec.notes());
              break;
            }
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      s.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
