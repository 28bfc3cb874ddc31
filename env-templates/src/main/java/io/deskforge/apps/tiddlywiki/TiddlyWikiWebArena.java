package io.deskforge.apps.tiddlywiki;

import io.deskforge.task.export.WebArenaPages;
import io.deskforge.task.export.WebArenaSite;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The wiki as a WebArena site. Each check reads a tiddler's file; the wiki's server writes each
 * tiddler of its store to that file ({@link TiddlyWiki#tiddlerPath}) as it changes, deletes the
 * file when the tiddler goes, and answers the store through its own API on the desktop's loopback:
 *
 * <ul>
 *   <li>a tiddler's text equal to a text (trimmed, case kept): the tiddler's JSON
 *       ({@code /recipes/default/tiddlers/TITLE}), the locator selecting its {@code text} stripped
 *       as Java strips, or nothing unless the server answered 200;
 *   <li>a tiddler's tags equal to a set: the same JSON, its {@code tags} (a list in TiddlyWiki's
 *       {@code [[two words]] one} syntax) as a set and a count, which is what {@code set_equals}
 *       compares;
 *   <li>a tiddler's file existing or not: the list of the wiki's tiddlers
 *       ({@code /recipes/default/tiddlers.json}, every tiddler but system ones, whose titles
 *       start with {@code $:/} and have no file of a drawn title), the locator saying
 *       {@code tiddler exists} or {@code no such tiddler}; a page that is not that list selects
 *       nothing and fails both.
 * </ul>
 *
 * Any other query, getter or metric, a path that is not a tiddler's file, {@code ignore_case} or an
 * untrimmed text has no form.
 */
final class TiddlyWikiWebArena implements WebArenaSite {
  /** TiddlyWiki's own pattern of a title list ($tw.utils.parseStringArray's), its matches in order: the tags as the store has them. */
  private static final String PARSE_LIST = "(s => [...s.matchAll(/(?:^|[^\\S\\xA0])(?:\\[\\[(.*?)\\]\\])(?=[^\\S\\xA0]|$)|([\\S\\xA0]+)/mg)].map(m => m[1] || m[2]))";

  static final String TEXT_LOCATOR = WebArenaPages.locator("if (status !== 200) throw new Error('no tiddler: ' + status); "
      + "const t = JSON.parse(text).text; return " + WebArenaPages.STRIP + "(typeof t === 'string' ? t : '');");

  static final String TAGS_LOCATOR = WebArenaPages.locator("if (status !== 200) throw new Error('no tiddler: ' + status); "
      + "const tags = JSON.parse(text).tags || []; return " + WebArenaPages.ITEMS + "(Array.isArray(tags) ? tags : " + PARSE_LIST + "(tags));");

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
    String tiddler = "http://127.0.0.1:" + TiddlyWiki.PORT + "/recipes/default/tiddlers/" + URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20");
    return switch (check.getter()) {
      case Getter.DocumentQuery q when q.query().equals("text") && check.metric() instanceof Metric.EqualsText e -> {
        if (!e.trim() || e.ignoreCase()) throw new NoWebForm("a tiddler's text compared " + (e.ignoreCase() ? "ignoring case" : "untrimmed")
            + " has no form: its file holds the text after a blank line, and the form keeps case");
        yield new ProgramHtml(tiddler, TEXT_LOCATOR, new RequiredContents.ExactMatch(WebArenaPages.exact(e.expected().strip())));
      }
      case Getter.DocumentQuery q when q.query().equals("tags") && check.metric() instanceof Metric.SetEquals s ->
          new ProgramHtml(tiddler, TAGS_LOCATOR, new RequiredContents.ExactMatch(WebArenaPages.exact(WebArenaPages.items(s.expected()))));
      case Getter.FileExists x when (x.kind() == null || x.kind().equals("file"))
          && (check.metric() instanceof Metric.IsTrue || check.metric() instanceof Metric.IsFalse) ->
          new ProgramHtml("http://127.0.0.1:" + TiddlyWiki.PORT + "/recipes/default/tiddlers.json", existsLocator(title),
              new RequiredContents.ExactMatch(WebArenaPages.exact(check.metric() instanceof Metric.IsTrue ? "tiddler exists" : "no such tiddler")));
      default -> throw new NoWebForm("the wiki reads " + check.getter().getClass().getSimpleName() + " with "
          + check.metric().getClass().getSimpleName() + " on no page");
    };
  }

  /** Whether the wiki's list of tiddlers has this title. */
  static String existsLocator(String title) {
    return WebArenaPages.locator("if (status !== 200) throw new Error('HTTP ' + status); "
        + "return JSON.parse(text).some(t => t.title === " + WebArenaPages.jsonString(title) + ") ? 'tiddler exists' : 'no such tiddler';");
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
