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
 * Give one to three slides, named by position and current title, new titles, then save. The
 * checker reads each renamed slide's title and the whole outline (no other title touched, no
 * slide moved). Difficulty: the number of slides renamed (and the deck's size).
 */
final class RenameTitles extends SeededFamily {
  static final String ID = Impress.NAME + ".rename-titles";

  RenameTitles() {
    super(ID, Impress.NAME, "replace the titles of one to three slides with new ones, then save",
        List.of(
            "In {file}, retitle {changes}. Leave everything else unchanged and save the presentation as .pptx.",
            "Some slide titles of the deck {file} are outdated: {changes}. Make these changes and save the file.",
            "Edit the presentation {file} so that {changes}, then save it in its current format."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    DeckTask deck = DeckTask.draw(d);
    int n = deck.size();
    List<Integer> slides = deck.drawSlides(d);
    int k = slides.size();
    List<String> fresh = d.distinct(Decks.NEW_TITLES, k);
    List<String> expected = new ArrayList<>(deck.titles());
    List<String> changes = new ArrayList<>();
    FamilyTasks t = task(seed);
    List<Checker> checks = new ArrayList<>();
    List<Action> solved = new ArrayList<>();
    List<Action> appended = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      int s = slides.get(i);
      String old = deck.title(s);
      String now = fresh.get(i);
      expected.set(s - 1, now);
      changes.add("slide " + s + " " + DeckTask.quoted(old) + " must be titled " + DeckTask.quoted(now));
      t.fact(Fact.inInstruction("new_title_" + s, now));
      checks.add(deck.query("slide " + s + " title", DeckTask.equals(now)));
      solved.addAll(ImpressGui.goTo(s));
      solved.addAll(ImpressGui.retitle(now));
      appended.addAll(ImpressGui.goTo(s));
      appended.addAll(ImpressGui.appendToTitle(" " + now));
    }
    checks.add(deck.outline(expected));
    String list = changes.size() == 1 ? changes.get(0)
        : String.join(", ", changes.subList(0, changes.size() - 1)) + " and " + changes.get(changes.size() - 1);
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(deck.path()));
    slots.put("changes", list);
    deck.setUp(t).param("renamed", slides).param("titles", fresh)
        .instruction(instruction(d, slots))
        .checker(Checker.all(checks.toArray(Checker[]::new)));
    // the first renamed slide's new title typed on the slide after it instead
    int first = slides.get(0);
    int wrong = first < n ? first + 1 : first - 1;
    List<Action> wrongSlide = new ArrayList<>(concat(ImpressGui.goTo(wrong), ImpressGui.retitle(fresh.get(0))));
    for (int i = 1; i < k; i++) wrongSlide.addAll(concat(ImpressGui.goTo(slides.get(i)), ImpressGui.retitle(fresh.get(i))));
    return t.solution("for each slide: Home, Page Down to it, Tab to its title, F2, Ctrl+A, the new title, Escape; then Ctrl+S",
            concat(solved, ImpressGui.save(deck.path())))
        .negative("not-saved", "retitles every slide right but never saves", solved)
        .negative("wrong-slide", "types the first new title on slide " + wrong + " instead of slide " + first + ", and saves",
            concat(wrongSlide, ImpressGui.save(deck.path())))
        .negative("appended", "adds each new title after the old one instead of replacing it, and saves",
            concat(appended, ImpressGui.save(deck.path())))
        .build();
  }
}
