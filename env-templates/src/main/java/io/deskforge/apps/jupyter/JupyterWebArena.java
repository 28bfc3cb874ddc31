package io.deskforge.apps.jupyter;

import io.deskforge.task.export.WebArenaPages;
import io.deskforge.task.export.WebArenaSite;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The notebook server as a WebArena site. Each check reads a saved file under {@link Jupyter#DIR};
 * the server's contents API answers the same file on the desktop's loopback (no token here, so no
 * login): {@code /api/contents/PATH?type=file&format=text&content=1} its text exactly as saved (not
 * the notebook model, which joins a cell's source lines), {@code ?content=0} whether it is there
 * (404 when not) and whether it is a folder. The locators read that answer as deskforge's getters
 * read the file:
 *
 * <ul>
 *   <li>{@code json_value} at a pointer: the file's text parsed, the pointer followed as Jackson
 *       follows it (an array's index only in its plain decimal form); a string compared with
 *       {@code equals}, an array of strings with {@code set_equals} (a set and a count), and
 *       anything else, or nothing there, selects nothing;
 *   <li>{@code file_text} with {@code contains} / {@code not_contains} (case kept): whether the
 *       saved text contains the text;
 *   <li>{@code file_exists} (a file, or any kind) with {@code is_true} / {@code is_false}.
 * </ul>
 *
 * A JSON number's or literal's text has no form: deskforge reads {@code 42.0} as "42.0", and
 * JavaScript's JSON.parse gives the page 42 for both {@code 42} and {@code 42.0}. So an expected
 * text or item that a number, {@code true}, {@code false}, {@code null}, an object or an array
 * would read as (a run's result "42") is refused, and the locator selects nothing for such values,
 * which then match no expected text either way. Also no form: {@code ignore_case}, a path outside
 * the served folder, with characters but letters, digits, {@code _ - .} and {@code /}, or hidden
 * (a part starting with a dot, which the server does not serve).
 */
final class JupyterWebArena implements WebArenaSite {
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
  /** What Jackson reads as a value other than a string, whose text JSON.parse loses: numbers as Java and JSON write them, literals, objects, arrays. */
  private static final Pattern NOT_A_STRING = Pattern.compile("-?(?:[0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|Infinity)|NaN|true|false|null|[\\[{].*", Pattern.DOTALL);
  private static final String SAVED = "if (status !== 200) throw new Error('HTTP ' + status); const saved = JSON.parse(text).content; "
      + "if (typeof saved !== 'string') throw new Error('no text');";

  @Override
  public String site() {
    return Jupyter.NAME;
  }

  @Override
  public boolean requireLogin() {
    return false;
  }

  @Override
  public String startUrl(List<String> launchArgs) {
    return Jupyter.address(launchArgs);
  }

  @Override
  public ProgramHtml check(Checker.Check check) {
    String api = "http://127.0.0.1:" + Jupyter.PORT + "/api/contents/" + relative(check.getter().path());
    String text = api + "?type=file&format=text&content=1";
    return switch (check.getter()) {
      case Getter.JsonValue j when check.metric() instanceof Metric.EqualsText e -> {
        if (e.ignoreCase()) throw new NoWebForm("a value compared ignoring case has no form: the form keeps case");
        String expected = e.trim() ? e.expected().strip() : e.expected();
        refuseNonString(expected);
        yield new ProgramHtml(text, WebArenaPages.locator(SAVED + " const v = " + pointer(j.pointer()) + "(JSON.parse(saved)); "
            + "if (typeof v !== 'string') throw new Error('not a string'); return " + (e.trim() ? WebArenaPages.STRIP + "(v)" : "v") + ";"),
            new RequiredContents.ExactMatch(WebArenaPages.exact(expected)));
      }
      case Getter.JsonValue j when check.metric() instanceof Metric.SetEquals s -> {
        s.expected().forEach(JupyterWebArena::refuseNonString);
        yield new ProgramHtml(text, WebArenaPages.locator(SAVED + " const v = " + pointer(j.pointer()) + "(JSON.parse(saved)); "
            + "if (!Array.isArray(v) || v.some(x => typeof x !== 'string')) throw new Error('not strings'); return " + WebArenaPages.ITEMS + "(v);"),
            new RequiredContents.ExactMatch(WebArenaPages.exact(WebArenaPages.items(s.expected()))));
      }
      case Getter.FileText t when check.metric() instanceof Metric.NotContains n && !n.ignoreCase() ->
          new ProgramHtml(text, contains(n.expected()), new RequiredContents.ExactMatch(WebArenaPages.exact("lacks it")));
      case Getter.FileText t when check.metric() instanceof Metric.Contains c && !c.ignoreCase() ->
          new ProgramHtml(text, contains(c.expected()), new RequiredContents.ExactMatch(WebArenaPages.exact("contains it")));
      case Getter.FileExists x when (x.kind() == null || x.kind().equals("file"))
          && (check.metric() instanceof Metric.IsTrue || check.metric() instanceof Metric.IsFalse) ->
          new ProgramHtml(api + "?content=0", WebArenaPages.locator("if (status === 404) return 'no such file'; "
              + "if (status !== 200) throw new Error('HTTP ' + status); const type = JSON.parse(text).type; if (typeof type !== 'string') throw new Error('no type'); "
              + "return " + (x.kind() == null ? "'file exists'" : "type === 'directory' ? 'no such file' : 'file exists'") + ";"),
              new RequiredContents.ExactMatch(WebArenaPages.exact(check.metric() instanceof Metric.IsTrue ? "file exists" : "no such file")));
      default -> throw new NoWebForm("the notebook server reads " + check.getter().getClass().getSimpleName() + " with "
          + check.metric().getClass().getSimpleName() + " on no page");
    };
  }

  /** Whether the saved text contains {@code part}. */
  private static String contains(String part) {
    return WebArenaPages.locator(SAVED + " return saved.includes(" + WebArenaPages.jsonString(part) + ") ? 'contains it' : 'lacks it';");
  }

  /** A JavaScript function following this JSON pointer as Jackson does: undefined where Jackson finds nothing. */
  static String pointer(String pointer) {
    if (!pointer.isEmpty() && !pointer.startsWith("/")) throw new NoWebForm("'" + pointer + "' is not a JSON pointer");
    List<String> parts = new ArrayList<>();
    if (!pointer.isEmpty()) for (String p : pointer.substring(1).split("/", -1)) parts.add(WebArenaPages.jsonString(p.replace("~1", "/").replace("~0", "~")));
    return "(root => [" + String.join(", ", parts) + "].reduce((v, k) => Array.isArray(v) ? (/^(0|[1-9][0-9]{0,8})$/.test(k) ? v[+k] : undefined)"
        + " : v !== null && typeof v === 'object' && Object.hasOwn(v, k) ? v[k] : undefined, root))";
  }

  /** An expected text a JSON value other than a string could read as: no form. */
  private static void refuseNonString(String expected) {
    if (NOT_A_STRING.matcher(expected).matches()) {
      throw new NoWebForm("\"" + expected + "\" is what a JSON number or literal reads as, and JSON.parse in the page loses how the file wrote it (42 and 42.0)");
    }
  }

  /** The path under the served folder, its parts URL-encoded, or no form. */
  static String relative(String path) {
    String prefix = Jupyter.DIR + "/";
    if (!path.startsWith(prefix) || !PATH.matcher(path.substring(prefix.length())).matches()) {
      // a part starting with a dot is hidden, which the server answers 404 for whether or not it is there
      throw new NoWebForm(path + " is not a file the notebook server serves by a plain path (" + prefix + "<letters, digits, _ - . />, no part starting with a dot)");
    }
    return String.join("/", java.util.Arrays.stream(path.substring(prefix.length()).split("/"))
        .map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8)).toList());
  }
}
