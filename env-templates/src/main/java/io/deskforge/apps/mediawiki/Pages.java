package io.deskforge.apps.mediawiki;

import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.SetupStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wiki's seeded pages (titles and texts drawn from the vocabulary) and how the checkers read
 * pages back from the wiki's database.
 */
final class Pages {
  private Pages() {}

  /** Topics of a team wiki; a page title is a topic and a drawn noun ("Team lunch otter"). */
  static final List<String> TOPICS = List.of(
      "Onboarding", "Release notes", "Meeting notes", "Coffee machine", "Holiday plan", "Server room", "Style guide",
      "Reading list", "Bike parking", "Office plants", "Team lunch", "Printer setup", "Budget review", "Hiring plan",
      "Support rota", "Garden club", "Book club", "Travel policy", "Desk booking", "Fire drill", "Parking rules",
      "Kitchen rules", "Guest wifi", "Code review", "Backup plan", "Training days", "Visitor guide", "Mailroom");

  /** A title: a topic and a drawn noun, sometimes an adjective before it ("Team lunch quiet otter"). */
  static String title(TaskDraw d) {
    String adjective = d.chance(0.5) ? word(d.adjective()) + " " : "";
    return d.pick(TOPICS) + " " + adjective + word(d.noun());
  }

  /** Lower-case letters and digits, words separated by one space: safe in a title, a URL and SQL. */
  private static String word(String w) {
    return w.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }

  /** n distinct titles, none the start of another (a near-miss title is never one of them). */
  static List<String> titles(TaskDraw d, int n) {
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      String t = title(d);
      if (out.stream().noneMatch(o -> o.startsWith(t) || t.startsWith(o))) out.add(t);
    }
    return out;
  }

  /** A page text of {@code lines} distinct sentences, one a line, no final newline (MediaWiki trims it). */
  static String text(TaskDraw d, int lines, List<String> avoid) {
    List<String> out = new ArrayList<>();
    while (out.size() < lines) {
      String s = d.sentence(avoid);
      if (!out.contains(s)) out.add(s);
    }
    return String.join("\n", out);
  }

  /** The page as setup writes it, for the launcher to import. */
  static SetupStep seed(String title, String text) {
    return new SetupStep.WriteFile(MediaWiki.seedPath(title), text);
  }

  /**
   * The text of the page's latest revision, from the wiki's tables: the page's latest revision,
   * its main slot's content, and the text row that content addresses ({@code tt:<old_id>}).
   * No row when the page does not exist.
   */
  static Getter text(String title) {
    return new Getter.SqliteQuery(MediaWiki.DB,
        "SELECT CAST(t.old_text AS TEXT) FROM page p JOIN slots s ON s.slot_revision_id = p.page_latest"
            + " JOIN content c ON c.content_id = s.slot_content_id JOIN text t ON c.content_address = 'tt:' || t.old_id"
            + " WHERE p.page_namespace = 0 AND p.page_title = " + sqlTitle(title));
  }

  /**
   * Which of these titles are pages of the wiki that are not redirects (a moved page leaves one
   * behind), as titles are written (spaces, not the database's underscores).
   */
  static Getter articles(List<String> titles) {
    List<String> quoted = titles.stream().map(Pages::sqlTitle).toList();
    return new Getter.SqliteQuery(MediaWiki.DB,
        "SELECT replace(page_title, '_', ' ') FROM page WHERE page_namespace = 0 AND page_is_redirect = 0"
            + " AND page_title IN (" + String.join(", ", quoted) + ") ORDER BY page_title");
  }

  /** A title as the database keeps it (underscores for spaces), as an SQL string literal. */
  static String sqlTitle(String title) {
    return "'" + title.replace(' ', '_').replace("'", "''") + "'";
  }
}
