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
 * Align the titles of one to three slides, named by their titles, to the right or to the left
 * (the deck's titles are centred), then save. The checker reads each named slide's title
 * alignment by its title, and the outline (the titles themselves untouched). Difficulty: the
 * number of slides (and the deck's size).
 */
final class AlignTitles extends SeededFamily {
  static final String ID = Impress.NAME + ".align-titles";

  AlignTitles() {
    super(ID, Impress.NAME, "align the titles of one to three named slides to the right or left, then save",
        List.of(
            "The headings of {slides} in {file} should sit flush {side}, not centred: set their paragraph alignment to {side}. Change nothing else and save the presentation as .pptx.",
            "Design pass on {file}: on {slides}, the heading text must be flush {side}. Apply that alignment and save the file.",
            "Open {file} and {side}-align the heading text on {slides}, then save it in its current format."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    DeckTask deck = DeckTask.draw(d);
    int n = deck.size();
    List<Integer> slides = deck.drawSlides(d);
    int k = slides.size();
    String side = d.chance(0.6) ? "right" : "left";
    String other = side.equals("right") ? "left" : "right";
    FamilyTasks t = task(seed);
    List<Checker> checks = new ArrayList<>();
    List<String> named = new ArrayList<>();
    List<Action> solved = new ArrayList<>();
    List<Action> centred = new ArrayList<>();
    List<Action> otherSide = new ArrayList<>();
    for (int s : slides) {
      String title = deck.title(s);
      named.add(DeckTask.quoted(title));
      checks.add(deck.query("slide titled " + title + " title_align", DeckTask.equals(side)));
      solved.addAll(concat(ImpressGui.goTo(s), ImpressGui.alignTitle(side)));
      centred.addAll(concat(ImpressGui.goTo(s), ImpressGui.alignTitle("center")));
      otherSide.addAll(concat(ImpressGui.goTo(s), ImpressGui.alignTitle(other)));
    }
    checks.add(deck.outline(deck.titles()));
    String list = DeckTask.slideList(named);
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(deck.path()));
    slots.put("slides", list);
    slots.put("side", side);
    deck.setUp(t).param("aligned", slides).param("side", side)
        .instruction(instruction(d, slots))
        .fact(Fact.inInstruction("side", side))
        .checker(Checker.all(checks.toArray(Checker[]::new)));
    int first = slides.get(0);
    int wrong = first < n ? first + 1 : first - 1;
    List<Action> wrongSlide = new ArrayList<>(concat(ImpressGui.goTo(wrong), ImpressGui.alignTitle(side)));
    for (int i = 1; i < k; i++) wrongSlide.addAll(concat(ImpressGui.goTo(slides.get(i)), ImpressGui.alignTitle(side)));
    return t.solution("for each slide: Home, Page Down to it, Tab to select its title, " + (side.equals("right") ? "Ctrl+R" : "Ctrl+L")
            + ", Escape; then Ctrl+S", concat(solved, ImpressGui.save(deck.path())))
        .negative("not-saved", "aligns every title as asked but never saves", solved)
        .negative("wrong-slide", "aligns slide " + wrong + "'s title instead of slide " + first + "'s, and saves",
            concat(wrongSlide, ImpressGui.save(deck.path())))
        .negative("other-side", "aligns the titles to the " + other + " instead, and saves", concat(otherSide, ImpressGui.save(deck.path())))
        .negative("centred", "centres the titles (as they were), and saves", concat(centred, ImpressGui.save(deck.path())))
        .build();
  }
}
