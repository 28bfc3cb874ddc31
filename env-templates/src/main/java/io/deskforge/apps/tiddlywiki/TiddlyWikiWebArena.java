package io.deskforge.apps.tiddlywiki;

import io.deskforge.task.export.WebArenaPages;
import io.deskforge.task.export.WebArenaSite;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.util.List;

/**
 * The wiki as a WebArena site. Each check reads a tiddler's file; the wiki's server writes each
 * tiddler of its store to that file ({@link TiddlyWiki#tiddlerPath}) as it changes, deletes the
 * file when the tiddler goes, and answers the store through its own API on the desktop's loopback.
 * Every check reads the list of the wiki's tiddlers with their fields
 * ({@code /recipes/default/tiddlers.json?exclude=bag}: every tiddler but system ones, whose titles
 * start with {@code $:/} and have no file of a drawn title; {@code exclude} names another field
 * than the default {@code text}, so the texts are in it). Not one tiddler's own address: the
 * server answers 404 with no body for a missing one, and Chromium turns that into a failed
 * navigation, on which WebArena's {@code page.goto} raises instead of scoring 0.
 *
 * <ul>
 *   <li>a tiddler's text equal to a text (trimmed, case kept): its {@code text} stripped as Java
 *       strips, or nothing for no such tiddler;
 *   <li>a tiddler's tags equal to a set: its {@code tags} (a list in TiddlyWiki's
 *       {@code [[two words]] one} syntax) as a set and a count, which is what {@code set_equals}
 *       compares, or nothing for no such tiddler;
 *   <li>a tiddler's file existing or not: {@code tiddler exists} or {@code no such tiddler}.
 * </ul>
 *
 * A page that is not that list selects nothing and matches no expected text.
 *
 * Any other query, getter or metric, a path that is not a tiddler's file, {@code ignore_case} or an
 * untrimmed text has no form.
 */
final class TiddlyWikiWebArena implements WebArenaSite {
  /** TiddlyWiki's own pattern of a title list ($tw.utils.parseStringArray's), its matches in order: the tags as the store has them. */
  private static final String PARSE_LIST = "(s => [...s.matchAll(/(?:^|[^\\S\\xA0])(?:\\[\\[(.*?)\\]\\])(?=[^\\S\\xA0]|$)|([\\S\\xA0]+)/mg)].map(m => m[1] || m[2]))";

  static final String LIST = "http://127.0.0.1:" + TiddlyWiki.PORT + "/recipes/default/tiddlers.json?exclude=bag";

  /** Statements defining {@code find}, a function of a title: the tiddler of the server's list with that title, or undefined. */
  private static final String FIND = "if (status !== 200) throw new Error('HTTP ' + status); const all = JSON.parse(text); "
      + "if (!Array.isArray(all)) throw new Error('no list'); const find = title => all.find(t => t.title === title); ";

  @Override
  public String site() {
    return TiddlyWiki.NAME;
  }

  @Override
  public boolean requireLogin() {
    return false;
  }

  @Override
  public String startUrl(List<String> launchArgs) {
    return TiddlyWiki.address(launchArgs);
  }

  @Override
  public ProgramHtml check(Checker.Check check) {
    String title = title(check.getter().path());
    return switch (check.getter()) {
      case Getter.DocumentQuery q when q.query().equals("text") && check.metric() instanceof Metric.EqualsText e -> {
        if (!e.trim() || e.ignoreCase()) throw new NoWebForm("a tiddler's text compared " + (e.ignoreCase() ? "ignoring case" : "untrimmed")
            + " has no form: its file holds the text after a blank line, and the form keeps case");
        yield new ProgramHtml(LIST, textLocator(title), new RequiredContents.ExactMatch(WebArenaPages.exact(e.expected().strip())));
      }
      case Getter.DocumentQuery q when q.query().equals("tags") && check.metric() instanceof Metric.SetEquals s ->
          new ProgramHtml(LIST, tagsLocator(title), new RequiredContents.ExactMatch(WebArenaPages.exact(WebArenaPages.items(s.expected()))));
      case Getter.FileExists x when (x.kind() == null || x.kind().equals("file"))
          && (check.metric() instanceof Metric.IsTrue || check.metric() instanceof Metric.IsFalse) ->
          new ProgramHtml(LIST, existsLocator(title),
              new RequiredContents.ExactMatch(WebArenaPages.exact(check.metric() instanceof Metric.IsTrue ? "tiddler exists" : "no such tiddler")));
      default -> throw new NoWebForm("the wiki reads " + check.getter().getClass().getSimpleName() + " with "
          + check.metric().getClass().getSimpleName() + " on no page");
    };
  }

  /** Whether the wiki's list of tiddlers has this title. */
  static String existsLocator(String title) {
    return WebArenaPages.locator(FIND + "return find(" + WebArenaPages.jsonString(title) + ") ? 'tiddler exists' : 'no such tiddler';");
  }

  /** The tiddler's text, stripped. */
  static String textLocator(String title) {
    return WebArenaPages.locator(FIND + "const t = find(" + WebArenaPages.jsonString(title) + "); if (!t) throw new Error('no such tiddler'); "
        + "return " + WebArenaPages.STRIP + "(typeof t.text === 'string' ? t.text : '');");
  }

  /** The tiddler's tags, as a set and a count. */
  static String tagsLocator(String title) {
    return WebArenaPages.locator(FIND + "const t = find(" + WebArenaPages.jsonString(title) + "); if (!t) throw new Error('no such tiddler'); "
        + "const tags = t.tags || []; return " + WebArenaPages.ITEMS + "(Array.isArray(tags) ? tags : " + PARSE_LIST + "(tags));");
  }

  /** The title of the tiddler whose file is at {@code path}, or no form. */
  static String title(String path) {
    String prefix = TiddlyWiki.TIDDLERS + "/";
    if (path.startsWith(prefix) && path.endsWith(".tid")) {
      String title = path.substring(prefix.length(), path.length() - ".tid".length());
      try {
        if (TiddlyWiki.tiddlerPath(title).equals(path)) return title;
      } catch (IllegalArgumentException e) {
        // not a drawn title: its file's name may not be its title
      }
    }
    throw new NoWebForm(path + " is not the file of a tiddler of a drawn title (" + prefix + "<letters, digits, spaces>.tid)");
  }
}
