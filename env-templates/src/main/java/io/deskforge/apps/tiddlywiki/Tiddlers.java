package io.deskforge.apps.tiddlywiki;

import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.spec.SetupStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The wiki's seeded content: tiddler titles, tags and texts drawn from the vocabulary. */
final class Tiddlers {
  private Tiddlers() {}

  /** Topics of a team wiki; a title is a topic and drawn words. */
  static final List<String> TOPICS = List.of(
      "Onboarding", "Release Notes", "Meeting Notes", "Coffee Machine", "Holiday Plan", "Server Room", "Style Guide",
      "Reading List", "Bike Parking", "Office Plants", "Team Lunch", "Printer Setup", "Budget Review", "Hiring Plan",
      "Support Rota", "Garden Club", "Book Club", "Travel Policy", "Desk Booking", "Fire Drill", "Kitchen Rules", "Code Review");

  /** Tags a team files its tiddlers under. */
  static final List<String> TAGS = List.of(
      "Meetings", "Office", "Travel", "People", "Finance", "Facilities", "Projects", "Social", "Policies", "Archive", "Urgent", "Ideas");

  /** A title: a topic, an adjective and a noun ({@code Team Lunch Quiet Otter}); letters and spaces only. */
  static String title(TaskDraw d) {
    return d.pick(TOPICS) + " " + word(d.adjective()) + " " + word(d.noun());
  }

  private static String word(String w) {
    String letters = w.replaceAll("[^A-Za-z]+", "");
    return letters.isEmpty() ? "Note" : TaskDraw.capitalize(letters.toLowerCase(Locale.ROOT));
  }

  /** n distinct titles, none the start of another. */
  static List<String> titles(TaskDraw d, int n) {
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      String t = title(d);
      if (out.stream().noneMatch(o -> o.startsWith(t) || t.startsWith(o))) out.add(t);
    }
    return out;
  }

  /** A text of {@code lines} distinct sentences, one a line, no final newline. */
  static String text(TaskDraw d, int lines) {
    List<String> out = new ArrayList<>();
    while (out.size() < lines) {
      String s = d.sentence(List.of());
      if (!out.contains(s)) out.add(s);
    }
    return String.join("\n", out);
  }

  /** The tiddler's .tid file as setup writes it. */
  static SetupStep write(Tiddler t) {
    return new SetupStep.WriteFile(TiddlyWiki.tiddlerPath(t.title()), t.tid());
  }
}
