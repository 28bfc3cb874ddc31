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
 * A review of a deck in several steps, done in order: two to five of delete a slide, move a slide
 * to a position, retitle a slide, add speaker notes to a slide, right-align a slide's title, each
 * on a different slide named by its title. The checker reads the final outline and, by title, the
 * new title, the notes and the alignment. Difficulty: the number of steps (2-3, 3-4, 4-5) and the
 * deck's size; a five-step task takes some 35 GUI actions.
 */
final class Restructure extends SeededFamily {
  static final String ID = Impress.NAME + ".restructure";

  Restructure() {
    super(ID, Impress.NAME, "apply two to five slide edits in order (delete, move, retitle, notes, align), then save",
        List.of(
            "Work through this checklist for the deck {file}, one item after another: {steps}. Save it as .pptx when every item is done.",
            "Cleanup list for {file}, to be followed in order: {steps}. Then store the file.",
            "Go through {file} and, item by item, {steps}; finally save the presentation in its current format."));
  }

  private enum Op { DELETE, MOVE, RETITLE, NOTES, ALIGN }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    DeckTask drawn = DeckTask.draw(d);
    // no slide has notes yet, so the note added is the slide's whole notes
    DeckTask deck = new DeckTask(drawn.path(), new DeckSpec(drawn.deck().slides().stream()
        .map(s -> new DeckSpec.Slide(s.layout(), s.title(), s.body(), null)).toList()), drawn.level());
    int n = deck.size();
    int steps = Math.min(d.between(deck.level() + 1, deck.level() + 2), n - 2);
    List<Op> ops = d.distinct(List.of(Op.values()), steps);
    List<String> targets = d.distinct(deck.titles().subList(1, n), steps);
    List<String> titles = new ArrayList<>(deck.titles());
    FamilyTasks t = task(seed);
    List<String> said = new ArrayList<>();
    List<Checker> checks = new ArrayList<>();
    List<List<Action>> done = new ArrayList<>();
    List<Action> firstOnNeighbour = null;
    for (int i = 0; i < steps; i++) {
      String target = targets.get(i);
      int at = titles.indexOf(target) + 1;
      int neighbour = at < titles.size() ? at + 1 : at - 1;
      List<Action> a = new ArrayList<>();
      List<Action> wrong = new ArrayList<>();
      switch (ops.get(i)) {
        case DELETE -> {
          said.add("drop " + DeckTask.quoted(target) + " from the deck");
          titles.remove(at - 1);
          a.addAll(ImpressGui.delete(at));
          wrong.addAll(ImpressGui.delete(neighbour));
        }
        case MOVE -> {
          int to;
          do to = d.between(2, titles.size()); while (to == at);
          said.add("put " + DeckTask.quoted(target) + " in slot " + to);
          t.fact(Fact.inInstruction("position_" + (i + 1), Integer.toString(to)));
          titles.remove(at - 1);
          titles.add(to - 1, target);
          a.addAll(concat(ImpressGui.goTo(at), ImpressGui.move(to - at)));
          wrong.addAll(concat(ImpressGui.goTo(neighbour), ImpressGui.move(to - neighbour)));
        }
        case RETITLE -> {
          String now = d.pick(Decks.NEW_TITLES);
          said.add("call " + DeckTask.quoted(target) + " " + DeckTask.quoted(now) + " from now on");
          t.fact(Fact.inInstruction("new_title", now));
          titles.set(at - 1, now);
          a.addAll(concat(ImpressGui.goTo(at), ImpressGui.retitle(now)));
          wrong.addAll(concat(ImpressGui.goTo(neighbour), ImpressGui.retitle(now)));
        }
        case NOTES -> {
          String text = "Remember to mention the " + d.adjective() + " " + d.noun() + ".";
          said.add("give " + DeckTask.quoted(target) + " the presenter note " + DeckTask.quoted(text));
          t.fact(Fact.inInstruction("notes", text));
          checks.add(deck.query("slide titled " + target + " notes", DeckTask.equals(text)));
          a.addAll(concat(ImpressGui.notesView(), ImpressGui.goTo(at), ImpressGui.typeNotes(text), ImpressGui.normalView()));
          wrong.addAll(concat(ImpressGui.notesView(), ImpressGui.goTo(neighbour), ImpressGui.typeNotes(text), ImpressGui.normalView()));
        }
        case ALIGN -> {
          said.add("push the heading of " + DeckTask.quoted(target) + " to the right edge");
          t.fact(Fact.inInstruction("side", "right"));
          checks.add(deck.query("slide titled " + target + " title_align", DeckTask.equals("right")));
          a.addAll(concat(ImpressGui.goTo(at), ImpressGui.alignTitle("right")));
          wrong.addAll(concat(ImpressGui.goTo(neighbour), ImpressGui.alignTitle("right")));
        }
      }
      t.fact(Fact.inInstruction("target_" + (i + 1), target));
      done.add(a);
      if (i == 0) firstOnNeighbour = wrong;
    }
    checks.add(0, deck.outline(titles));
    List<Action> solved = new ArrayList<>();
    done.forEach(solved::addAll);
    List<Action> allButLast = new ArrayList<>();
    done.subList(0, steps - 1).forEach(allButLast::addAll);
    List<Action> neighbourFirst = new ArrayList<>(firstOnNeighbour);
    done.subList(1, steps).forEach(neighbourFirst::addAll);
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(deck.path()));
    slots.put("steps", String.join("; ", said.subList(0, steps - 1)) + "; and last, " + said.get(steps - 1));
    deck.setUp(t).param("steps", ops).param("targets", targets)
        .instruction(instruction(d, slots))
        .checker(Checker.all(checks.toArray(Checker[]::new)));
    return t.solution("each step in order through the keyboard (Slide menu, Page Down, Tab and F2, Alt+Shift+Page Up/Down, the Notes view), Ctrl+S",
            concat(solved, ImpressGui.save(deck.path())))
        .negative("not-saved", "does every step but never saves", solved)
        .negative("last-step-skipped", "does every step but the last, and saves", concat(allButLast, ImpressGui.save(deck.path())))
        .negative("first-on-neighbour", "does the first step on the slide next to the one named, the others right, and saves",
            concat(neighbourFirst, ImpressGui.save(deck.path())))
        .build();
  }
}
