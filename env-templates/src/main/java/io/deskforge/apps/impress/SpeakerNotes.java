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
 * Give one to three slides without notes, named by their titles, the speaker notes the
 * instruction quotes, then save. The checker reads each slide's notes by its title (so a note on
 * the wrong slide fails) and the outline (no slide moved or retitled). Difficulty: the number of
 * slides (and the deck's size).
 */
final class SpeakerNotes extends SeededFamily {
  static final String ID = Impress.NAME + ".speaker-notes";

  SpeakerNotes() {
    super(ID, Impress.NAME, "add the given speaker notes to one to three named slides, then save",
        List.of(
            "Add speaker notes to the presentation {file}: {notes}. Save the file as .pptx.",
            "The presenter of {file} needs notes: {notes}. Type them into the slides' notes and save the deck.",
            "In {file}, write these speaker notes ({notes}) and save the presentation in its current format."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    DeckTask deck = DeckTask.draw(d);
    int n = deck.size();
    List<Integer> bare = new ArrayList<>();
    for (int i = 2; i <= n; i++) if (deck.deck().slides().get(i - 1).notes() == null) bare.add(i);
    int k = Math.min(deck.level(), bare.size());
    List<Integer> slides = new ArrayList<>(d.distinct(bare, k));
    slides.sort(null);
    FamilyTasks t = task(seed);
    List<Checker> checks = new ArrayList<>();
    List<String> asked = new ArrayList<>();
    List<Action> solved = new ArrayList<>(ImpressGui.notesView());
    List<Action> shifted = new ArrayList<>(ImpressGui.notesView());
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      int s = slides.get(i);
      String title = deck.title(s);
      String text;
      do text = "Remember to mention the " + d.adjective() + " " + d.noun() + "."; while (texts.contains(text));
      texts.add(text);
      asked.add("on the slide " + DeckTask.quoted(title) + " the note " + DeckTask.quoted(text));
      t.fact(Fact.inInstruction("notes_" + s, text));
      checks.add(deck.query("slide titled " + title + " notes", DeckTask.equals(text)));
      solved.addAll(ImpressGui.goTo(s));
      solved.addAll(ImpressGui.typeNotes(text));
    }
    checks.add(deck.outline(deck.titles()));
    // every note one slide too far (or, on the last slide, one before)
    for (int i = 0; i < k; i++) {
      int s = slides.get(i);
      shifted.addAll(ImpressGui.goTo(s < n ? s + 1 : s - 1));
      shifted.addAll(ImpressGui.typeNotes(texts.get(i)));
    }
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("file", tilde(deck.path()));
    slots.put("notes", String.join("; ", asked));
    deck.setUp(t).param("noted", slides).param("notes", texts)
        .instruction(instruction(d, slots))
        .checker(Checker.all(checks.toArray(Checker[]::new)));
    List<Action> normal = ImpressGui.normalView();
    return t.solution("View > Notes; for each slide: Home, Page Down to it, Tab to its notes, F2, the note, Escape; View > Normal; Ctrl+S",
            concat(solved, normal, ImpressGui.save(deck.path())))
        .negative("not-saved", "types every note on its slide but never saves", concat(solved, normal))
        .negative("wrong-slide", "types each note on the slide after the one named, and saves", concat(shifted, normal, ImpressGui.save(deck.path())))
        .negative("in-the-body", "types the notes into the slides' body instead of their notes, and saves", concat(inBody(slides, texts), ImpressGui.save(deck.path())))
        .build();
  }

  private static List<Action> inBody(List<Integer> slides, List<String> texts) {
    List<Action> out = new ArrayList<>();
    for (int i = 0; i < slides.size(); i++) {
      out.addAll(ImpressGui.goTo(slides.get(i)));
      out.addAll(List.of(Action.key("Tab Tab"), Action.key("F2"), Action.key("ctrl+End"), Action.type("\n" + texts.get(i)), Action.key("Escape")));
    }
    return out;
  }
}
