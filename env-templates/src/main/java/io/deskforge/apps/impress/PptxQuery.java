package io.deskforge.apps.impress;

import io.deskforge.apps.document.DocumentFormat;
import io.deskforge.task.check.Reading;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The {@code document_query} language of .pptx presentations. A deck's property ({@code slides},
 * {@code titles}, {@code outline}), or one slide's, the slide named by its position ({@code slide 3
 * notes}) or by its title ({@code slide titled Budget review index}), so that a checker need not
 * depend on a position the task changes. What each reads, and how the audit changes it so that a
 * checker asking it must notice:
 *
 * <ul>
 *   <li>{@code slides}: the number of slides; the last slide removed.
 *   <li>{@code titles}: the titles in order (items); {@code outline}: the same as rows of one cell,
 *       for an exact, ordered comparison; the first two slides swapped, the last slide removed.
 *   <li>{@code SLIDE title}: its title's text; the title changed, the slide swapped with its neighbour.
 *   <li>{@code SLIDE body}: its other text, one paragraph per line (absent when none); the last paragraph dropped.
 *   <li>{@code SLIDE notes}: its speaker notes (absent when none); the notes dropped.
 *   <li>{@code SLIDE layout}: title, title_and_content, two_content, title_only, blank or other;
 *       a body placeholder added (or, for other, every text placeholder removed).
 *   <li>{@code SLIDE title_align}: left, center, right or justify, as shown; reset to the other side.
 *   <li>{@code SLIDE title_color}: the colour of the title's first run with text as RRGGBB, as POI resolves it (inherited
 *       from the layout and master when the run has none; absent when it is no solid colour); changed.
 *   <li>{@code SLIDE transition}: the effect (fade, push, wipe, cover, ...; absent when none); removed.
 *   <li>{@code slide titled TEXT index}: the slide's position (absent when no slide has that title); moved by one.
 * </ul>
 * A slide that is not there reads as absent.
 */
record PptxQuery(String property, int index, String titled) {
  private static final String PROPS = "title|body|notes|layout|title_align|title_color|transition";
  private static final Pattern BY_INDEX = Pattern.compile("slide\\s+(?<n>[0-9]{1,4})\\s+(?<prop>" + PROPS + ")");
  private static final Pattern BY_TITLE = Pattern.compile("slide\\s+titled\\s+(?<t>.+?)\\s+(?<prop>index|" + PROPS + ")");

  static final String GUIDE = """
      write_document content: {"slides": [{"layout": "title_and_content", "title": "Budget review", "body": ["first bullet", "second"],
        "notes": "speaker notes"}, ...]}; layouts: title (body is the subtitle), title_and_content (default), title_only, blank
      document_query: slides (count, e.g. "7") | titles (items in order) | outline (rows: one [title] per slide, for rows_equal)
        | slide N title | slide N body (paragraphs, one per line) | slide N notes | slide N layout (title, title_and_content,
        two_content, title_only, blank, other) | slide N title_align (left, center,
        right, justify) | slide N title_color (RRGGBB) | slide N transition (fade, push, wipe, cover, ...)
        | slide titled TEXT index (its position, e.g. "slide titled Budget review index" reads 3) | slide titled TEXT notes | ...
        (any slide property after "slide titled TEXT"); a slide that is not there reads as absent""";

  /** The query parsed, or an {@link IllegalArgumentException} naming what is wrong. */
  static PptxQuery parse(String query) {
    String q = query == null ? "" : query.strip();
    if (q.equals("slides") || q.equals("titles") || q.equals("outline")) return new PptxQuery(q, 0, null);
    Matcher m = BY_TITLE.matcher(q);
    if (m.matches()) return new PptxQuery(m.group("prop"), 0, m.group("t").strip());
    m = BY_INDEX.matcher(q);
    if (m.matches()) {
      int n = Integer.parseInt(m.group("n"));
      if (n < 1) throw new IllegalArgumentException("slides count from 1, not " + n);
      return new PptxQuery(m.group("prop"), n, null);
    }
    throw new IllegalArgumentException("not a .pptx query: '" + query + "'; ask slides, titles, outline, slide N PROPERTY or"
        + " slide titled TEXT PROPERTY, with PROPERTY one of " + PROPS.replace('|', ' ') + " (or index, after titled)");
  }

  /** The slide's position this query names in the deck, or 0 when it is not there. */
  private int position(PptxDeck deck) {
    if (titled != null) return deck.indexOfTitle(titled);
    return index <= deck.size() ? index : 0;
  }

