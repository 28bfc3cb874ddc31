package io.deskforge.apps.impress;

import io.deskforge.apps.osworld.EndStateModel;
import io.deskforge.apps.osworld.ScratchHome;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Trajectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

/**
 * LibreOffice Impress driven as {@link ImpressGui} does, modelled on the opened .pptx with POI:
 * Home and Page Down go to a slide; Tab selects its objects in order (the title, then the body;
 * in the Notes view the slide's picture, then its notes), F2 edits the selected one, Ctrl+A then
 * typing replaces its text, End or Ctrl+End then typing appends (a line break starting a
 * paragraph); Ctrl+L, Ctrl+E and Ctrl+R set the selected object's paragraphs' alignment; Ctrl+M
 * adds a Title, Content slide after the current one; the Slide menu's second item duplicates the current slide after it, its fifth deletes it, its Layout submenu gives
 * Title, Content (and Title Only keeps the slide as it is, Title Slide makes its body the subtitle,
 * Title and 2 Content adds a second body); its last item (Up) opens the Slide Transition deck,
 * where a click on an effect's icon gives the current slide that transition, and Ctrl+F6 returns
 * to the slide; Alt+Shift+Page Down/Up moves the slide; the View menu's first and third items
 * are the Normal and Notes views. Ctrl+S writes the deck; work never saved is lost.
 */
public final class ImpressEndState implements EndStateModel {
  @Override
  public void reCreate(TaskSpec task, Trajectory trajectory, ScratchHome home) {
    String file = EndStateModel.openedFile(task);
    new Session(task, trajectory, PptxDeck.parse(home.readFile(file), file).show(), home, file).run();
  }

  private static final class Session {
    final TaskSpec task;
    final Trajectory trajectory;
    final XMLSlideShow show;
    final ScratchHome home;
    final String file;
    int current = 1;
    int object; // objects selected by Tab: 0 none, 1 the first, ...
    boolean editing;
    boolean replacing; // Ctrl+A while editing: typing replaces the text
    boolean notesView;
    String menu = ""; // "slide", "layout", "view"
    int downs;
    boolean transitionDeck;

    Session(TaskSpec task, Trajectory trajectory, XMLSlideShow show, ScratchHome home, String file) {
      this.task = task;
      this.trajectory = trajectory;
      this.show = show;
      this.home = home;
      this.file = file;
    }

    void run() {
      for (Action a : trajectory.actions()) {
        switch (a) {
          case Action.Key k -> {
            for (String key : k.keys().split(" ")) key(key);
          }
          case Action.Type t -> type(t.text());
          case Action.Click c when transitionDeck && menu.isEmpty() -> transition(TransitionKind.at(c.x(), c.y())
              .orElseThrow(() -> EndStateModel.unmodelled(task, trajectory, "a click on the Slide Transition deck outside its effects: " + a)));
          default -> throw EndStateModel.unmodelled(task, trajectory, a);
        }
      }
    }

