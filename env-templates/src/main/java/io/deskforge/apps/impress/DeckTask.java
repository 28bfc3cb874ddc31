package io.deskforge.apps.impress;

import io.deskforge.apps.family.FamilyTasks;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Impress families share: a deck drawn from the seed (its size from the difficulty level),
 * written as .pptx at a drawn path and opened in Impress; every title is a fact seen in the file;
 * checks on the saved deck through {@code document_query}.
 */
record DeckTask(String path, DeckSpec deck, int level) {

  /** Level 1-3 sets the deck's size: 5-7, 8-11 or 12-15 slides, the title slide included. */
  static DeckTask draw(TaskDraw d) {
    int level = d.between(1, 3);
    int content = switch (level) {
      case 1 -> d.between(4, 6);
      case 2 -> d.between(7, 10);
      default -> d.between(11, 14);
    };
    DeckSpec deck = Decks.draw(d, content);
    return new DeckTask("/home/user/" + d.fileStem() + ".pptx", deck, level);
  }

  int size() {
    return deck.slides().size();
  }

  List<String> titles() {
    return Decks.titles(deck);
  }

  String title(int n) {
    return deck.slides().get(n - 1).title();
  }

  /** The deck written and opened, every title a fact of the file. */
  FamilyTasks setUp(FamilyTasks t) {
    for (int i = 0; i < size(); i++) t.fact(Fact.inFile("title_" + (i + 1), title(i + 1), path));
    return t.param("file", path).param("slides", size()).param("level", level)
        .setup(new SetupStep.WriteDocument(path, deck.json()))
        .setup(new SetupStep.Launch(Impress.NAME, List.of(path)));
  }

  Checker.Check query(String query, Metric metric) {
    return Checker.check(new Getter.DocumentQuery(path, query), metric);
  }

  /** The saved deck's titles are exactly these, in this order. */
  Checker.Check outline(List<String> titles) {
    List<List<String>> rows = new ArrayList<>();
    for (String s : titles) rows.add(List.of(s));
    return query("outline", new Metric.RowsEqual(rows));
  }

  /** As many content slides (positions 2 to n) as the level says, two left untouched, drawn distinct and sorted. */
  List<Integer> drawSlides(TaskDraw d) {
    int k = Math.min(level, size() - 2);
    List<Integer> slides = new ArrayList<>(d.distinct(java.util.stream.IntStream.rangeClosed(2, size()).boxed().toList(), k));
    slides.sort(null);
    return slides;
  }

  /** "the slide “A”", or "the slides “A”, “B” and “C”", from the quoted titles. */
  static String slideList(List<String> quoted) {
    int k = quoted.size();
    return (k == 1 ? "the slide " : "the slides ") + (k == 1 ? quoted.get(0) : String.join(", ", quoted.subList(0, k - 1)) + " and " + quoted.get(k - 1));
  }

  /** The slide next to this one: the one after it, or for the last slide the one before. */
  int neighbour(int s) {
    return s < size() ? s + 1 : s - 1;
  }

  /** The same edit on each of these slides, in order: gone to (Home, Page Down), then edited. */
  static List<io.deskforge.task.action.Action> onEach(List<Integer> slides, List<io.deskforge.task.action.Action> edit) {
    List<io.deskforge.task.action.Action> out = new ArrayList<>();
    for (int s : slides) {
      out.addAll(ImpressGui.goTo(s));
      out.addAll(edit);
    }
    return out;
  }

  /** The slides with the first replaced by its neighbour: the near miss of an edit on the wrong slide. */
  List<Integer> firstOnNeighbour(List<Integer> slides) {
    List<Integer> out = new ArrayList<>(slides);
    out.set(0, neighbour(slides.get(0)));
    return out;
  }

  static Metric equals(String text) {
    return new Metric.EqualsText(text, true, false);
  }

  static String quoted(String s) {
    return "\u201c" + s + "\u201d";
  }
}