  Reading read(PptxDeck deck) {
    switch (property) {
      case "slides" -> { return Reading.text(Integer.toString(deck.size())); }
      case "titles" -> { return Reading.items(deck.titles()); }
      case "outline" -> { return Reading.rows(deck.titles().stream().map(List::of).toList()); }
      default -> { }
    }
    int n = position(deck);
    if (n == 0) return Reading.absent();
    XSLFSlide slide = deck.slide(n);
    return switch (property) {
      case "index" -> Reading.text(Integer.toString(n));
      case "title" -> Reading.text(PptxDeck.title(slide));
      case "body" -> {
        List<String> body = PptxDeck.body(slide);
        yield body.isEmpty() ? Reading.absent() : Reading.text(String.join("\n", body));
      }
      case "notes" -> orAbsent(PptxDeck.notes(slide));
      case "layout" -> Reading.text(PptxDeck.layout(slide));
      case "title_align" -> orAbsent(PptxDeck.titleAlign(slide));
      case "title_color" -> orAbsent(PptxDeck.titleColor(slide));
      case "transition" -> orAbsent(PptxDeck.transition(slide));
      default -> throw new IllegalStateException(property);
    };
  }

  /**
   * The query as vm_reader.py reads it on OSWorld's VM, following {@link PptxDeck}'s reading of
   * slides, titles, bodies and notes over the package's XML: slides, titles, outline, and a slide's
   * index, title, body, notes, layout (from the slide's own placeholders), transition (the slide
   * part's first p:transition), and the title's alignment and colour, inherited as POI's property
   * fetchers inherit them (the paragraph's or run's own, the title's list style, the layout's
   * placeholder, the master's title placeholder, the master's titleStyle); a colour given as a theme
   * or preset colour, or through the shape's style, is unreadable there rather than guessed.
   */
  java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> vmQuery() {
    if (!List.of("slides", "titles", "outline", "index", "title", "body", "notes", "layout", "transition", "title_align", "title_color")
        .contains(property)) {
      return java.util.Optional.empty();
    }
    var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("format", "pptx");
    var q = out.putObject("q").put("property", property).put("index", index);
    if (titled != null) q.put("titled", titled);
    return java.util.Optional.of(out);
  }

  /**
   * OSWorld's own check of the same meaning, where there is one: a slide named by its position
   * whose transition equals (case-sensitively) one of the effects {@link TransitionKind} lists is
   * OSWorld's {@code check_transition} on the file fetched with {@code vm_file}, {@code slide_idx}
   * N-1. It finds the part {@code ppt/slides/slideN.xml} and, in its first {@code p:transition}
   * (the alternate content's choice, as here), an element {@code p:EFFECT}; deskforge reads the
   * N-th slide of the presentation and the local name of that transition's first child. They agree
   * on every file LibreOffice and the setup write (slide parts named in slide order, the effect the
   * transition's one child, presentationml's own for these effects); a file whose parts are named
   * out of order (PowerPoint after a move) would be scored by part name there. A slide named by its
   * title has no such check ({@code check_transition} knows positions only).
   */
  java.util.Optional<io.deskforge.task.export.ExportCatalog.OsworldCheck> osworldCheck(String path, io.deskforge.task.spec.Metric metric) {
    if (!property.equals("transition") || titled != null) return java.util.Optional.empty();
    if (!(metric instanceof io.deskforge.task.spec.Metric.EqualsText e) || e.ignoreCase() || !TransitionKind.isElement(e.expected())) {
      return java.util.Optional.empty();
    }
    var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    var result = json.objectNode().put("type", "vm_file").put("path", path).put("dest", path.substring(path.lastIndexOf('/') + 1));
    var expected = json.objectNode().put("type", "rule");
    expected.putObject("rules").put("slide_idx", index - 1).put("transition_type", e.expected());
    return java.util.Optional.of(new io.deskforge.task.export.ExportCatalog.OsworldCheck("check_transition", result, expected, null));
  }

  private static Reading orAbsent(String s) {
    return s == null ? Reading.absent() : Reading.text(s);
  }

  private String where() {
    return titled != null ? "slide-titled-" + titled.replace(' ', '-') : index == 0 ? "deck" : "slide-" + index;
  }

