package io.deskforge.apps.impress;

import io.deskforge.apps.family.FamilyTasks;
import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Change the layout of one to three slides, named by their titles, to Title Slide (Slide > Layout),
 * so that they open the deck's sections, then save. LibreOffice keeps a slide's bullets as the
 * subtitle. The checker reads each named slide's layout (from the placeholders it holds: a title
 * and a subtitle) and its text below the title (kept), by its title, and the outline. Difficulty:
 * the number of slides (and the deck's size).
 */
final class TitleSlides extends SeededFamily {
  static final String ID = Impress.NAME + ".title-slides";

  TitleSlides() {
    super(ID, Impress.NAME, "change one to three named slides to the Title Slide layout, keeping their text, then save",
        List.of(
            "In {file}, {slides} should open new sections: turn them into title slides (Slide > Layout) without losing their text, and save the file as .pptx.",
            "In {file}, give {slides} the Title Slide layout, a centred title over a subtitle, with the rest of their text kept. Save the deck when done.",
            "Open {file} and switch {slides} to the title slide layout; keep their wording and save the presentation in its current format."));
  }

  /** Slide > Layout's Title Slide (two Downs), and the near misses beside it: Title Only (one) and Title and 2 Content (five). */
  static final int TITLE_SLIDE = 2;
  static final int TITLE_ONLY = 1;
  static final int TWO_CONTENT = 5;

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    DeckTask deck = DeckTask.draw(d);
    List<Integer> slides = deck.drawSlides(d);
    FamilyTasks t = task(seed);
    List<Checker> checks = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (int s : slides) {
      String title = deck.title(s);
      String body = String.join("\n", deck.deck().slides().get(s - 1).body());
      named.add(DeckTask.quoted(title));
      t.fact(Fact.inFile("body_" + s, body, deck.path()));
      checks.add(deck.query("slide titled " + title + " layout", DeckTask.equals("title")));
      checks.add(deck.query("slide titled " + title + " body", DeckTask.equals(body)));
    }
    checks.add(deck.outline(deck.titles()));
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(deck.path()));
    slots.put("slides", DeckTask.slideList(named));
    deck.setUp(t).param("retitled_layout", slides)
        .instruction(instruction(d, slots))
        .fact(Fact.inInstruction("layout", "title"))
        .checker(Checker.all(checks.toArray(Checker[]::new)));
    List<Action> solved = DeckTask.onEach(slides, ImpressGui.layout(TITLE_SLIDE));
    List<Integer> wrong = deck.firstOnNeighbour(slides);
    List<Action> save = ImpressGui.save(deck.path());
    return t.solution("for each slide: Home, Page Down to it, Slide > Layout > Title Slide (Alt+L, Down x3, Right, Down x2, Enter); then Ctrl+S",
            concat(solved, save))
        .negative("not-saved", "gives every slide the layout but never saves", solved)
        .negative("wrong-slide", "changes slide " + wrong.get(0) + "'s layout instead of slide " + slides.get(0) + "'s, and saves",
            concat(DeckTask.onEach(wrong, ImpressGui.layout(TITLE_SLIDE)), save))
        .negative("title-only", "picks Title Only, the item above Title Slide (the bullets stay a body), and saves",
            concat(DeckTask.onEach(slides, ImpressGui.layout(TITLE_ONLY)), save))
        .negative("two-content", "picks Title and 2 Content instead, and saves", concat(DeckTask.onEach(slides, ImpressGui.layout(TWO_CONTENT)), save))
        .build();
  }
}
