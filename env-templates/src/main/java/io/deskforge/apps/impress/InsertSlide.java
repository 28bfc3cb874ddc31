package io.deskforge.apps.impress;

import io.deskforge.apps.family.FamilyTasks;
import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Add a new slide right after a named slide, with a given title and one to three bullet points,
 * then save. The checker reads the outline (the new title in its place, every other slide kept in
 * order) and the new slide's body, found by its title, for each bullet. Difficulty: the number of
 * bullets (and the deck's size).
 */
final class InsertSlide extends SeededFamily {
  static final String ID = Impress.NAME + ".insert-slide";

  InsertSlide() {
    super(ID, Impress.NAME, "add a slide with a given title and bullet points after a named slide, then save",
        List.of(
            "In {file}, add a new slide right after the slide {after} (slide {n}). Title it {title} and give it {count}: {bullets}. Save the presentation as .pptx.",
            "Insert a slide titled {title} into {file}, directly after {after}, with {count} {bullets}. Then save the deck.",
            "The presentation {file} needs a new slide {title} following slide {n} ({after}). Put {count} on it ({bullets}) and save it in its current format."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    DeckTask deck = DeckTask.draw(d);
    int n = deck.size();
    int after = d.between(2, n);
    String title = d.pick(Decks.NEW_TITLES);
    int k = deck.level();
    List<String> bullets = new ArrayList<>();
    while (bullets.size() < k) {
      String b = TaskDraw.capitalize(d.adjective()) + " " + d.noun() + " " + d.pick(List.of("costs", "orders", "reviews", "plans", "sales", "tests"));
      if (!bullets.contains(b)) bullets.add(b);
    }
    List<String> expected = new ArrayList<>(deck.titles());
    expected.add(after, title);
    FamilyTasks t = task(seed);
    List<Checker> checks = new ArrayList<>(List.of(deck.outline(expected)));
    for (int i = 0; i < k; i++) {
      t.fact(Fact.inInstruction("bullet_" + (i + 1), bullets.get(i)));
      checks.add(deck.query("slide titled " + title + " body", new Metric.Contains(bullets.get(i), false)));
    }
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(deck.path()));
    slots.put("after", DeckTask.quoted(deck.title(after)));
    slots.put("n", Integer.toString(after));
    slots.put("title", DeckTask.quoted(title));
    slots.put("count", k == 1 ? "one bullet point" : k + " bullet points");
    slots.put("bullets", String.join("; ", bullets.stream().map(DeckTask::quoted).toList()));
    deck.setUp(t).param("after", after).param("title", title).param("bullets", bullets)
        .instruction(instruction(d, slots))
        .fact(Fact.inInstruction("new_title", title))
        .checker(Checker.all(checks.toArray(Checker[]::new)));
    List<Action> solved = concat(ImpressGui.goTo(after), ImpressGui.newSlide(title, bullets));
    int wrong = after > 2 ? after - 1 : after + 1 <= n ? after + 1 : after;
    return t.solution("Home, Page Down to slide " + after + ", Ctrl+M, Tab to the title, F2, the title, Escape, Tab to the body, F2,"
            + " the bullets, Escape; Ctrl+S", concat(solved, ImpressGui.save(deck.path())))
        .negative("not-saved", "adds the right slide but never saves", solved)
        .negative("wrong-place", "adds the slide after slide " + wrong + " instead, and saves",
            concat(ImpressGui.goTo(wrong), ImpressGui.newSlide(title, bullets), ImpressGui.save(deck.path())))
        .negative("no-bullets", "adds the slide with its title only, and saves",
            concat(ImpressGui.goTo(after), ImpressGui.newSlide(title, List.of()), ImpressGui.save(deck.path())))
        .build();
  }
}
