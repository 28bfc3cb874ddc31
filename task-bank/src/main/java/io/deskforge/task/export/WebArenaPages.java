package io.deskforge.task.export;

import java.util.List;

/**
 * WebArena locators that read what a site's server answered at the target's address (its raw text,
 * its JSON), for sites whose checks read the same data the server keeps: a script of the app's own
 * runs on the page with {@code status} (the HTTP status of the page's navigation) and {@code text}
 * (what the browser shows of the body: the text of its {@code <pre>}, as Chromium shows plain text
 * and JSON) in scope, and returns a string, or throws, which WebArena reads as an empty selection.
 *
 * <p>The locator selects {@link WebArenaText}'s form of the returned string between {@code <} and
 * {@code >}: the marks keep WebArena's strip from dropping white space the check tells apart, and
 * the form is never empty, so a script that threw or a page that is not the server's answer (an
 * error page, nothing loaded) matches no expected text.
 */
public final class WebArenaPages {
  private WebArenaPages() {}

  /** Java's {@code String.strip} as a JavaScript function of a string (deskforge's {@code trim}). */
  public static final String STRIP = "(s => s.replace(/^" + WebArenaText.JAVA_WHITE_SPACE + "+|" + WebArenaText.JAVA_WHITE_SPACE + "+$/g, ''))";

  /**
   * A JavaScript function of an array of strings saying which strings it holds and how many: what a
   * deskforge {@code set_equals} compares (the same set, the same number of items). {@link #items}
   * writes the expected side.
   */
  public static final String ITEMS = "(a => JSON.stringify({set: [...new Set(a)].sort(), n: a.length}))";

  /** The locator running {@code script} (statements ending in a {@code return} of a string). */
  public static String locator(String script) {
    String status = "const status = performance.getEntriesByType('navigation')[0].responseStatus;";
    String text = "const pre = document.querySelector('body > pre'); const text = pre ? pre.textContent : null;";
    return WebArenaText.locator("document.defaultView.String('<' + (() => { " + status + " " + text + " " + script + " })() + '>')");
  }

  /** What {@link #locator} selects when its script returns {@code value}. */
  public static String exact(String value) {
    return WebArenaText.exact("<" + value + ">");
  }

  /**
   * What {@link #ITEMS} returns for {@code items}: the distinct items sorted as JavaScript sorts
   * (by UTF-16 code units, as {@code String.compareTo}) and their number. An item with a control
   * character or a lone surrogate, which JSON.stringify escapes its own way, has no form.
   */
  public static String items(List<String> items) {
    StringBuilder out = new StringBuilder("{\"set\":[");
    List<String> set = items.stream().distinct().sorted().toList();
    for (int i = 0; i < set.size(); i++) out.append(i == 0 ? "" : ",").append(jsonString(set.get(i)));
    return out.append("],\"n\":").append(items.size()).append('}').toString();
  }

  /** {@code s} as a JSON string literal, which is also a JavaScript one, written as JSON.stringify writes it. */
  public static String jsonString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < ' ' || Character.isSurrogate(c)) {
        throw new WebArenaSite.NoWebForm("the text \"" + s + "\" has a control character or a surrogate, which JSON.stringify writes its own way");
      }
      if (c == '"' || c == '\\') out.append('\\');
      out.append(c);
    }
    return out.append('"').toString();
  }
}
