package io.deskforge.apps.dokuwiki;

import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.spec.SetupStep;
import java.util.ArrayList;
import java.util.List;

/** The wiki's seeded content: page ids and page texts drawn from the vocabulary. */
final class Wiki {
  private Wiki() {}

  /** Topics of a team wiki; a page id is a topic, with an underscore between words. */
  static final List<String> TOPICS = List.of(
      "onboarding", "release_notes", "meeting_notes", "coffee_machine", "holiday_plan", "server_room", "style_guide",
      "reading_list", "bike_parking", "office_plants", "team_lunch", "printer_setup", "budget_review", "hiring_plan",
      "support_rota", "garden_club", "book_club", "travel_policy", "desk_booking", "fire_drill", "parking_rules",
      "kitchen_rules", "wifi_guest", "code_review", "backup_plan", "training_days", "visitor_guide", "mailroom");

  /** A page id: a topic and a drawn noun, sometimes an adjective before it ({@code team_lunch_quiet_otter}). */
  static String pageId(TaskDraw d) {
    String adjective = d.chance(0.5) ? word(d.adjective()) + "_" : "";
    return d.pick(TOPICS) + "_" + adjective + word(d.noun());
  }

  private static String word(String w) {
    return w.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }

  /** n distinct page ids. */
  static List<String> pageIds(TaskDraw d, int n) {
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      String id = pageId(d);
      if (out.stream().noneMatch(o -> o.equals(id) || o.startsWith(id) || id.startsWith(o))) out.add(id);
    }
    return out;
  }

  /** A page text of {@code lines} sentences, one a line, no final newline (as the wiki saves it). */
  static String text(TaskDraw d, int lines, List<String> avoid) {
    List<String> out = new ArrayList<>();
    while (out.size() < lines) {
      String s = d.sentence(avoid);
      if (!out.contains(s)) out.add(s);
    }
    return String.join("\n", out);
  }

  /**
   * The page file as setup writes it: the text with no final newline, as the wiki saves what its
   * editor held, so that the end of the text in the editor is the end of its last line.
   */
  static SetupStep write(String id, String text) {
    return new SetupStep.WriteFile(DokuWiki.pagePath(id), text);
  }
}