    void key(String key) {
      if (!menu.isEmpty()) {
        menuKey(key);
        return;
      }
      if (editing) {
        switch (key) {
          case "ctrl+a" -> replacing = true;
          case "End", "ctrl+End" -> replacing = false;
          case "Escape" -> editing = false;
          default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key + " while editing text");
        }
        return;
      }
      switch (key) {
        case "Escape" -> object = 0;
        case "Home" -> current = 1;
        case "Page_Down" -> current = Math.min(current + 1, show.getSlides().size());
        case "Tab" -> object++;
        case "F2" -> {
          if (object == 0) throw EndStateModel.unmodelled(task, trajectory, "F2 with nothing selected");
          editing = true;
          replacing = false;
        }
        case "ctrl+m" -> {
          XSLFSlide slide = show.createSlide(show.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_AND_CONTENT));
          // POI copies the layout's prompt texts ("Click to edit ..."), which LibreOffice shows but never saves as text
          for (XSLFShape sh : slide.getShapes()) if (sh instanceof XSLFTextShape ts) ts.clearText();
          show.setSlideOrder(slide, current);
          current++;
          object = 0;
        }
        case "alt+shift+Next", "alt+shift+Prior" -> {
          int to = current + (key.endsWith("Next") ? 1 : -1);
          if (to >= 1 && to <= show.getSlides().size()) {
            show.setSlideOrder(slide(), to - 1);
            current = to;
          }
        }
        case "alt+l" -> open("slide");
        case "ctrl+F6" -> object = 0;
        case "ctrl+l", "ctrl+e", "ctrl+r" -> {
          if (object == 0) throw EndStateModel.unmodelled(task, trajectory, key + " with nothing selected");
          TextParagraph.TextAlign to = switch (key) {
            case "ctrl+l" -> TextParagraph.TextAlign.LEFT;
            case "ctrl+e" -> TextParagraph.TextAlign.CENTER;
            default -> TextParagraph.TextAlign.RIGHT;
          };
          for (var p : target().getTextParagraphs()) p.setTextAlign(to);
        }
        case "alt+v" -> open("view");
        case "ctrl+s" -> save();
        default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key);
      }
    }

    void open(String which) {
      menu = which;
      downs = 0;
    }

    void menuKey(String key) {
      switch (key) {
        case "Down" -> downs++;
        case "Up" -> downs--;
        case "Right" -> {
          if (!menu.equals("slide") || downs != 3) throw EndStateModel.unmodelled(task, trajectory, "a submenu other than Slide > Layout");
          menu = "layout";
          downs = 0;
        }
        case "Return" -> {
          String item = menu + ":" + downs;
          menu = "";
          switch (item) {
            case "layout:3" -> { } // Title, Content: what Ctrl+M's slide has here already
            case "layout:1" -> { } // Title Only: the body keeps its text, so the slide keeps it
            case "layout:2" -> {
              for (XSLFShape sh : slide().getShapes()) {
                if (sh instanceof XSLFTextShape ts && (ts.getPlaceholder() == Placeholder.BODY || ts.getPlaceholder() == Placeholder.CONTENT)) {
                  ts.setPlaceholder(Placeholder.SUBTITLE);
                }
              }
            }
            case "layout:5" -> slide().createTextBox().setPlaceholder(Placeholder.BODY);
            case "slide:-1" -> transitionDeck = true;
            case "slide:1" -> duplicate();
            case "slide:4" -> {
              show.removeSlide(current - 1);
              current = Math.min(current, show.getSlides().size());
            }
            case "view:0" -> notesView = false;
            case "view:2" -> notesView = true;
            default -> throw EndStateModel.unmodelled(task, trajectory, "menu item " + item);
          }
          object = 0;
        }
        default -> throw EndStateModel.unmodelled(task, trajectory, "key " + key + " in the " + menu + " menu");
      }
    }

    /** The current slide's transition replaced by this effect, as LibreOffice writes it (alternate content aside). */
    void transition(TransitionKind kind) {
      XSLFSlide s = slide();
      PptxQuery.removeTransition(s);
      org.w3c.dom.Element root = (org.w3c.dom.Element) s.getXmlObject().getDomNode();
      String ns = "http://schemas.openxmlformats.org/presentationml/2006/main";
      org.w3c.dom.Element t = root.getOwnerDocument().createElementNS(ns, "p:transition");
      t.appendChild(root.getOwnerDocument().createElementNS(ns, "p:" + kind.element()));
      root.appendChild(t);
    }

    void duplicate() {
      XSLFSlide from = slide();
      XSLFSlide copy = show.createSlide(from.getSlideLayout());
      copy.importContent(from);
      show.setSlideOrder(copy, current);
      current++;
    }

    XSLFSlide slide() {
      return show.getSlides().get(current - 1);
    }

    /** The text object being edited: the slide's n-th shape, or in the Notes view its notes (the second object there). */
    XSLFTextShape target() {
      if (notesView) {
        if (object != 2) throw EndStateModel.unmodelled(task, trajectory, "object " + object + " in the Notes view");
        boolean fresh = slide().getNotes() == null;
        XSLFNotes notes = show.getNotesSlide(slide());
        for (XSLFShape sh : notes.getShapes()) {
          if (sh instanceof XSLFTextShape ts && ts.getPlaceholder() == Placeholder.BODY) {
            if (fresh) ts.clearText(); // the notes master's prompt text, which a new notes page does not hold
            return ts;
          }
        }
        throw EndStateModel.unmodelled(task, trajectory, "notes without a body placeholder");
      }
      List<XSLFShape> shapes = slide().getShapes();
      if (object > shapes.size() || !(shapes.get(object - 1) instanceof XSLFTextShape ts)) {
        throw EndStateModel.unmodelled(task, trajectory, "object " + object + " of slide " + current);
      }
      return ts;
    }

    void type(String text) {
      if (!editing) throw EndStateModel.unmodelled(task, trajectory, "typing without editing a text object");
      XSLFTextShape ts = target();
      String[] lines = text.split("\n", -1);
      if (replacing || ts.getText().isEmpty()) {
        ts.setText(lines[0]);
      } else {
        ts.appendText(lines[0], false);
      }
      for (int i = 1; i < lines.length; i++) ts.appendText(lines[i], true);
      replacing = false;
    }

    void save() {
      try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
        show.write(out);
        Files.write(home.host(file), out.toByteArray());
        home.chown();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
