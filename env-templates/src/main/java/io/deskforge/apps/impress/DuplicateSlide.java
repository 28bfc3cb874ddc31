package io.deskforge.apps.impress;

import io.deskforge.apps.family.FamilyTasks;
import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Derivation;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Duplicate a named slide (the copy right after it), then save. The checker reads the outline
 * (the title twice, side by side, every other slide kept) and the copy's body, bullet by bullet.
 * Difficulty: the deck's size.
 */
final class DuplicateSlide extends SeededFamily {
  static final String ID = Impress.NAME + ".duplicate-slide";

  DuplicateSlide() {
    super(ID, Impress.NAME, "duplicate a named slide so that its copy follows it, then save",
        List.of(
            "In {file}, duplicate slide {n} ({title}) so that an identical copy follows it. Save the presentation as .pptx.",
            "Make a copy of the {title} slide of {file}, placed directly after the original, and save the deck.",
            "The deck {file} needs the slide {title} twice in a row: duplicate it and save the file in its current format."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    DeckTask deck = DeckTask.draw(d);
    int n = deck.size();
    int s = d.between(2, n);
    String title = deck.title(s);
    List<String> expected = new ArrayList<>(deck.titles());
    expected.add(s, title);
    FamilyTasks t = task(seed);
    List<Checker> checks = new ArrayList<>(List.of(deck.outline(expected)));
    List<String> body = deck.deck().slides().get(s - 1).body();
    // the copy's body, every paragraph in order: a dropped or changed bullet shows
    checks.add(deck.query("slide " + (s + 1) + " body", DeckTask.equals(String.join("\n", body))));
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(deck.path()));
    slots.put("n", Integer.toString(s));
    slots.put("title", DeckTask.quoted(title));
    deck.setUp(t).param("slide", s).param("title", title)
        .instruction(instruction(d, slots))
        .checker(Checker.all(checks.toArray(Checker[]::new)));
    List<Action> solved = concat(ImpressGui.goTo(s), ImpressGui.duplicate());
    int neighbour = s < n ? s + 1 : s - 1;
    String[] bullets = new String[body.size()];
    for (int i = 0; i < body.size(); i++) {
      t.fact(Fact.inFile("bullet_" + (i + 1), body.get(i), deck.path()));
      bullets[i] = "bullet_" + (i + 1);
    }
    t.fact(Fact.derived("copied_body", Derivation.LINES.apply(body), Derivation.LINES, bullets));
    return t.solution("Home, Page Down to slide " + s + ", Slide > Duplicate Slide (Alt+L, Down, Return), Ctrl+S",
            concat(solved, ImpressGui.save(deck.path())))
        .negative("not-saved", "duplicates the slide but never saves", solved)
        .negative("wrong-slide", "duplicates slide " + neighbour + " instead, and saves",
            concat(ImpressGui.goTo(neighbour), ImpressGui.duplicate(), ImpressGui.save(deck.path())))
        .negative("new-slide", "adds a new slide with the same title instead of a copy (no bullets), and saves",
            concat(ImpressGui.goTo(s), ImpressGui.newSlide(title, List.of()), ImpressGui.save(deck.path())))
        .build();
  }
}
