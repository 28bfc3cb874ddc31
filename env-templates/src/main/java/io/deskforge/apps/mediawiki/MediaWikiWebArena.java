package io.deskforge.apps.mediawiki;

import io.deskforge.task.export.WebArenaPages;
import io.deskforge.task.export.WebArenaSite;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wiki as a WebArena site: each of its checks reads the wiki's database, and the wiki's server
 * answers the same from that database at an address of the desktop's loopback (concrete addresses,
 * {@code http://127.0.0.1:8080/...}, as for DokuWiki). Anonymous visitors edit here, so no login.
 *
 * <ul>
 *   <li>the text of a page's latest revision ({@link Pages#text}) equal to one text: the API's
 *       {@code prop=revisions} of the page's main slot, the text as stored, or {@code missing};
 *       the locator selects the text, or nothing for no page, and must equal the expected text
 *       exactly (no strip: the database row is compared as it is). Not {@code action=raw}:
 *       after an edit, Chromium showed the raw text it had fetched before it (a cached answer),
 *       so a state scored before the agent's edit would be scored again; the API's answers are
 *       not cached;
 *   <li>which of some titles are pages that are not redirects ({@link Pages#articles}) equal to a
 *       set: the API's {@code action=query&prop=info} for those titles, whose answer marks each
 *       {@code missing} or {@code redirect} from the page table; the locator selects the others.
 * </ul>
 *
 * A title the wiki would write another way (a lower-case first letter, an underscore, characters
 * but letters, digits and single spaces) names another row than the query's, and any other query,
 * getter or metric has no form.
 */
final class MediaWikiWebArena implements WebArenaSite {
  private static final String API = "http://127.0.0.1:" + MediaWiki.PORT + "/api.php?action=query&format=json&formatversion=2";
  private static final Pattern TITLE = Pattern.compile("[A-Z0-9][A-Za-z0-9]*(?: [A-Za-z0-9]+)*");
  private static final Pattern TEXT_OF = Pattern.compile(".* AND p\\.page_title = '([^']*)'");
  private static final Pattern ARTICLES_OF = Pattern.compile(".* AND page_title IN \\(('[^']*'(?:, '[^']*')*)\\) ORDER BY page_title");

  /** The text of the page's latest revision, when it has one. */
  static final String TEXT_LOCATOR = WebArenaPages.locator("if (status !== 200) throw new Error('HTTP ' + status); "
      + "const p = JSON.parse(text).query.pages; if (p.length !== 1 || p[0].missing || p[0].invalid) throw new Error('no page'); "
      + "const c = p[0].revisions[0].slots.main.content; if (typeof c !== 'string') throw new Error('no text'); return c;");

  /** Which of the pages the API answered about are pages that are not redirects. */
  static final String ARTICLES_LOCATOR = WebArenaPages.locator("if (status !== 200) throw new Error('HTTP ' + status); "
      + "return " + WebArenaPages.ITEMS + "(JSON.parse(text).query.pages.filter(p => !p.missing && !p.invalid && !p.redirect).map(p => p.title));");

  @Override
  public String site() {
    return MediaWiki.NAME;
  }

  @Override
  public boolean requireLogin() {
    return false;
  }

  @Override
  public String startUrl(List<String> launchArgs) {
    return MediaWiki.url(MediaWiki.page(launchArgs), null);
  }

  @Override
  public ProgramHtml check(Checker.Check check) {
    if (!(check.getter() instanceof Getter.SqliteQuery q) || !(check.metric() instanceof Metric.SetEquals s)) {
      throw new NoWebForm("the wiki reads " + check.getter().getClass().getSimpleName() + " with " + check.metric().getClass().getSimpleName() + " on no page");
    }
    Matcher text = TEXT_OF.matcher(q.query());
    if (text.matches() && q.equals(Pages.text(title(text.group(1).replace('_', ' '))))) {
      if (s.expected().size() != 1) throw new NoWebForm("a page has one latest text, and the check expects " + s.expected().size());
      return new ProgramHtml(API + "&prop=revisions&rvprop=content&rvslots=main&titles=" + text.group(1), TEXT_LOCATOR, new RequiredContents.ExactMatch(WebArenaPages.exact(s.expected().get(0))));
    }
    Matcher articles = ARTICLES_OF.matcher(q.query());
    if (articles.matches()) {
      List<String> titles = Arrays.stream(articles.group(1).split(", ")).map(t -> title(t.substring(1, t.length() - 1).replace('_', ' '))).toList();
      if (q.equals(Pages.articles(titles))) {
        if (!new HashSet<>(titles).containsAll(s.expected()) || new HashSet<>(s.expected()).size() != s.expected().size()) {
          throw new NoWebForm("the check expects pages " + s.expected() + ", which the query of " + titles + " never answers");
        }
        String url = API + "&prop=info&titles="
            + String.join("%7C", titles.stream().map(t -> t.replace(' ', '_')).toList());
        return new ProgramHtml(url, ARTICLES_LOCATOR, new RequiredContents.ExactMatch(WebArenaPages.exact(WebArenaPages.items(s.expected()))));
      }
    }
    throw new NoWebForm("the query '" + q.query() + "' is none the wiki's pages answer (a page's text, which titles are articles)");
  }

  /** A title the wiki writes as it is (so the database row the query reads is the page the address shows), or no form. */
  static String title(String title) {
    if (!TITLE.matcher(title).matches()) throw new NoWebForm("the title '" + title + "' is one the wiki would write another way, or not a title");
    return title;
  }
}
