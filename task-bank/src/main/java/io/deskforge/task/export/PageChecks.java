package io.deskforge.task.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
 *       an empty text, so it fails as an absent reading does;
 *   <li>the same containing a text, case ignored: {@code must_include} of the text as it is (both
 *       sides lower-cased there), for a plain ASCII text (see {@link #includable}).
 * </ul>
 *
 * A cookie (sent to an address, not necessarily the page's, and perhaps hidden from the page's
 * script), any other metric, an equality ignoring case or untrimmed, has no form.
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
    if (check.metric() instanceof Metric.Contains c && c.ignoreCase()) {
      return new WebArenaSite.ProgramHtml(LAST, text, new WebArenaSite.RequiredContents.MustInclude(List.of(includable(c.expected()))));
    }
    String expected = equalsCaseKept(check.metric(), "a page's text");
    return new WebArenaSite.ProgramHtml(LAST, WebArenaText.locator(text),
        new WebArenaSite.RequiredContents.ExactMatch(WebArenaText.exact(expected)));
  }

  /**
   * A text that WebArena's {@code must_include} looks for as deskforge's case-blind contains does:
   * printable ASCII (lower-cased alike by Python and Java), neither surrounded by white space or
   * quotes (which WebArena strips) nor holding its {@code " |OR| "} separator.
   */
  private static String includable(String expected) {
    boolean plain = !expected.isEmpty() && expected.chars().allMatch(c -> c >= ' ' && c <= '~') && expected.strip().equals(expected)
        && !expected.contains(" |OR| ") && "'\"".indexOf(expected.charAt(0)) < 0 && "'\"".indexOf(expected.charAt(expected.length() - 1)) < 0;
    if (!plain) throw new WebArenaSite.NoWebForm("a page's text containing \"" + expected + "\" has no must_include of the same meaning");
    return expected;
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
