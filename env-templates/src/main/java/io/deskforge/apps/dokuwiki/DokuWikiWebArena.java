package io.deskforge.apps.dokuwiki;

import io.deskforge.task.export.WebArenaSite;
import io.deskforge.task.export.WebArenaText;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wiki as a WebArena site: each check of a page file reads on the wiki's own pages, in the
 * browser of the task's desktop (the wiki listens on that desktop's loopback only, so the addresses
 * are concrete, {@code http://127.0.0.1:8080/...}, not WebArena's {@code __SITE__} placeholders).
 *
 * <ul>
 *   <li>a page's text equal to a text (trimmed, case kept): the page's source view
 *       ({@code do=source}, which shows the saved text in the editor's text area and, unlike
 *       {@code do=edit}, takes no lock; {@code do=export_raw} is served as a download, which no
 *       page shows), the locator reading {@code #wiki__text}'s value in {@link WebArenaText}'s
 *       form, required {@code exact_match} the expected text's form. A page that does not exist
 *       shows an empty text area. A text area's value turns CR LF and a lone CR into LF, so an
 *       expected text with a CR has no form (the wiki saves none from its editor either);
 *   <li>a page file existing or not: the page's view, where DokuWiki fills {@code .docInfo} ("…
 *       Last modified …") only for a page that exists; the locator says {@code page exists} or
 *       {@code no such page}, required {@code exact_match} the one expected. A view without that
 *       element selects nothing and fails both.
 * </ul>
 *
 * Any other getter, a path outside the page files, a page id DokuWiki would clean to another one,
 * {@code ignore_case} or an untrimmed comparison has no form here.
 */
final class DokuWikiWebArena implements WebArenaSite {
  /** A page file's path: the id's namespaces as folders, each part as {@link Wiki} draws them (DokuWiki keeps such ids as they are). */
  private static final Pattern PAGE = Pattern.compile(Pattern.quote(DokuWiki.PAGES + "/") + "([a-z0-9_]+(?:/[a-z0-9_]+)*)\\.txt");

  static final String TEXT_LOCATOR = WebArenaText.locator("document.querySelector('#wiki__text').value");
  static final String EXISTS_LOCATOR = "document.querySelector('.docInfo').outerText.trim() ? 'page exists' : 'no such page'";

  @Override
  public String site() {
    return DokuWiki.NAME;
  }

  @Override
  public boolean requireLogin() {
    return false;
  }

  /** The page the launch opens (its first argument; the start page when none). */
  @Override
  public String startUrl(List<String> launchArgs) {
    return DokuWiki.url(launchArgs.isEmpty() ? "start" : launchArgs.get(0));
  }

  @Override
  public ProgramHtml check(Checker.Check check) {
    String id = pageId(check.getter().path());
    return switch (check.getter()) {
      case Getter.FileText t when check.metric() instanceof Metric.EqualsText e -> {
        if (!e.trim() || e.ignoreCase()) throw new NoWebForm("a page's text compared " + (e.ignoreCase() ? "ignoring case" : "untrimmed")
            + " has no form: the wiki's text area drops a leading line feed, and the form keeps case");
        if (e.expected().indexOf('\r') >= 0) throw new NoWebForm("the expected text of page " + id + " has a CR, which a text area reads as LF");
        yield new ProgramHtml(DokuWiki.url(id) + "&do=source", TEXT_LOCATOR, new RequiredContents.ExactMatch(WebArenaText.exact(e.expected())));
      }
      case Getter.FileExists x when (x.kind() == null || x.kind().equals("file"))
          && (check.metric() instanceof Metric.IsTrue || check.metric() instanceof Metric.IsFalse) ->
          new ProgramHtml(DokuWiki.url(id), EXISTS_LOCATOR,
              new RequiredContents.ExactMatch(check.metric() instanceof Metric.IsTrue ? "page exists" : "no such page"));
      default -> throw new NoWebForm("the wiki reads " + check.getter().getClass().getSimpleName() + " with "
          + check.metric().getClass().getSimpleName() + " on no page");
    };
  }

  /** The id of the page whose file is at {@code path}, or no form. */
  static String pageId(String path) {
    Matcher m = PAGE.matcher(path);
    if (!m.matches()) throw new NoWebForm(path + " is not a page file of the wiki (" + DokuWiki.PAGES + "/<id>.txt, an id of a-z 0-9 _)");
    return m.group(1).replace('/', ':');
  }
}
