package io.deskforge.task.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Checks of the browser's own page ({@link Getter.PageGetter}) in WebArena's terms, the same for
 * every site, since WebArena's evaluator reads the live page of the end state as the getters do.
 *
 * <ul>
 *   <li>the active tab's address equal to a text: {@code url_match}, rule {@code GOLD in PRED}
 *       (the reference's host and path within the page's, each of its query values among the
 *       page's). A check of one parameter ({@code id=v}) becomes the site's start address with that
 *       parameter alone, so other parameters around it pass in both; WebArena also asks that the
 *       page be on the site's host and path, which the task's browser cannot leave anyway. A whole
 *       address compared equal is looser there (extra parameters pass);
 *   <li>a page element's text or a local storage value equal to a text (trimmed, case kept): a
 *       {@code program_html} target on the page the agent left ({@code "last"}), its locator reading
 *       in {@link WebArenaText}'s form; nothing selected throws on the page, which WebArena reads as
 *       an empty text, so it fails as an absent reading does.
 * </ul>
 *
 * A cookie (sent to an address, not necessarily the page's, and perhaps hidden from the page's
 * script), any other metric, {@code ignore_case} or an untrimmed comparison has no form.
 */
final class PageChecks {
  private PageChecks() {}

  /** WebArena's target address for the page the agent left, opened by nobody. */
  static final String LAST = "last";

  /** The reference_url of a check of the active tab's address, given the site's start address. */
  static String referenceUrl(Getter.PageUrl u, Metric metric, String startUrl) {
    String expected = equalsCaseKept(metric, "the page's address").strip();
    if (u.param() == null) return expected;
    URI start = URI.create(startUrl);
    String base = start.getScheme() + "://" + start.getRawAuthority() + (start.getRawPath() == null ? "" : start.getRawPath());
    return base + "?" + URLEncoder.encode(u.param(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(expected, StandardCharsets.UTF_8);
  }

  /** A {@code program_html} target on the page the agent left. */
  static WebArenaSite.ProgramHtml onLastPage(Checker.Check check) {
    String text = switch (check.getter()) {
      case Getter.PageText t -> "document.querySelector(" + js(t.selector()) + ").innerText";
      case Getter.LocalStorage l -> "document.defaultView.localStorage.getItem(" + js(l.key()) + ")";
      default -> throw new WebArenaSite.NoWebForm("a " + check.getter().getClass().getSimpleName()
          + " check has no form on a page: WebArena's locators read the page's document, not the browser's cookie jar");
    };
    String expected = equalsCaseKept(check.metric(), "a page's text");
    return new WebArenaSite.ProgramHtml(LAST, WebArenaText.locator(text),
        new WebArenaSite.RequiredContents.ExactMatch(WebArenaText.exact(expected)));
  }

  private static String equalsCaseKept(Metric metric, String what) {
    if (!(metric instanceof Metric.EqualsText e)) {
      throw new WebArenaSite.NoWebForm(what + " compared with " + metric.getClass().getSimpleName() + " has no WebArena form");
    }
    if (e.ignoreCase() || !e.trim()) {
      throw new WebArenaSite.NoWebForm(what + " compared " + (e.ignoreCase() ? "ignoring case" : "untrimmed") + " has no WebArena form");
    }
    return e.expected();
  }

  /** A JavaScript string literal (a JSON string is one). */
  private static String js(String s) {
    try {
      return TaskJson.mapper().writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
