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
 * Move the slide with a given title to a given position (never before the title slide), then save.
 * The checker reads the saved deck's whole outline (every title in order) and the slide's position
 * by its title. Difficulty: the deck's size, and so how far a slide may travel.
 */
final class MoveSlide extends SeededFamily {
  static final String ID = Impress.NAME + ".move-slide";

  MoveSlide() {
    super(ID, Impress.NAME, "move the slide with a given title to a given position in the deck, then save",
        List.of(
            "In the presentation {file}, move the slide titled {title} so that it becomes slide {to}. Keep every other slide in its order and save the file as .pptx.",
            "Reorder {file}: the {title} slide (now slide {from}) belongs at position {to}. Move it there and save the deck.",
            "Open {file} in Impress and put the slide called {title} at position {to} of the deck, then save it in its current format."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    DeckTask deck = DeckTask.draw(d);
    int n = deck.size();
    int from = d.between(2, n);
    int to;
    do to = d.between(2, n); while (to == from);
    String title = deck.title(from);
    List<String> expected = moved(deck.titles(), from, to);
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(deck.path()));
    slots.put("title", DeckTask.quoted(title));
    slots.put("from", Integer.toString(from));
    slots.put("to", Integer.toString(to));
    FamilyTasks t = task(seed);
    deck.setUp(t).param("title", title).param("from", from).param("to", to)
        .instruction(instruction(d, slots))
        .fact(Fact.inInstruction("position", Integer.toString(to)))
        .fact(Fact.inInstruction("moved_title", title))
        .checker(Checker.all(deck.outline(expected),
            deck.query("slide titled " + title + " index", DeckTask.equals(Integer.toString(to)))));
    int by = to - from;
    // one place too far, or one short when too far is past an end
    int off = by + Integer.signum(by);
    if (from + off < 2 || from + off > n) off = by - Integer.signum(by);
    int neighbour = from < n ? from + 1 : from - 1;
    List<Action> solved = concat(ImpressGui.goTo(from), ImpressGui.move(by));
    t.solution("to the slide with Home and Page Down, Slide > Move " + (by > 0 ? "Down" : "Up") + " (Alt+Shift+Page "
            + (by > 0 ? "Down" : "Up") + ") " + Math.abs(by) + " times, Ctrl+S", concat(solved, ImpressGui.save(deck.path())))
        .negative("not-saved", "moves the slide to the right place but never saves", solved)
        .negative("off-by-one", "moves the slide to position " + (from + off) + " instead of " + to + ", and saves",
            concat(ImpressGui.goTo(from), ImpressGui.move(off), ImpressGui.save(deck.path())))
        .negative("wrong-slide", "moves its neighbour, slide " + neighbour + ", to position " + to + ", and saves",
            concat(ImpressGui.goTo(neighbour), ImpressGui.move(to - neighbour), ImpressGui.save(deck.path())));
    if (from - by >= 2 && from - by <= n) {
      t.negative("wrong-direction", "moves the slide " + Math.abs(by) + " places " + (by > 0 ? "up" : "down") + " instead, and saves",
          concat(ImpressGui.goTo(from), ImpressGui.move(-by), ImpressGui.save(deck.path())));
    }
    return t.build();
  }

  static List<String> moved(List<String> titles, int from, int to) {
    List<String> out = new ArrayList<>(titles);
    String s = out.remove(from - 1);
    out.add(to - 1, s);
    return out;
  }
}
