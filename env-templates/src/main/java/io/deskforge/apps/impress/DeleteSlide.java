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
 * Delete the slide with a given title (named by its title only, so the agent must find it), then
 * save. The checker reads the saved deck's outline: every other slide kept, in order.
 * Difficulty: the deck's size.
 */
final class DeleteSlide extends SeededFamily {
  static final String ID = Impress.NAME + ".delete-slide";

  DeleteSlide() {
    super(ID, Impress.NAME, "delete the slide with a given title from the deck, then save",
        List.of(
            "Delete the slide titled {title} from the presentation {file}, leaving all other slides as they are, and save it as .pptx.",
            "The deck {file} has a slide called {title} that is no longer needed. Remove that slide and save the file.",
            "In {file}, get rid of the {title} slide and save the presentation in its current format."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    DeckTask deck = DeckTask.draw(d);
    int n = deck.size();
    int k = d.between(2, n);
    String title = deck.title(k);
    List<String> expected = new ArrayList<>(deck.titles());
    expected.remove(k - 1);
    int neighbour = k < n ? k + 1 : k - 1;
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(deck.path()));
    slots.put("title", DeckTask.quoted(title));
    FamilyTasks t = task(seed);
    deck.setUp(t).param("title", title).param("slide", k)
        .instruction(instruction(d, slots))
        .fact(Fact.inInstruction("deleted_title", title))
        .checker(Checker.all(deck.outline(expected)));
    List<Action> solved = ImpressGui.delete(k);
    return t.solution("Home, Page Down to slide " + k + ", Slide > Delete Slide (Alt+L, the fifth item), Ctrl+S", concat(solved, ImpressGui.save(deck.path())))
        .negative("not-saved", "deletes the right slide but never saves", solved)
        .negative("wrong-slide", "deletes its neighbour, slide " + neighbour + ", and saves",
            concat(ImpressGui.delete(neighbour), ImpressGui.save(deck.path())))
        .negative("two-deleted", "deletes the slide and the one after it, and saves",
            concat(ImpressGui.delete(k), ImpressGui.delete(Math.min(k, n - 1)), ImpressGui.save(deck.path())))
        .build();
  }
}