  /** The changes to a solved deck that a checker asking this query must notice. */
  List<DocumentFormat.Mutation> mutations(String path) {
    List<DocumentFormat.Mutation> out = new ArrayList<>();
    String w = where();
    switch (property) {
      case "slides" -> out.add(change("slide-removed", path, d -> d.removeSlide(d.getSlides().size() - 1)));
      case "titles", "outline" -> {
        out.add(change("slides-swapped", path, d -> {
          if (d.getSlides().size() >= 2) d.setSlideOrder(d.getSlides().get(1), 0);
          else retitle(d.getSlides().get(0));
        }));
        out.add(change("slide-removed", path, d -> d.removeSlide(d.getSlides().size() - 1)));
      }
      case "index" -> out.add(change("slide-moved:" + w, path, d -> {
        XSLFSlide s = slideOf(d);
        int i = d.getSlides().indexOf(s);
        d.setSlideOrder(s, i + 1 < d.getSlides().size() ? i + 1 : i - 1);
      }));
      case "title" -> {
        out.add(change("title-changed:" + w, path, d -> retitle(slideOf(d))));
        if (titled == null) out.add(change("slide-swapped:" + w, path, d -> {
          XSLFSlide s = slideOf(d);
          int i = d.getSlides().indexOf(s);
          d.setSlideOrder(s, i + 1 < d.getSlides().size() ? i + 1 : i - 1);
        }));
      }
      case "body" -> out.add(change("body-paragraph-dropped:" + w, path, d -> {
        XSLFSlide s = slideOf(d);
        for (XSLFShape sh : s.getShapes()) {
          if (sh instanceof XSLFTextShape ts && !PptxDeck.isTitle(sh) && !ts.getText().isBlank()) {
            List<XSLFTextParagraph> paras = ts.getTextParagraphs();
            if (paras.size() > 1) ts.removeTextParagraph(paras.get(paras.size() - 1));
            else ts.clearText();
            return;
          }
        }
      }));
      case "notes" -> out.add(change("notes-dropped:" + w, path, d -> {
        XSLFNotes notes = slideOf(d).getNotes();
        if (notes == null) return;
        for (XSLFShape sh : notes.getShapes()) {
          if (sh instanceof XSLFTextShape ts && ts.getPlaceholder() == Placeholder.BODY) ts.clearText();
        }
      }));
      case "title_align" -> out.add(change("alignment-reset:" + w, path, d -> {
        XSLFSlide s = slideOf(d);
        String now = PptxDeck.titleAlign(s);
        TextParagraph.TextAlign to = "left".equals(now) ? TextParagraph.TextAlign.CENTER : TextParagraph.TextAlign.LEFT;
        for (XSLFTextParagraph p : PptxDeck.titleShape(s).getTextParagraphs()) p.setTextAlign(to);
      }));
      case "title_color" -> out.add(change("colour-changed:" + w, path, d -> {
        XSLFSlide s = slideOf(d);
        String now = PptxDeck.titleColor(s);
        Color to = "000000".equals(now) ? new Color(0x80, 0x80, 0x80) : Color.BLACK;
        for (XSLFTextParagraph p : PptxDeck.titleShape(s).getTextParagraphs()) for (XSLFTextRun r : p.getTextRuns()) r.setFontColor(to);
      }));
      case "transition" -> out.add(change("transition-removed:" + w, path, d -> removeTransition(slideOf(d))));
      case "layout" -> out.add(change("layout-changed:" + w, path, d -> {
        XSLFSlide s = slideOf(d);
        if (PptxDeck.layout(s).equals("other")) {
          for (XSLFShape sh : List.copyOf(s.getShapes())) if (sh instanceof XSLFTextShape ts && ts.isPlaceholder()) s.removeShape(sh);
        } else {
          s.createTextBox().setPlaceholder(Placeholder.BODY);
        }
      }));
      default -> { }
    }
    return out;
  }

  private XSLFSlide slideOf(XMLSlideShow d) {
    PptxDeck deck = PptxDeck.wrap(d);
    int n = position(deck);
    if (n == 0) throw new IllegalStateException("the solved deck has no slide " + (titled != null ? "titled '" + titled + "'" : index));
    return deck.slide(n);
  }

  private static void retitle(XSLFSlide s) {
    XSLFTextShape t = PptxDeck.titleShape(s);
    if (t == null) throw new IllegalStateException("the slide has no title to change");
    for (XSLFTextParagraph p : t.getTextParagraphs()) {
      for (XSLFTextRun r : p.getTextRuns()) {
        if (r.getRawText() != null && !r.getRawText().isBlank()) {
          r.setText(r.getRawText() + " draft");
          return;
        }
      }
    }
    t.setText("Untitled");
  }

  /** Every p:transition of the slide, and an alternate content that holds one, removed from its XML. */
  static void removeTransition(XSLFSlide slide) {
    Node root = slide.getXmlObject().getDomNode();
    List<Node> victims = new ArrayList<>();
    collect(root, victims);
    for (Node v : victims) v.getParentNode().removeChild(v);
  }

  private static void collect(Node n, List<Node> out) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (!(c instanceof Element e)) continue;
      if ("transition".equals(e.getLocalName())) {
        out.add(e);
      } else if ("AlternateContent".equals(e.getLocalName()) && e.getElementsByTagNameNS("*", "transition").getLength() > 0) {
        out.add(e);
      } else {
        collect(c, out);
      }
    }
  }

  private static DocumentFormat.Mutation change(String name, String path, Consumer<XMLSlideShow> edit) {
    return new DocumentFormat.Mutation(name, state -> {
      PptxDeck deck = PptxFormat.deck(state, path);
      if (deck == null) throw new IllegalStateException(path + " is missing; there is nothing to change");
      edit.accept(deck.show());
      state.writeFile(path, deck.bytes());
    });
  }
}
