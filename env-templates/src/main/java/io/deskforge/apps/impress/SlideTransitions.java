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
 * Give a run of two to four consecutive slides, named by their positions ("slides 3 to 5"), a
 * transition effect (fade, push, wipe, ...), then save. The checker reads each named slide's
 * transition by its position, as OSWorld's {@code check_transition} does, and the outline (so no
 * slide moved, which would make the positions name other slides). Difficulty: the number of slides
 * (and the deck's size).
 */
final class SlideTransitions extends SeededFamily {
  static final String ID = Impress.NAME + ".slide-transitions";

  SlideTransitions() {
    super(ID, Impress.NAME, "give two to four consecutive slides a named transition effect, then save",
        List.of(
            "In the presentation {file}, give {slides} a {effect} transition. Leave the other slides as they are and save the file as .pptx.",
            "The deck {file} needs motion between slides: {slides} should each enter with a {effect} transition. Set it and save the deck.",
            "Open {file}, apply the {effect} slide transition to {slides}, then save the presentation in its current format."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    DeckTask deck = DeckTask.draw(d);
    int n = deck.size();
    int k = Math.min(deck.level() + 1, n - 2);
    int first = d.between(2, n - k + 1);
    int last = first + k - 1;
    TransitionKind kind = d.pick(TransitionKind.NAMED);
    int at = TransitionKind.ALL.indexOf(kind);
    TransitionKind other = TransitionKind.ALL.get(at + 1 < TransitionKind.ALL.size() ? at + 1 : at - 1);
    int shiftedFirst = last < n ? first + 1 : first - 1;
    FamilyTasks t = task(seed);
    List<Checker> checks = new ArrayList<>();
    List<Action> solved = new ArrayList<>(ImpressGui.transitionDeck());
    List<Action> otherKind = new ArrayList<>(ImpressGui.transitionDeck());
    List<Action> shifted = new ArrayList<>(ImpressGui.transitionDeck());
    List<Action> allButLast = new ArrayList<>(ImpressGui.transitionDeck());
    List<Integer> slides = new ArrayList<>();
    for (int s = first; s <= last; s++) {
      slides.add(s);
      checks.add(deck.query("slide " + s + " transition", DeckTask.equals(kind.element())));
      solved.addAll(concat(ImpressGui.goTo(s), ImpressGui.giveTransition(kind)));
      otherKind.addAll(concat(ImpressGui.goTo(s), ImpressGui.giveTransition(other)));
      shifted.addAll(concat(ImpressGui.goTo(s - first + shiftedFirst), ImpressGui.giveTransition(kind)));
      if (s < last) allButLast.addAll(concat(ImpressGui.goTo(s), ImpressGui.giveTransition(kind)));
    }
    checks.add(deck.outline(deck.titles()));
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(deck.path()));
    slots.put("slides", k == 2 ? "slides " + first + " and " + last : "slides " + first + " to " + last);
    slots.put("effect", kind.element());
    deck.setUp(t).param("slides_given", slides).param("effect", kind.element())
        .instruction(instruction(d, slots))
        .fact(Fact.inInstruction("effect", kind.element()))
        .fact(Fact.inInstruction("first", Integer.toString(first)))
        .fact(Fact.inInstruction("last", Integer.toString(last)))
        .checker(Checker.all(checks.toArray(Checker[]::new)));
    String save = "; Ctrl+S";
    return t.solution("Slide > Slide Transition (Alt+L, Up, Enter); for each slide: Home, Page Down to it, a click on " + kind.shown()
            + " in the sidebar, Ctrl+F6 back to the slide" + save, concat(solved, ImpressGui.save(deck.path())))
        .negative("not-saved", "gives every slide the transition but never saves", solved)
        .negative("wrong-slides", "gives the transition to slides " + shiftedFirst + " to " + (shiftedFirst + k - 1) + " instead, and saves",
            concat(shifted, ImpressGui.save(deck.path())))
        .negative("other-effect", "gives the slides " + other.shown() + " (the icon next to " + kind.shown() + ") instead, and saves",
            concat(otherKind, ImpressGui.save(deck.path())))
        .negative("last-slide-missed", "gives the transition to every named slide but slide " + last + ", and saves",
            concat(allButLast, ImpressGui.save(deck.path())))
        .build();
  }
}
